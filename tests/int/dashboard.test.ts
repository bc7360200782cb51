import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import { inTransaction } from '@/operations/inTransaction'
import { post } from '@/operations/ledger/post'
import { ensureWallet } from '@/operations/ledger/wallets'
import { useDashboardCache } from '@/operations/dashboard/answerCache'

import { moneyTestFile } from '../helpers/moneyTestFile'
import { placeOrderFor } from '../helpers/tenantFixtures'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
let beta: number
const ALPHA = { host: 'alpha.test' }
const DAY = 24 * 3600 * 1000

moneyTestFile(
  async (test) => {
    ;({ t, tokens, ids, alpha } = test)
  },
  { superadmin: true },
)

// These tests hold the figures to the rows they have just written; the 15 s window the
// answer is kept in is dashboardCache.test.ts's subject.
beforeAll(() => useDashboardCache(false))
afterAll(() => useDashboardCache(null))

const query = async <Row extends Record<string, unknown>>(q: ReturnType<typeof sql>) => execute<Row>(await createLocalReq({}, t.payload), q)

/** Posts a balanced entry and dates it as given (journal entries carry the time they were posted). */
const postAt = async (tenant: number, reference: string, type: string, lines: Parameters<typeof post>[2]['lines'], at: Date) => {
  const req = await createLocalReq({}, t.payload)
  await inTransaction(req, () => post(req, tenant, { reference, type, lines }))
  await query(sql`UPDATE journal_entries SET created_at = ${at.toISOString()} WHERE reference = ${reference}`)
}

const revenue = (tenant: number, ref: string, amount: number, at: Date) =>
  postAt(tenant, ref, 'order_payment', [{ account: { system: 'gateway_clearing' }, debit: amount }, { account: { system: 'platform_revenue' }, credit: amount }], at)

const orderWith = async (tenant: number, status: string, clientDeadline?: Date) => {
  const order = await placeOrderFor(t.payload, tenant)
  return t.payload.update({ collection: 'orders', id: order.id, data: { status, ...(clientDeadline ? { clientDeadline: clientDeadline.toISOString() } : {}) } as never, depth: 0 })
}

const FINISHED = ['completed', 'cancelled', 'refunded', 'archived']

/** The figures an admin should see, computed here from the order rows and journal lines of the websites. */
const expected = async (tenants: number[], now: Date) => {
  const orders = await query<{ status: string; client_deadline: string }>(sql`SELECT status, client_deadline FROM orders WHERE tenant_id IN ${tenants}`)
  const byStatus: Record<string, number> = {}
  for (const o of orders) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1
  const among = (statuses: string[]) => orders.filter((o) => statuses.includes(o.status)).length
  const counters = {
    overdue: orders.filter((o) => !FINISHED.includes(o.status) && new Date(o.client_deadline) < now).length,
    unpaid: among(['created', 'unpaid', 'pending_payment']),
    awaitingStaffing: among(['ready_for_staffing']),
    inQa: among(['qa_review', 'under_editing']),
  }
  const lines = await query<{ tenant: number; zone: string; type: string; code: string; debit: string; credit: string; created_at: string }>(
    sql`SELECT e.tenant_id AS tenant, t.settings_time_zone AS zone, e.type, a.code, l.debit, l.credit, e.created_at
        FROM journal_entries e JOIN journal_entries_lines l ON l._parent_id = e.id JOIN ledger_accounts a ON a.id = l.account_id JOIN tenants t ON t.id = e.tenant_id
        WHERE e.tenant_id IN ${tenants}`,
  )
  const money: Record<number, Record<string, { revenue: number; refunds: number; writerPay: number }>> = {}
  for (const l of lines) {
    // The website's calendar day, by another road than the code's (Swedish dates are ISO).
    const day = new Date(l.created_at).toLocaleDateString('sv-SE', { timeZone: l.zone })
    const today = now.toLocaleDateString('sv-SE', { timeZone: l.zone })
    const ageInDays = (Date.parse(today) - Date.parse(day)) / DAY
    if (ageInDays < 0 || ageInDays >= 30) continue
    const cell = ((money[l.tenant] ??= {})[day] ??= { revenue: 0, refunds: 0, writerPay: 0 })
    const debit = Number(l.debit)
    const credit = Number(l.credit)
    if (l.code === 'platform_revenue') cell.revenue += credit - debit
    if (l.code === 'platform_revenue' && ['client_wallet_refund', 'provider_refund'].includes(l.type)) cell.refunds += debit
    if (l.code === 'writer_compensation_expense') cell.writerPay += debit - credit
  }
  return { byStatus, counters, money }
}

