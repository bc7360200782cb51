import { afterAll, beforeAll, expect, it } from 'vitest'

import { openCredentials } from '@/domain/credentials/seal'
import { sealContext } from '@/operations/credentials/sealedRow'
import { credentialKeyRing } from '@/security/credentialKeys'
import { SEED_CONTENT } from '@/seed/contentData'
import { DEMO_PEOPLE, DEMO_TENANTS } from '@/seed/demoData'
import { seed } from '@/seed'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

// Per website: its row, prices, levels, discounts, the people, the ticket, class orders, class credentials, content settings, loyalty, content, the special order.
const STEPS = 1 + DEMO_TENANTS.length * (11 + DEMO_PEOPLE.length)

it('the seeded database holds the demo websites and one user per role on each', async () => {
  const tenants = await t.payload.find({ collection: 'tenants', depth: 0, sort: 'slug' })
  expect(tenants.docs.map((d) => [d.slug, d.domains?.map((x) => x.domain)])).toEqual(
    DEMO_TENANTS.map((d) => [d.slug, d.domains]),
  )
  const users = await t.payload.count({ collection: 'users' })
  expect(users.totalDocs).toBe(1 + DEMO_TENANTS.length * DEMO_PEOPLE.length)
})

it.each(DEMO_TENANTS.map((d) => d.slug))('%s has its blog: 3 authors, 4 categories, 12 posts (9 published, 2 drafts, 1 scheduled) and 5 service pages', async (slug) => {
  const tenant = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, depth: 0 })).docs[0]!
  const of = { tenant: { equals: tenant.id } }
  const count = async (collection: 'authors' | 'categories' | 'tags' | 'posts' | 'pages', where: object = of) =>
    (await t.payload.count({ collection, where: where as never })).totalDocs
  expect(await count('authors')).toBe(3)
  expect(await count('categories')).toBe(4)
  expect(await count('tags')).toBe(SEED_CONTENT[slug]!.tags.length)
  expect(await count('posts')).toBe(12)
  expect(await count('posts', { and: [of, { _status: { equals: 'published' } }] })).toBe(9)
  expect(await count('posts', { and: [of, { _status: { equals: 'draft' } }] })).toBe(3)
  const pages = await t.payload.find({ collection: 'pages', where: { and: [of, { _status: { equals: 'published' } }] }, depth: 0, sort: 'id' })
  expect(pages.docs.map((p) => p.template)).toEqual(['essay', 'technical', 'healthcare', 'admissions', 'editing'])
  const blocks = new Set(pages.docs.flatMap((p) => (p.body?.root.children ?? []).flatMap((n) => (n.type === 'block' ? [(n.fields as { blockType: string }).blockType] : []))))
  expect([...blocks].sort()).toEqual(['comparisonTable', 'cta', 'faq', 'featureGrid', 'pricingTable', 'testimonials'])
  expect(tenant.content).toMatchObject({ siteName: SEED_CONTENT[slug]!.siteName, previewUrl: `http://${slug}.localhost:3000/preview/{collection}/{slug}` })

  // The scheduled post waits for Payload's own schedulePublish job, in the content editor's name.
  const scheduled = await t.payload.find({ collection: 'posts', where: { and: [of, { title: { equals: SEED_CONTENT[slug]!.posts.at(-1)!.title } }] }, draft: true, depth: 0 })
  expect(scheduled.docs[0]?._status).toBe('draft')
  const jobs = await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, depth: 0, limit: 10 })
  // Queued as the admin's schedule drawer queues it: the id as a string, with the user who scheduled it.
  const job = jobs.docs.find((j) => (j.input as { doc?: { value: unknown } }).doc?.value === String(scheduled.docs[0]!.id))
  expect(job).toBeDefined()
  expect(new Date(job!.waitUntil!).getTime()).toBeGreaterThan(Date.now())
  const editor = (await t.payload.find({ collection: 'users', where: { email: { equals: `content@${slug}.test` } }, depth: 0 })).docs[0]!
  expect((job!.input as { user?: { value: unknown } }).user?.value).toBe(editor.id)

  // Published posts link to other posts and to their service pages.
  const published = await t.payload.find({ collection: 'posts', where: { and: [of, { _status: { equals: 'published' } }] }, depth: 0, limit: 20 })
  const linked = published.docs.filter((p) => JSON.stringify(p.body).includes('"linkType":"internal"'))
  expect(linked.length).toBeGreaterThanOrEqual(8)
})

