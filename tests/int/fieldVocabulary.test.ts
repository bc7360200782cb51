import pg from 'pg'
import type { FlattenedField } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { STATUS_CELL } from '@/fields/status'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The field vocabulary at the database and the API: every money column refuses a
 * fraction and an amount below its field's minimum whatever writes it (raw SQL
 * included), and no status is written through the API.
 */

let t: TestContext
let db: pg.Pool
let alpha: number
let order: number

beforeAll(async () => {
  t = await startTestPayload()
  db = new pg.Pool({ connectionString: t.databaseUrl, max: 2 })
  alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
  order = (await placeOrderFor(t.payload, alpha, 'client@alpha.test')).id
})
afterAll(async () => {
  await db?.end()
  await t?.close()
})

/** The database error of a statement that must fail (pg reports the constraint it broke). */
const refusal = async (text: string, values: unknown[] = []): Promise<pg.DatabaseError> => {
  const error = await db.query(text, values).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof pg.DatabaseError)) throw new Error(`expected a database error from: ${text}`)
  return error
}

const snake = (name: string) => name.replace(/-/g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

type MoneyColumn = { collection: string; table: string; column: string; min: number | undefined }

/** Every money field of the config, with the table and column Payload's PostgreSQL adapter gives it. */
const moneyColumns = (fields: readonly FlattenedField[], collection: string, table: string, prefix = ''): MoneyColumn[] =>
  fields.flatMap((field): MoneyColumn[] => {
    if (field.type === 'group' || field.type === 'tab') return moneyColumns(field.flattenedFields, collection, table, `${prefix}${snake(field.name)}_`)
    if (field.type === 'array') return moneyColumns(field.flattenedFields, collection, `${table}_${prefix}${snake(field.name)}`)
    if (field.type === 'number' && field.custom?.money === true) return [{ collection, table, column: `${prefix}${snake(field.name)}`, min: field.min }]
    return []
  })

describe('money columns', () => {
  const all = () => Object.values(t.payload.collections).flatMap(({ config }) => moneyColumns(config.flattenedFields, config.slug, snake(config.slug)))

  it('every money field has its CHECK: whole minor units, not below the field’s minimum', async () => {
    const columns = all()
    // The vocabulary is in use: orders, payments, the ledger, wallets, prices…
    expect(columns.length).toBeGreaterThanOrEqual(37)
    const { rows } = await db.query<{ table: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c WHERE c.contype = 'c' AND c.conname LIKE '%\\_minor\\_units'`,
    )
    const missing = columns.filter(({ table, column, min }) => {
      const check = rows.find((r) => r.table === table && r.name === `${table}_${column}_minor_units`)
      return !check || !check.def.includes(`trunc(${column})`) || !check.def.includes(`${column} >= (${min ?? 0})`)
    })
    expect(missing).toEqual([])
  })

  it('raw SQL cannot store a fraction of a cent', async () => {
    // The price and what is owed move together (total = subtotal − discount holds); PostgreSQL tests CHECKs by name, so the subtotal's answers.
    expect((await refusal('UPDATE orders SET subtotal = 1000.5, total = 1000.5, discount = 0 WHERE id = $1', [order])).constraint).toBe('orders_subtotal_minor_units')
    const level = await refusal(
      `INSERT INTO writer_levels (tenant_id, code, name, display_order, active, is_default, earning_mode, pay_per_page, pay_per_slide, urgent_threshold_hours, urgent_surcharge_per_page, urgent_multiplier_bp, max_active_orders, max_manual_takes)
       VALUES ($1, 'fractional', 'Fractional', 9, true, false, 'fixed_per_page', 12.5, 0, 12, 0, 10000, 10, 5)`,
      [alpha],
    )
    expect(level.constraint).toBe('writer_levels_pay_per_page_minor_units')
  })

  it('raw SQL cannot store a negative amount where none can be', async () => {
    expect((await refusal('UPDATE orders SET cancellation_kept = -1 WHERE id = $1', [order])).constraint).toBe('orders_cancellation_kept_minor_units')
    expect((await refusal('UPDATE pricing_options SET amount = -100 WHERE tenant_id = $1', [alpha])).constraint).toBe('pricing_options_amount_minor_units')
    expect((await refusal('UPDATE tenants SET settings_tips_minimum = 0 WHERE id = $1', [alpha])).constraint).toBe('tenants_settings_tips_minimum_minor_units')
  })

  it('whole amounts within range are stored as before', async () => {
    await db.query('UPDATE orders SET cancellation_kept = 0, cancellation_refund_due = 1250 WHERE id = $1', [order])
    const stored = await t.payload.findByID({ collection: 'orders', id: order, depth: 0 })
    expect(stored.cancellation?.refundDue).toBe(1250)
  })

  it('Payload refuses a fraction before the database sees it, naming the field', async () => {
    const level = (await t.payload.find({ collection: 'writer-levels', where: { tenant: { equals: alpha } }, limit: 1, depth: 0 })).docs[0]!
    await expect(t.payload.update({ collection: 'writer-levels', id: level.id, data: { payPerPage: 12.5 }, depth: 0 })).rejects.toThrow(/payPerPage|Pay Per Page/)
  })
})

describe('money display', () => {
  it('the admin’s currency look-up for a website answers its currency (one small read per website and page)', async () => {
    for (const email of ['admin@alpha.test', 'support@alpha.test', 'editor@alpha.test']) {
      const token = await t.api.login(email, DEMO_PASSWORD, { host: 'alpha.test' })
      const res = await t.api.get(`/api/tenants/${alpha}?depth=0&select[currency]=true`, { host: 'alpha.test', token })
      expect(res.status, email).toBe(200)
      expect(res.body).toEqual({ id: alpha, currency: 'USD' })
    }
  })
})

describe('statuses', () => {
  const statusFields = () =>
    Object.values(t.payload.collections).flatMap(({ config }) =>
      config.flattenedFields
        .filter((f) => f.type === 'select' && (f.admin?.components?.Cell as { path?: string } | undefined)?.path === STATUS_CELL)
        .map((f) => ({ slug: config.slug, field: f })),
    )

  it('every status field is the server’s: no create or update access for anyone', () => {
    const found = statusFields()
    expect(found.map((f) => `${f.slug}.${f.field.name}`)).toEqual(expect.arrayContaining(['orders.status', 'orders.paymentStatus', 'invoices.status', 'payout-records.status', 'payout-requests.status', 'payments.status', 'refunds.status']))
    for (const { field } of found) {
      const access = (field as { access?: { create?: (a: unknown) => unknown; update?: (a: unknown) => unknown } }).access
      expect(access?.create?.({})).toBe(false)
      expect(access?.update?.({})).toBe(false)
    }
  })

  it('an admin cannot set an order’s status or payment status over REST; the body’s value is ignored', async () => {
    const token = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const before = await t.payload.findByID({ collection: 'orders', id: order, depth: 0 })
    const res = await t.api.patch(`/api/orders/${order}`, { host: 'alpha.test', token, body: { status: 'completed', paymentStatus: 'fully_paid', topic: 'Renamed by the admin' } })
    expect(res.status).toBe(200)
    const after = await t.payload.findByID({ collection: 'orders', id: order, depth: 0 })
    expect(after.topic).toBe('Renamed by the admin')
    expect({ status: after.status, paymentStatus: after.paymentStatus }).toEqual({ status: before.status, paymentStatus: before.paymentStatus })
  })

  it('a client cannot place an order in a status of their choosing, over REST or GraphQL', async () => {
    const token = await t.api.login('client@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const body = { topic: 'Status probe', instructions: 'Write it.', paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities', pages: 1, spacing: 'double', deadlineHours: 72 }
    const res = await t.api.post('/api/orders', { host: 'alpha.test', token, body: { ...body, status: 'completed', paymentStatus: 'fully_paid' } })
    expect(res.status).toBe(201)
    const placed = await t.payload.findByID({ collection: 'orders', id: res.body.doc.id, depth: 0 })
    expect(placed.status).not.toBe('completed')
    expect(placed.paymentStatus).toBe('unpaid')
    const gql = await t.api.graphql(`mutation { updateOrder(id: ${placed.id}, data: { status: completed }) { status } }`, { host: 'alpha.test', token })
    expect(gql.body.data?.updateOrder?.status ?? null).not.toBe('completed')
    expect((await t.payload.findByID({ collection: 'orders', id: placed.id, depth: 0 })).status).toBe(placed.status)
  })
})

describe('user references', () => {
  it('the admin picker’s filter (writers of the document’s website) passes the API’s input checks', async () => {
    const token = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const where = { and: [{ roles: { in: ['writer'] } }, { 'tenants.tenant': { equals: alpha } }] }
    const res = await t.api.get(`/api/users?${stringify({ where, depth: 0, limit: 50 })}`, { host: 'alpha.test', token })
    expect(res.status).toBe(200)
    const emails = (res.body.docs as { email: string }[]).map((u) => u.email).sort()
    expect(emails).toEqual(['writer2@alpha.test', 'writer@alpha.test'])
  })
})