type MoneyDay = { day: string; revenue: number; refunds: number; writerPay: number }
const nonZeroDays = (days: MoneyDay[]) => Object.fromEntries(days.filter((d) => d.revenue || d.refunds || d.writerPay).map(({ day, ...figures }) => [day, figures]))

const expectFigures = async (body: any, tenants: number[], token: string) => {
  const want = await expected(tenants, new Date(body.generatedAt))
  for (const [status, count] of Object.entries(body.admin.orders.byStatus)) expect([status, count]).toEqual([status, want.byStatus[status] ?? 0])
  for (const [name, counter] of Object.entries(body.admin.orders.counters) as [keyof typeof want.counters, { count: number; link: string }][]) {
    expect([name, counter.count]).toEqual([name, want.counters[name]])
    // The link lists exactly the counted rows.
    const list = await t.api.get(`/api/orders${counter.link.slice(counter.link.indexOf('?'))}&limit=1&depth=0`, { ...ALPHA, token })
    expect([name, list.status, list.body.totalDocs]).toEqual([name, 200, counter.count])
  }
  expect(body.admin.money.map((m: { website: number }) => m.website).sort()).toEqual([...tenants].sort())
  for (const website of body.admin.money) {
    expect(website.days).toHaveLength(30)
    expect(nonZeroDays(website.days)).toEqual(want.money[website.website] ?? {})
  }
}

beforeAll(async () => {
  const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } }, depth: 0 })
  beta = docs[0]!.id
  const now = Date.now()
  await orderWith(alpha, 'qa_review')
  await orderWith(alpha, 'under_editing')
  await orderWith(alpha, 'ready_for_staffing')
  await orderWith(alpha, 'in_progress', new Date(now - DAY))
  await orderWith(alpha, 'completed', new Date(now - DAY))
  await orderWith(beta, 'qa_review')
  await orderWith(beta, 'in_progress', new Date(now - 2 * DAY))
  await revenue(alpha, 'dash:a1', 10_000, new Date(now - 3 * DAY))
  await revenue(alpha, 'dash:a2', 2_500, new Date(now))
  await revenue(alpha, 'dash:old', 99_000, new Date(now - 45 * DAY))
  await postAt(alpha, 'dash:refund', 'provider_refund', [{ account: { system: 'platform_revenue' }, debit: 700 }, { account: { system: 'gateway_clearing' }, credit: 700 }], new Date(now - DAY))
  await postAt(alpha, 'dash:pay', 'writer_earning', [{ account: { system: 'writer_compensation_expense' }, debit: 1_200 }, { account: { system: 'writer_payable' }, credit: 1_200 }], new Date(now - 2 * DAY))
  await revenue(beta, 'dash:b1', 4_000, new Date(now - 5 * DAY))
  const req = await createLocalReq({}, t.payload)
  const wallet = await inTransaction(req, () => ensureWallet(req, alpha, ids.writer!, 'writer'))
  await t.payload.create({ collection: 'payout-requests', data: { tenant: alpha, writer: ids.writer!, wallet: wallet.id, amount: 3_000, status: 'pending', expiresAt: new Date(now + DAY).toISOString() } as never })
})