it.each(DEMO_TENANTS.map((d) => d.slug))('%s: the demo client has one open ticket, numbered, on the SLA clock and handed to the support agent', async (slug) => {
  const person = async (local: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: `${local}@${slug}.test` } }, depth: 0 })).docs[0]!
  const [client, support] = [await person('client'), await person('support')]
  const { docs } = await t.payload.find({ collection: 'tickets', where: { opener: { equals: client.id } }, depth: 0 })
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ status: 'open', openerRole: 'client', assignee: support.id, priority: 'normal' })
  expect(docs[0]!.number).toBeTruthy()
  expect(new Date(docs[0]!.sla!.firstResponseDueAt!).getTime()).toBeGreaterThan(new Date(docs[0]!.createdAt).getTime())
})

it.each(DEMO_TENANTS.map((d) => d.slug))('%s: the worked demo class has its portal login sealed, opening for its writer, and one view in the access log', async (slug) => {
  const { docs } = await t.payload.find({ collection: 'class-access', depth: 0, showHiddenFields: true, where: { 'classOrder.client.email': { equals: `client@${slug}.test` } } })
  expect(docs).toHaveLength(1)
  const row = docs[0]!
  const classOrder = typeof row.classOrder === 'number' ? row.classOrder : row.classOrder.id
  const opened = openCredentials({ keyId: row.keyId, iv: row.credentialsIv!, tag: row.credentialsTag!, ciphertext: row.credentialsCiphertext! }, credentialKeyRing(), sealContext(classOrder))
  expect(opened.username).toBe(`student.${slug}`)
  expect((await t.payload.findByID({ collection: 'class-orders', id: classOrder, depth: 0 })).status).toBe('in_progress')
  expect((await t.payload.count({ collection: 'class-access-views', where: { classOrder: { equals: classOrder } } })).totalDocs).toBe(1)
})

it('the two websites do not tell the same story', async () => {
  const titles = (slug: string) => SEED_CONTENT[slug]!.posts.map((p) => p.title)
  expect(titles('alpha').filter((title) => titles('beta').includes(title))).toEqual([])
  const text = await t.payload.find({ collection: 'pages', where: { template: { equals: 'essay' } }, depth: 0 })
  expect(new Set(text.docs.map((d) => d.hero?.headline)).size).toBe(2)
})

it('running the seed again creates nothing and reports every step', async () => {
  const lines: string[] = []
  const before = await t.payload.count({ collection: 'users' })
  const posts = await t.payload.count({ collection: 'posts' })
  const { created } = await seed(t.payload, (line) => lines.push(line))
  expect(created).toBe(0)
  expect(lines).toHaveLength(STEPS)
  expect(lines.at(-1)).toBe(`[${STEPS}/${STEPS}] exists  special order of beta`)
  expect(lines).toContain(`[3/${STEPS}] exists  price list of alpha`)
  expect(lines).toContain(`[4/${STEPS}] exists  writer levels of alpha`)
  expect(lines).toContain(`[5/${STEPS}] exists  discount codes of alpha`)
  expect(lines).toContain(`[${3 + 1 + 1 + DEMO_PEOPLE.length + 1}/${STEPS}] exists  support ticket of alpha`)
  expect(lines).toContain(`[${3 + 1 + 1 + DEMO_PEOPLE.length + 2}/${STEPS}] exists  class orders of alpha`)
  expect(lines).toContain(`[${3 + 1 + 1 + DEMO_PEOPLE.length + 3}/${STEPS}] exists  class portal credentials of alpha`)
  expect(lines).toContain(`[${3 + 1 + 1 + DEMO_PEOPLE.length + 4}/${STEPS}] exists  content settings of alpha`)
  expect(await t.payload.count({ collection: 'users' })).toEqual(before)
  expect(await t.payload.count({ collection: 'posts' })).toEqual(posts)
})

it.each(['alpha', 'beta'])('%s has a class with a price proposed and a paid one worked by its writer with two tasks', async (slug) => {
  const person = async (local: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: `${local}@${slug}.test` } }, depth: 0 })).docs[0]!
  const [client, writer] = [await person('client'), await person('writer')]
  const classes = (await t.payload.find({ collection: 'class-orders', where: { client: { equals: client.id } }, sort: 'id', depth: 0 })).docs
  expect(classes.map((c) => [c.status, c.paymentStatus])).toEqual([
    ['price_proposed', 'unpaid'],
    ['in_progress', 'paid'],
  ])
  const running = classes[1]!
  expect(running.writer).toBe(writer.id)
  const tasks = (await t.payload.find({ collection: 'class-tasks', where: { classOrder: { equals: running.id } }, depth: 0 })).docs
  expect(tasks.map((task) => [task.status, task.writer])).toEqual([
    ['assigned', writer.id],
    ['assigned', writer.id],
  ])
})
