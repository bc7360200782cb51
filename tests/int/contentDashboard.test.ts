import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { authorOf, draftPost, schedule, userByEmail, websiteBySlug } from '../helpers/contentFixtures'
import { lexicalBody, para } from '../helpers/lexical'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let alpha: number
let beta: number
const tokens: Record<string, string> = {}
const made: Record<string, { id: number; title: string }> = {}
const idOf = (key: string) => made[key]!.id

type Item = { id: number; collection: string; title: string; website: number | null; link: string }
type Content = { drafts: { count: number; items: (Item & { live: boolean })[] }; scheduled: { count: number; items: (Item & { action: string; at: string; error: string | null })[] }; warnings: { count: number; items: (Item & { warningCount: number })[] } }

const dashboard = async (who: string, query = '') => {
  const res = await t.api.get(`/api/dashboard${query}`, { token: tokens[who], host: who.endsWith('beta') ? 'beta.test' : 'alpha.test' })
  return res
}
const titles = (items: Item[]) => items.map((i) => i.title)

/** A post of the website written as its content editor: a draft, then published when asked. */
const postOf = async (website: 'alpha' | 'beta', name: string, options: { publish?: boolean; link?: boolean } = {}) => {
  const tenant = website === 'alpha' ? alpha : beta
  const author = await authorOf(t.payload, tenant)
  const email = `content@${website}.test`
  const title = `${name} ${website}`
  const post = await draftPost(t.payload, email, { tenant, title, slug: `${name}-${website}-${Date.now().toString(36)}`, body: lexicalBody(para('Words for the dashboard.')), primaryAuthor: author.id })
  if (options.publish) {
    const user = await userByEmail(t.payload, email)
    await t.payload.update({ collection: 'posts', id: post.id, data: { _status: 'published' } as never, depth: 0, overrideAccess: false, user })
  }
  made[`${name}-${website}`] = { id: post.id, title }
  return post
}

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteBySlug(t.payload, 'alpha')
  beta = await websiteBySlug(t.payload, 'beta')
  for (const email of ['content@alpha.test', 'content@beta.test', 'admin@alpha.test', 'editor@alpha.test']) {
    tokens[email.replace('@', '-').replace('.test', '')] = await t.api.login(email, DEMO_PASSWORD, { host: email.endsWith('beta.test') ? 'beta.test' : 'alpha.test' })
  }
  for (const website of ['alpha', 'beta'] as const) {
    await postOf(website, 'draft')
    const scheduled = await postOf(website, 'scheduled')
    await schedule(t.payload, `content@${website}.test`, 'publish', { relationTo: 'posts', value: scheduled.id }, new Date(Date.now() + 24 * 3600_000))
    // Published without an internal link or primary service: warnings, persisted on save.
    await postOf(website, 'warned', { publish: true })
  }
})
afterAll(async () => {
  await t?.close()
})

describe("the content editor's dashboard", () => {
  it("shows its website's drafts, scheduled items and published posts with warnings, each linking to its edit page; never Beta's", async () => {
    const res = await dashboard('content-alpha')
    expect(res.status).toBe(200)
    const content = res.body.content as Content
    expect(titles(content.drafts.items)).toEqual(expect.arrayContaining(['draft alpha', 'scheduled alpha']))
    expect(titles(content.drafts.items)).not.toContain('warned alpha')
    const draft = content.drafts.items.find((i) => i.title === 'draft alpha')!
    expect(draft).toMatchObject({ id: idOf('draft-alpha'), collection: 'posts', website: alpha, live: false, link: `/admin/collections/posts/${idOf('draft-alpha')}` })
    // The seed schedules posts too: ours must be there, and nothing of another website.
    const scheduled = content.scheduled.items.find((i) => i.title === 'scheduled alpha')
    expect(scheduled).toMatchObject({ id: idOf('scheduled-alpha'), action: 'publish', error: null, link: `/admin/collections/posts/${idOf('scheduled-alpha')}` })
    expect(new Date(scheduled!.at).getTime()).toBeGreaterThan(Date.now())
    expect(content.scheduled.count).toBe(content.scheduled.items.length)
    const warned = content.warnings.items.find((i) => i.title === 'warned alpha')
    expect(warned).toMatchObject({ id: idOf('warned-alpha'), website: alpha })
    expect(warned!.warningCount).toBeGreaterThan(0)

    const everything = JSON.stringify(content)
    expect(everything).not.toMatch(/ beta"/)
    for (const list of [content.drafts.items, content.scheduled.items, content.warnings.items]) expect(list.every((i) => i.website === alpha)).toBe(true)
  })

  it('gets no orders, money, QA or support parts', async () => {
    const { body } = await dashboard('content-alpha')
    expect(body.admin).toBeUndefined()
    expect(body.editor).toBeUndefined()
    expect(body.support).toBeUndefined()
    expect(body.websites.map((w: { id: number }) => w.id)).toEqual([alpha])
  })

  it("refuses Beta's website as a filter (403 naming tenant)", async () => {
    const res = await dashboard('content-alpha', `?tenant=${beta}`)
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toContain('tenant')
  })

  it("Beta's content editor sees Beta's work only", async () => {
    const content = (await dashboard('content-beta')).body.content as Content
    expect(titles(content.scheduled.items)).toContain('scheduled beta')
    expect(titles(content.drafts.items)).toEqual(expect.arrayContaining(['draft beta']))
    for (const list of [content.drafts.items, content.scheduled.items, content.warnings.items]) expect(list.every((i) => i.website === beta)).toBe(true)
    expect(JSON.stringify(content)).not.toMatch(/ alpha"/)
  })

  it("a post published with later changes shows as a draft with a live version; admins see content too; a QA editor does not", async () => {
    const user = await userByEmail(t.payload, 'content@alpha.test')
    await t.payload.update({ collection: 'posts', id: idOf('warned-alpha'), data: { title: 'warned alpha' }, draft: true, depth: 0, overrideAccess: false, user })
    const admin = (await dashboard('admin-alpha')).body
    expect(admin.admin).toBeTruthy()
    const draft = (admin.content as Content).drafts.items.find((i) => i.id === idOf('warned-alpha'))
    expect(draft).toMatchObject({ live: true })
    expect((await dashboard('editor-alpha')).body.content).toBeUndefined()
  })
})
