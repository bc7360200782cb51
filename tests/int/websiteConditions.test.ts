import { createLocalReq } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { poolOf } from '@/db/pool'
import { logStatements, type StatementLog } from '@/db/statementLog'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { websiteId } from '../helpers/newPerson'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * One website reaches SQL as `tenant_id = …`, never `tenant_id IN (…)`, from each layer
 * that names it (src/access/oneWebsiteConditions.ts): PostgreSQL merges equalities on one
 * column and misjudged the repeated lists (docs/bench.md, admin list views).
 */

let t: TestContext
let alpha: number
let sql: StatementLog

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteId(t, 'alpha')
  sql = logStatements(poolOf(t.payload)!, { keepText: true })
})
afterAll(async () => t?.close())

it.each(['admin', 'client', 'writer', 'support'])('as %s: the order list names the website by equality only', async (role) => {
  const login = await t.api.post('/api/users/login', { host: 'alpha.test', body: { email: `${role}@alpha.test`, password: DEMO_PASSWORD } })
  expect(login.status).toBe(200)
  sql.reset()
  const res = await t.api.get('/api/orders?limit=5&depth=0', { host: 'alpha.test', token: login.body.token })
  expect(res.status).toBe(200)
  const reads = sql.texts.filter((text) => /from "orders"/i.test(text))
  expect(reads.length).toBeGreaterThan(0)
  for (const text of reads) {
    expect(text).toContain('"orders"."tenant_id" = ')
    expect(text).not.toMatch(/"tenant_id" in \(/i)
  }
})

it("the admin's list filter for the selected website is an equality", async () => {
  const filter = t.payload.collections.orders.config.admin.baseFilter!
  const req = await createLocalReq({ req: { headers: new Headers({ cookie: `payload-tenant=${alpha}` }) } }, t.payload)
  expect(await filter({ limit: 10, page: 1, req, sort: '-createdAt' })).toEqual({ and: [{ tenant: { equals: alpha } }] })
})