describe('GET /api/dashboard for admins', () => {
  it("gives a website's admin the counts and the ledger's money of their website, each counter linking to its rows", async () => {
    const res = await t.api.get('/api/dashboard', { ...ALPHA, token: tokens.admin })
    expect(res.status).toBe(200)
    expect(res.body.websites.map((w: { id: number }) => w.id)).toEqual([alpha])
    expect(res.body.editor).toBeUndefined()
    await expectFigures(res.body, [alpha], tokens.admin!)
    expect(res.body.admin.orders.counters.inQa.count).toBeGreaterThanOrEqual(2)
    expect(res.body.admin.orders.counters.overdue.count).toBeGreaterThanOrEqual(1)
    const money = res.body.admin.money[0]
    expect(money).toMatchObject({ currency: 'USD', timeZone: 'UTC' })
    expect(money.totals.revenue).toBeGreaterThanOrEqual(10_000 + 2_500 - 700)
    const pending = await t.payload.count({ collection: 'payout-requests', where: { and: [{ tenant: { equals: alpha } }, { status: { equals: 'pending' } }] } })
    expect(res.body.admin.payoutRequests.count).toBe(pending.totalDocs)
    expect(res.body.admin.payoutRequests.byWebsite[0]).toMatchObject({ website: alpha, count: pending.totalDocs })
    expect(res.body.admin.outbox).toMatchObject({ failed: expect.any(Number), pending: expect.any(Number), link: null })
  })

  it('names one of their websites with ?tenant= and cuts the links to it; another website is 403 naming tenant', async () => {
    const own = await t.api.get(`/api/dashboard?tenant=${alpha}`, { ...ALPHA, token: tokens.admin })
    expect(own.status).toBe(200)
    expect(own.body.tenant).toBe(alpha)
    expect(own.body.admin.orders.counters.unpaid.link).toContain(`where[tenant][in][0]=${alpha}`)
    const other = await t.api.get(`/api/dashboard?tenant=${beta}`, { ...ALPHA, token: tokens.admin })
    expect(other.status).toBe(403)
    expect(other.body.errors[0].data.errors[0].path).toBe('tenant')
    const bad = await t.api.get('/api/dashboard?tenant=alpha', { ...ALPHA, token: tokens.admin })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0].path).toBe('tenant')
  })

  it('gives a superadmin every website: counts over all of them, money per website', async () => {
    const res = await t.api.get('/api/dashboard', { ...ALPHA, token: tokens.superadmin })
    expect(res.status).toBe(200)
    const all = res.body.websites.map((w: { id: number }) => w.id)
    expect(all).toEqual(expect.arrayContaining([alpha, beta]))
    await expectFigures(res.body, all, tokens.superadmin!)
    expect(res.body.admin.outbox.link).toBe('/admin/collections/outbox?where[status][equals]=failed')
    const one = await t.api.get(`/api/dashboard?tenant=${beta}`, { ...ALPHA, token: tokens.superadmin })
    await expectFigures(one.body, [beta], tokens.superadmin!)
    expect((await t.api.get('/api/dashboard?tenant=2000000000', { ...ALPHA, token: tokens.superadmin })).status).toBe(404)
  })

  it("cuts days at the website's midnight: 23:30 UTC is the next day in Berlin", async () => {
    const day = new Date(Date.now() - 3 * DAY).toISOString().slice(0, 10)
    const next = new Date(Date.parse(day) + DAY).toISOString().slice(0, 10)
    await revenue(beta, 'dash:late', 800, new Date(`${day}T23:30:00Z`))
    const dayOf = async () => {
      const res = await t.api.get(`/api/dashboard?tenant=${beta}`, { ...ALPHA, token: tokens.superadmin })
      return Object.fromEntries(res.body.admin.money[0].days.map((d: MoneyDay) => [d.day, d.revenue]))
    }
    const utc = await dayOf()
    await t.payload.update({ collection: 'tenants', id: beta, data: { settings: { timeZone: 'Europe/Berlin' } } as never })
    const berlin = await dayOf()
    expect(berlin[next]! - utc[next]!).toBe(800)
    expect(utc[day]! - berlin[day]!).toBe(800)
    const res = await t.api.get(`/api/dashboard?tenant=${beta}`, { ...ALPHA, token: tokens.superadmin })
    expect(res.body.admin.money[0].timeZone).toBe('Europe/Berlin')
    await expectFigures(res.body, [beta], tokens.superadmin!)
    await t.payload.update({ collection: 'tenants', id: beta, data: { settings: { timeZone: 'UTC' } } as never })
  })

  it('refuses a time zone Intl does not know, naming the field', async () => {
    const res = await t.api.patch(`/api/tenants/${alpha}`, { ...ALPHA, token: tokens.admin, body: { settings: { timeZone: 'Mars/Olympus' } } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('settings.timeZone')
  })
})

