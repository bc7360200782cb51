import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import { startPayment } from '@/operations/payments/checkout'

import { moneyTestFile } from '../helpers/moneyTestFile'
import { workflowClient } from '../helpers/orderWorkflow'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let alpha: number
let serial = 0

moneyTestFile(async (test) => {
  ;({ t, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', test.tokens)
  await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { payments: { manualEnabled: true } } }, depth: 0 })
})

const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase()

describe('one single-use code, many checkouts at once', () => {
  it('100 concurrent checkouts with one single-use code: exactly one is discounted, 99 are refused as exhausted', async () => {
    const d = await t.payload.create({ collection: 'discounts', data: { tenant: alpha, code: `RACE${unique()}`, name: 'Race', kind: 'fixed', value: 300, usageLimit: 1 } as never, depth: 0 })
    const placed = await w.place('client')
    const tenant = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })
    const req = await createLocalReq({}, t.payload)
    // 100 clients and an unpaid order each (rows copied from one placed order).
    // 100 clients of Alpha: copies of one client's row (SQL: creating them one by one through the API is slow).
    const userColumns = await execute<{ column_name: string }>(req, sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND table_schema = current_schema() ORDER BY ordinal_position`)
    const template = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client2@alpha.test' } }, depth: 0 })).docs[0]!.id
    const batch = unique().toLowerCase()
    const userValues = userColumns.map(({ column_name: c }) =>
      c === 'id' ? sql.raw(`nextval('users_id_seq')`) : c === 'email' ? sql`'racer-' || g || ${`-${batch}@alpha.test`}` : c === 'name' ? sql`'Racer ' || g` : sql.raw(`o."${c}"`),
    )
    const userNames = sql.raw(userColumns.map((c) => `"${c.column_name}"`).join(', '))
    const created = await execute<{ id: number }>(
      req,
      sql`WITH u AS (INSERT INTO users (${userNames}) SELECT ${sql.join(userValues, sql`, `)} FROM users o, generate_series(1, 100) g WHERE o.id = ${template} RETURNING id),
        r AS (INSERT INTO users_roles ("order", parent_id, value) SELECT 1, id, 'client' FROM u),
        m AS (INSERT INTO users_tenants (_order, _parent_id, id, tenant_id) SELECT 1, id, md5(random()::text || id), ${alpha} FROM u)
        SELECT id FROM u ORDER BY id`,
    )
    const clients = created.map((row) => Number(row.id))
    const columns = await execute<{ column_name: string }>(req, sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' AND table_schema = current_schema() ORDER BY ordinal_position`)
    const orders: number[] = []
    for (const [i, client] of clients.entries()) {
      const values = columns.map(({ column_name: c }) =>
        c === 'id' ? sql.raw(`nextval('orders_id_seq')`) : c === 'number' ? sql`${`RACE-${unique()}-${i}`}` : c === 'client_id' ? sql`${client}` : sql.raw(`o."${c}"`),
      )
      const names = sql.raw(columns.map((c) => `"${c.column_name}"`).join(', '))
      const [row] = await execute<{ id: number }>(req, sql`INSERT INTO orders (${names}) SELECT ${sql.join(values, sql`, `)} FROM orders o WHERE o.id = ${placed.id} RETURNING id`)
      orders.push(Number(row!.id))
    }
    const outcomes = await Promise.allSettled(
      orders.map(async (order, i) => startPayment(await createLocalReq({}, t.payload), tenant, clients[i]!, { purpose: 'order', order, provider: 'manual', discountCode: d.code })),
    )
    const ok = outcomes.filter((o) => o.status === 'fulfilled')
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect(refused).toHaveLength(99)
    for (const r of refused) expect((r.reason as { data?: { rule?: string } }).data?.rule).toBe('exhausted')
    const live = await t.payload.find({ collection: 'discount-usages', where: { and: [{ discount: { equals: d.id } }, { status: { not_equals: 'released' } }] }, depth: 0 })
    expect(live.totalDocs).toBe(1)
    const [counts] = await execute<{ payments: string; discounted: string }>(
      req,
      sql`SELECT (SELECT count(*) FROM payments WHERE order_id IN ${sql.raw(`(${orders.join(',')})`)}) AS payments, (SELECT count(*) FROM orders WHERE id IN ${sql.raw(`(${orders.join(',')})`)} AND discount > 0) AS discounted`,
    )
    expect(counts).toEqual({ payments: '1', discounted: '1' })
    expect((await t.payload.findByID({ collection: 'discounts', id: d.id, depth: 0 })).timesUsed).toBe(1)
  })
})
