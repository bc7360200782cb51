import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { authorOf, body } from '../helpers/contentDocs'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Slugs end to end through REST, as each website's content editor: the same slug on two
 * websites is fine, twice on one is a 400 naming `slug` (nothing written), and renaming a
 * published post or page makes its old slug answer 301 to the new one.
 */

let t: TestContext
const tenant: Record<'alpha' | 'beta', number> = { alpha: 0, beta: 0 }
const tokens: Record<'alpha' | 'beta', string> = { alpha: '', beta: '' }
const as = (site: 'alpha' | 'beta') => ({ host: `${site}.test`, token: tokens[site] })

beforeAll(async () => {
  t = await startTestPayload()
  for (const site of ['alpha', 'beta'] as const) {
    tenant[site] = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: site } }, depth: 0 })).docs[0]!.id
    tokens[site] = await t.api.login(`content@${site}.test`, DEMO_PASSWORD, { host: `${site}.test` })
  }
})
afterAll(async () => t?.close())

const bodyFor = async (collection: 'posts' | 'pages' | 'authors' | 'categories' | 'tags', site: 'alpha' | 'beta', slug: string, title = `Title of ${slug}`) => {
  if (collection === 'posts') return { title, slug, body: body(`About ${slug}.`), primaryAuthor: await authorOf(t.payload, tenant[site]), _status: 'published' }
  if (collection === 'pages') return { title, slug, template: 'essay', body: body(`About ${slug}.`), _status: 'published' }
  return { name: title, slug }
}

describe.each(['posts', 'pages', 'authors', 'categories', 'tags'] as const)('%s', (collection) => {
  it('the same slug on two websites is allowed; twice on one is refused with 400 naming slug', async () => {
    const slug = `shared-${collection}-slug`
    const first = await t.api.post(`/api/${collection}`, { ...as('alpha'), body: await bodyFor(collection, 'alpha', slug) })
    expect(first.status).toBe(201)
    expect(first.body.doc.slug).toBe(slug)
    const other = await t.api.post(`/api/${collection}`, { ...as('beta'), body: await bodyFor(collection, 'beta', slug) })
    expect(other.status).toBe(201)
    expect(other.body.doc.slug).toBe(slug)

    const before = await t.payload.count({ collection, where: { tenant: { equals: tenant.alpha } } })
    const again = await t.api.post(`/api/${collection}`, { ...as('alpha'), body: await bodyFor(collection, 'alpha', slug, 'Another title') })
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.body)).toMatch(/"(path|field)":"slug"/)
    expect(await t.payload.count({ collection, where: { tenant: { equals: tenant.alpha } } })).toEqual(before)

    // Renaming another document onto the taken slug is refused the same way.
    const third = await t.api.post(`/api/${collection}`, { ...as('alpha'), body: await bodyFor(collection, 'alpha', `${slug}-third`) })
    expect(third.status).toBe(201)
    const rename = await t.api.patch(`/api/${collection}/${third.body.doc.id}`, { ...as('alpha'), body: { slug } })
    expect(rename.status).toBe(400)
    expect(JSON.stringify(rename.body)).toMatch(/"(path|field)":"slug"/)
    expect((await t.payload.findByID({ collection, id: third.body.doc.id, depth: 0 })).slug).toBe(`${slug}-third`)
  })
})

describe.each(['posts', 'pages'] as const)('renaming a published %s', (collection) => {
  it('makes the old slug answer 301 with Location on the new one; the new one answers 200', async () => {
    const created = await t.api.post(`/api/${collection}`, { ...as('alpha'), body: await bodyFor(collection, 'alpha', `before-rename-${collection}`) })
    expect(created.status).toBe(201)
    const renamed = await t.api.patch(`/api/${collection}/${created.body.doc.id}`, { ...as('alpha'), body: { slug: `after-rename-${collection}` } })
    expect(renamed.status).toBe(200)

    const old = await t.api.get(`/api/public/${collection}/before-rename-${collection}`, { host: 'alpha.test' })
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe(`/api/public/${collection}/after-rename-${collection}`)
    const now = await t.api.get(`/api/public/${collection}/after-rename-${collection}`, { host: 'alpha.test' })
    expect(now.status).toBe(200)
    // The old slug is Alpha's only: Beta's site knows nothing of it.
    expect((await t.api.get(`/api/public/${collection}/before-rename-${collection}`, { host: 'beta.test' })).status).toBe(404)
  })

  it('renamed twice, the first slug still leads straight to the current one', async () => {
    const created = await t.api.post(`/api/${collection}`, { ...as('alpha'), body: await bodyFor(collection, 'alpha', `first-${collection}`) })
    const id = created.body.doc.id
    await t.api.patch(`/api/${collection}/${id}`, { ...as('alpha'), body: { slug: `second-${collection}` } })
    await t.api.patch(`/api/${collection}/${id}`, { ...as('alpha'), body: { slug: `third-${collection}` } })
    for (const old of [`first-${collection}`, `second-${collection}`]) {
      const res = await t.api.get(`/api/public/${collection}/${old}`, { host: 'alpha.test' })
      expect(res.status).toBe(301)
      expect(res.headers.get('location')).toBe(`/api/public/${collection}/third-${collection}`)
    }
  })
})
