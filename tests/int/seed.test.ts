import { afterAll, beforeAll, expect, it } from 'vitest'

import { DEMO_PEOPLE, DEMO_TENANTS } from '@/seed/demoData'
import { seed } from '@/seed'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

it('the seeded database holds the demo websites and one user per role on each', async () => {
  const tenants = await t.payload.find({ collection: 'tenants', depth: 0, sort: 'slug' })
  expect(tenants.docs.map((d) => [d.slug, d.domains?.map((x) => x.domain)])).toEqual(
    DEMO_TENANTS.map((d) => [d.slug, d.domains]),
  )
  const users = await t.payload.count({ collection: 'users' })
  expect(users.totalDocs).toBe(1 + DEMO_TENANTS.length * DEMO_PEOPLE.length)
})

it('running the seed again creates nothing and reports every step', async () => {
  const lines: string[] = []
  const before = await t.payload.count({ collection: 'users' })
  const { created } = await seed(t.payload, (line) => lines.push(line))
  expect(created).toBe(0)
  expect(lines).toHaveLength(1 + DEMO_TENANTS.length * (3 + DEMO_PEOPLE.length))
  expect(lines.at(-1)).toMatch(/^\[23\/23\] exists {2}client2@beta\.test$/)
  expect(lines).toContain('[3/23] exists  price list of alpha')
  expect(lines).toContain('[4/23] exists  writer levels of alpha')
  expect(await t.payload.count({ collection: 'users' })).toEqual(before)
})