describe('GET /api/dashboard for other roles', () => {
  it('refuses clients (403) and anonymous callers (401)', async () => {
    expect((await t.api.get('/api/dashboard', { ...ALPHA, token: tokens.client })).status).toBe(403)
    expect((await t.api.get('/api/dashboard', ALPHA)).status).toBe(401)
  })

  it("gives an editor the QA queue of their websites and nothing of the admin's", async () => {
    const res = await t.api.get('/api/dashboard', { ...ALPHA, token: tokens.editor })
    expect(res.status).toBe(200)
    expect(res.body.admin).toBeUndefined()
    const rows = await query<{ id: number }>(sql`SELECT id FROM orders WHERE tenant_id = ${alpha} AND status IN ('qa_review', 'under_editing') ORDER BY client_deadline`)
    expect(res.body.editor.qaQueue.count).toBe(rows.length)
    expect(res.body.editor.qaQueue.orders.map((o: { id: number }) => o.id)).toEqual(rows.map((r) => r.id))
    expect(res.body.editor.qaQueue.orders[0]).toMatchObject({ number: expect.any(String), topic: expect.any(String), clientDeadline: expect.any(String), link: `/admin/collections/orders/${rows[0]!.id}` })
  })

  it('gives support the open disputes and holds, not the settled ones', async () => {
    const order = await orderWith(alpha, 'disputed')
    const held = await orderWith(alpha, 'on_hold')
    const make = (o: { id: number }, kind: string, status: string) =>
      t.payload.create({ collection: 'order-requests', data: { tenant: alpha, order: o.id, kind, status, requestedBy: ids.client! } as never, depth: 0 })
    const dispute = await make(order, 'dispute', 'open')
    const hold = await make(held, 'hold', 'active')
    const released = await make(held, 'hold', 'released')
    const res = await t.api.get('/api/dashboard', { ...ALPHA, token: tokens.support })
    expect(res.status).toBe(200)
    expect(res.body.admin).toBeUndefined()
    const open = await query<{ id: number; kind: string }>(
      sql`SELECT id, kind FROM order_requests WHERE tenant_id = ${alpha} AND ((kind = 'dispute' AND status IN ('open', 'resolved')) OR (kind = 'hold' AND status IN ('requested', 'active'))) ORDER BY created_at`,
    )
    const idsOf = (list: { requests: { id: number }[] }) => list.requests.map((r) => r.id)
    expect(idsOf(res.body.support.disputes)).toEqual(open.filter((r) => r.kind === 'dispute').map((r) => r.id))
    expect(idsOf(res.body.support.holds)).toEqual(open.filter((r) => r.kind === 'hold').map((r) => r.id))
    expect(idsOf(res.body.support.holds)).toContain(hold.id)
    expect(idsOf(res.body.support.holds)).not.toContain(released.id)
    expect(res.body.support.disputes.requests.find((r: { id: number }) => r.id === dispute.id).order).toMatchObject({ id: order.id, number: order.number, status: 'disputed' })
  })
})
