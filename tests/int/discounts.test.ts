import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import { DISCOUNT_RULES } from '@/domain/discounts/evaluate'
import { runDiscountCampaigns } from '@/jobs/discountSchedules'
import { expireInvoices } from '@/jobs/invoiceSchedules'
import { failPayment } from '@/operations/payments/settlePayment'
import { inTransaction } from '@/operations/inTransaction'
import { postOrderEarning } from '@/operations/money/writerEarnings'
import { DEMO_PASSWORD } from '@/seed/demoData'
import type { Discount, Order } from '@/payload-types'

import { fundWallet } from '../helpers/money'
import { pdfText } from '../helpers/pdf'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { workflowClient } from '../helpers/orderWorkflow'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
let beta: number
const ALPHA = { host: 'alpha.test' }
let serial = 0

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
  beta = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } }, depth: 0 })).docs[0]!.id
  await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { payments: { manualEnabled: true } } }, depth: 0 })
})

const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase()

/** A discount of the website (the Local API, as an admin's form would save it). */
const discount = (data: Partial<Discount> & { tenant?: number } = {}) =>
  t.payload.create({ collection: 'discounts', data: { tenant: alpha, code: `T${unique()}`, name: 'Test', kind: 'percentage', value: 10, ...data } as never, depth: 0 })

/** A new client of Alpha, logged in: a first order of their own, nobody else's usages. */
const newClient = async () => {
  const email = `dc-${unique().toLowerCase()}@alpha.test`
  const user = await t.payload.create({ collection: 'users', data: { name: 'Discount client', email, password: DEMO_PASSWORD, roles: ['client'], tenants: [{ tenant: alpha }] } as never, depth: 0 })
  const token = await t.api.login(email, DEMO_PASSWORD, ALPHA)
  const key = `c${user.id}`
  tokens[key] = token
  ids[key] = user.id
  return key
}

const preview = (who: string, body: Record<string, unknown>, host = ALPHA) => t.api.post('/api/discounts/preview', { ...host, token: tokens[who], body })
const checkout = (who: string, body: Record<string, unknown>) => t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens[who], body: { purpose: 'order', ...body } })
const orderOf = (id: number) => t.payload.findByID({ collection: 'orders', id, depth: 0 })
const usagesOf = async (order: number) => (await t.payload.find({ collection: 'discount-usages', where: { order: { equals: order } }, sort: 'id', depth: 0 })).docs
const paymentsOf = async (order: number) => (await t.payload.count({ collection: 'payments', where: { order: { equals: order } } })).totalDocs

/** An order of `who` that counts as paid: the client has paid before. */
const paidBefore = async (who: string) => {
  const order = await w.place(who)
  await w.must('admin', order.id, 'markPaid')
}

describe('discount codes', () => {
  it('the demo seed gives every website WELCOME10 (10 %, first order only) and <SLUG>5 (5.00 off)', async () => {
    for (const [tenant, fixed] of [[alpha, 'ALPHA5'], [beta, 'BETA5']] as const) {
      const { docs } = await t.payload.find({ collection: 'discounts', where: { and: [{ tenant: { equals: tenant } }, { code: { in: ['WELCOME10', fixed] } }] }, sort: 'code', depth: 0 })
      expect(docs.map((d) => [d.code, d.kind, d.value, d.firstOrderOnly])).toEqual([[fixed, 'fixed', 500, false], ['WELCOME10', 'percentage', 10, true]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))))
    }
  })

  it('admins write codes (stored upper-case, unique per website case-insensitively); clients never list them', async () => {
    const code = `low${unique().toLowerCase()}`
    const created = await t.api.post('/api/discounts', { ...ALPHA, token: tokens.admin, body: { code, name: 'Lower', kind: 'fixed', value: 300 } })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ code: code.toUpperCase(), tenant: expect.objectContaining({ id: alpha }), status: 'active', timesUsed: 0 })
    const again = await t.api.post('/api/discounts', { ...ALPHA, token: tokens.admin, body: { code: code.toUpperCase(), name: 'Again', kind: 'fixed', value: 300 } })
    expect(again.status).toBe(400)
    // Another website may use the same code.
    expect((await t.api.post('/api/discounts', { host: 'beta.test', token: tokens.betaAdmin, body: { code, name: 'Beta', kind: 'fixed', value: 300 } })).status).toBe(201)
    expect((await t.api.post('/api/discounts', { ...ALPHA, token: tokens.support, body: { code: `S${unique()}`, name: 'No', kind: 'fixed', value: 1 } })).status).toBe(403)
    expect((await t.api.get(`/api/discounts/${created.body.doc.id}`, { ...ALPHA, token: tokens.support })).status).toBe(200)
    expect((await t.api.get('/api/discounts', { ...ALPHA, token: tokens.client })).body.docs).toEqual([])
    expect((await t.api.get(`/api/discounts/${created.body.doc.id}`, { ...ALPHA, token: tokens.client })).status).toBe(404)
    expect((await t.api.get(`/api/discounts/${created.body.doc.id}`, { host: 'beta.test', token: tokens.betaAdmin })).status).toBe(404)
    // A percentage above 100 and a client of another website are refused, naming the field.
    const pct = await t.api.post('/api/discounts', { ...ALPHA, token: tokens.admin, body: { code: `P${unique()}`, name: 'Too much', kind: 'percentage', value: 150 } })
    expect(pct.status).toBe(400)
    const betaClient = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@beta.test' } }, depth: 0 })).docs[0]!.id
    const foreign = await t.api.post('/api/discounts', { ...ALPHA, token: tokens.admin, body: { code: `F${unique()}`, name: 'Foreign', kind: 'fixed', value: 100, eligibleClients: [betaClient] } })
    expect(foreign.status).toBe(400)
    expect(JSON.stringify(foreign.body)).toContain('eligibleClients')
  })
})

describe('POST /api/discounts/preview', () => {
  let order: Order
  let subtotal: number

  it('answers the code’s discount on the client’s own unpaid order, and nothing without a code', async () => {
    order = await w.place('client')
    subtotal = order.subtotal!
    expect(subtotal).toBe(order.total)
    const d = await discount({ kind: 'fixed', value: 500 })
    const res = await preview('client', { code: d.code.toLowerCase(), order: order.id })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ code: d.code, origin: 'manual', discount: 500, subtotal, total: subtotal - 500 })
    expect((await preview('client', { order: order.id })).body).toEqual({ code: null, origin: null, discount: 0, subtotal, total: subtotal })
    // Nothing is held by a preview.
    expect(await usagesOf(order.id)).toEqual([])
    // Staff preview for the client; another client and another website cannot see the order.
    expect((await preview('support', { code: d.code, order: order.id })).body.discount).toBe(500)
    expect((await preview('client2', { code: d.code, order: order.id })).status).toBe(404)
    expect((await preview('betaClient', { code: d.code, order: order.id }, { host: 'beta.test' })).status).toBe(404)
    expect((await preview('client', { code: d.code })).status).toBe(400)
  })

  it('names every rule a code can fail by in data.rule (422)', async () => {
    const now = Date.now()
    const other = await w.place('client2')
    const fullCampaign = await t.payload.create({ collection: 'discount-campaigns', data: { tenant: alpha, name: 'Spent', slug: `spent-${unique().toLowerCase()}`, startsAt: new Date(now - 3600_000).toISOString(), budget: 100, spent: 100, status: 'active' } as never, depth: 0 })
    const usedUp = await discount({ usageLimit: 1 })
    const perClient = await discount({ perClientLimit: 1 })
    const usage = (d: Discount, client: number, orderId: number) =>
      t.payload.create({ collection: 'discount-usages', data: { tenant: alpha, discount: d.id, client, payableType: 'order', order: orderId, payableKey: `order:${orderId}`, subtotal: 1000, discountAmount: 100, total: 900, origin: 'manual', code: d.code, status: 'applied' }, depth: 0 })
    await usage(usedUp, ids.client2!, other.id)
    const another = await w.place('client')
    await usage(perClient, ids.client!, another.id)
    const betaCode = await discount({ tenant: beta })
    const cases: Record<(typeof DISCOUNT_RULES)[number], string> = {
      unknown_code: betaCode.code,
      not_started: (await discount({ startsAt: new Date(now + 86400_000).toISOString() })).code,
      expired: (await discount({ endsAt: new Date(now - 1000).toISOString() })).code,
      exhausted: usedUp.code,
      budget_spent: (await discount({ campaign: fullCampaign.id })).code,
      per_client_limit: perClient.code,
      not_eligible: (await discount({ eligibleClients: [ids.client2!] })).code,
      minimum_not_met: (await discount({ minPayable: subtotal + 1 })).code,
      first_order_only: (await discount({ firstOrderOnly: true })).code,
    }
    await paidBefore('client')
    for (const rule of DISCOUNT_RULES) {
      const res = await preview('client', { code: cases[rule], order: order.id })
      expect([rule, res.status]).toEqual([rule, 422])
      expect(res.body.errors[0].data).toMatchObject({ rule, field: 'discountCode' })
      expect(res.body.errors[0].message).toContain(rule)
    }
    // Beta's own client gets Beta's code.
    const betaOrder = (await t.api.post('/api/orders', { host: 'beta.test', token: tokens.betaClient, body: { topic: 'Beta order', instructions: 'x', paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities', pages: 2, spacing: 'double', deadlineHours: 240 } })).body.doc as Order
    expect((await preview('betaClient', { code: betaCode.code, order: betaOrder.id }, { host: 'beta.test' })).body.discount).toBeGreaterThan(0)
  })

  it('best of the automatic first-order discount and the entered code, never both', async () => {
    await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { discounts: { firstOrder: { enabled: true, kind: 'percentage', value: 10 } } } }, depth: 0 })
    try {
      const who = await newClient()
      const mine = await w.place(who)
      const sub = mine.subtotal!
      const tenPercent = Math.round(sub / 10)
      const auto = await preview(who, { order: mine.id })
      expect(auto.body).toEqual({ code: null, origin: 'first_order', discount: tenPercent, subtotal: sub, total: sub - tenPercent })
      const small = await discount({ kind: 'fixed', value: 1 })
      expect((await preview(who, { code: small.code, order: mine.id })).body).toMatchObject({ code: null, origin: 'first_order', discount: tenPercent })
      const big = await discount({ kind: 'percentage', value: 20 })
      expect((await preview(who, { code: big.code, order: mine.id })).body).toMatchObject({ code: big.code, origin: 'manual', discount: Math.round(sub / 5), total: sub - Math.round(sub / 5) })
      // A failing code is refused even though the automatic discount would apply.
      const expired = await discount({ endsAt: new Date(Date.now() - 1000).toISOString() })
      expect((await preview(who, { code: expired.code, order: mine.id })).body.errors[0].data.rule).toBe('expired')
      // Without best-of, the first-order discount wins.
      await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { discounts: { pickBest: false } } }, depth: 0 })
      expect((await preview(who, { code: big.code, order: mine.id })).body).toMatchObject({ origin: 'first_order', discount: tenPercent })
      // A client who has paid before gets no first-order discount.
      expect((await preview('client', { order: order.id })).body.discount).toBe(0)
      // An invoice is a staff-written bill: no automatic discount, without a code or beside one.
      const bill = await t.api.post('/api/invoices/drafts', { ...ALPHA, token: tokens.admin, body: { client: ids[who], lines: [{ description: 'Editing', quantity: 1, unitAmount: 5000 }], dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString() } })
      expect(bill.body.invoice).toMatchObject({ subtotal: 5000, discount: 0, total: 5000, discountSnapshot: null })
      expect((await preview('admin', { invoice: bill.body.invoice.id })).body).toEqual({ code: null, origin: null, discount: 0, subtotal: 5000, total: 5000 })
      expect((await preview('admin', { invoice: bill.body.invoice.id, code: small.code })).body).toMatchObject({ code: small.code, discount: 1 })
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { discounts: { pickBest: true, firstOrder: { enabled: false } } } }, depth: 0 })
    }
  })
})

describe('discountCode at checkout', () => {
  it('a wallet payment pays the discounted total: subtotal, discount, snapshot, applied usage, contra-revenue entry', async () => {
    const who = await newClient()
    const mine = await w.place(who)
    const sub = mine.subtotal!
    await fundWallet(t.payload, alpha, ids[who]!, sub, `test:discounts:fund:${who}`)
    const d = await discount({ kind: 'percentage', value: 25, maxDiscount: 1000 })
    const off = Math.min(Math.round(sub / 4), 1000)
    const res = await checkout(who, { order: mine.id, provider: 'wallet', discountCode: d.code.toLowerCase() })
    expect(res.status).toBe(201)
    expect(res.body.payment).toMatchObject({ status: 'succeeded', amount: sub - off })
    const after = await orderOf(mine.id)
    expect(after).toMatchObject({ subtotal: sub, discount: off, total: sub - off, amountPaid: sub - off, paymentStatus: 'fully_paid' })
    const [usage] = await usagesOf(mine.id)
    expect(usage).toMatchObject({ status: 'applied', code: d.code, discountAmount: off, subtotal: sub, total: sub - off, payment: res.body.payment.id, payableKey: `order:${mine.id}` })
    expect(after.discountSnapshot).toMatchObject({ code: d.code, origin: 'manual', kind: 'percentage', value: 25, discountId: d.id, usageId: usage!.id })
    expect((await t.payload.findByID({ collection: 'discounts', id: d.id, depth: 0 })).timesUsed).toBe(1)
    const entry = (await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `discount:order:${mine.id}` } }, depth: 1 })).docs[0]!
    const lines = entry.lines!.map((l) => ({ code: typeof l.account === 'object' ? l.account.code : l.account, debit: l.debit, credit: l.credit }))
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'discounts_given', debit: off }), expect.objectContaining({ code: 'platform_revenue', credit: off })]))
    // The client reads their usage; another client does not.
    expect((await t.api.get(`/api/discount-usages/${usage!.id}`, { ...ALPHA, token: tokens[who] })).status).toBe(200)
    expect((await t.api.get(`/api/discount-usages/${usage!.id}`, { ...ALPHA, token: tokens.client2 })).status).toBe(404)
    expect((await t.api.get('/api/discount-usages?depth=0', { ...ALPHA, token: tokens.client2 })).body.docs.every((u: { client: number }) => u.client === ids.client2)).toBe(true)
    // The summary: discounts given, revenue net of them.
    const period = `from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}`
    const summary = (await t.api.get(`/api/ledger/summary?${period}`, { ...ALPHA, token: tokens.admin })).body
    expect(summary.discounts).toBeGreaterThanOrEqual(off)
    const [raw] = await execute<{ gross: string; given: string }>(
      await createLocalReq({}, t.payload),
      sql`SELECT SUM(CASE WHEN a.code = 'platform_revenue' THEN l.credit - l.debit END) AS gross, SUM(CASE WHEN a.code = 'discounts_given' THEN l.debit - l.credit END) AS given
        FROM journal_entries e JOIN journal_entries_lines l ON l._parent_id = e.id JOIN ledger_accounts a ON a.id = l.account_id
        WHERE e.tenant_id = ${alpha} AND e.created_at >= now() - interval '1 hour'`,
    )
    expect(summary.revenue).toBe(Number(raw!.gross) - Number(raw!.given))
  })

  it('a failed or expired payment releases the usage and restores the total; a retry re-uses the held usage', async () => {
    const mine = await w.place('client2')
    const sub = mine.subtotal!
    const d = await discount({ kind: 'fixed', value: 700, usageLimit: 1 })
    const first = await checkout('client2', { order: mine.id, provider: 'manual', discountCode: d.code })
    expect(first.status).toBe(201)
    expect(first.body.payment.amount).toBe(sub - 700)
    const [held] = await usagesOf(mine.id)
    expect(held).toMatchObject({ status: 'held', payment: first.body.payment.id })
    // Another code while a payment with this one is pending: 409, nothing changes.
    const other = await discount({ kind: 'fixed', value: 100 })
    expect((await checkout('client2', { order: mine.id, provider: 'manual', discountCode: other.code })).status).toBe(409)
    // The same code again: the same usage, now on the new payment (the limit of 1 is not used up by it).
    const second = await checkout('client2', { order: mine.id, provider: 'manual', discountCode: d.code })
    expect(second.status).toBe(201)
    expect(second.body.payment.amount).toBe(sub - 700)
    const usages = await usagesOf(mine.id)
    expect(usages).toHaveLength(1)
    expect(usages[0]).toMatchObject({ id: held!.id, status: 'held', payment: second.body.payment.id })
    // The older payment expiring changes nothing: the usage rides on the newer one.
    const req = await createLocalReq({}, t.payload)
    await failPayment(req, first.body.payment.id, 'expired', 'test')
    expect((await usagesOf(mine.id))[0]!.status).toBe('held')
    await failPayment(req, second.body.payment.id, 'failed', 'test')
    const [released] = await usagesOf(mine.id)
    expect(released).toMatchObject({ status: 'released', payableKey: null })
    expect(await orderOf(mine.id)).toMatchObject({ subtotal: sub, discount: 0, total: sub, discountSnapshot: null })
    expect((await t.payload.findByID({ collection: 'discounts', id: d.id, depth: 0 })).timesUsed).toBe(0)
    // Released, the single-use code may be used again.
    expect((await preview('client2', { code: d.code, order: mine.id })).body.discount).toBe(700)
  })

  it('defect: a discount code is never silently dropped at checkout (reference §16)', async () => {
    const mine = await w.place('client')
    const before = await orderOf(mine.id)
    const payments = await paymentsOf(mine.id)
    const expired = await discount({ endsAt: new Date(Date.now() - 1000).toISOString() })
    const usedUp = await discount({ usageLimit: 1 })
    const elsewhere = await w.place('client2')
    await t.payload.create({ collection: 'discount-usages', data: { tenant: alpha, discount: usedUp.id, client: ids.client2!, payableType: 'order', order: elsewhere.id, payableKey: `order:${elsewhere.id}`, subtotal: 1000, discountAmount: 100, total: 900, origin: 'manual', code: usedUp.code, status: 'held' }, depth: 0 })
    for (const [code, rule] of [[expired.code, 'expired'], [usedUp.code, 'exhausted'], ['NO-SUCH-CODE', 'unknown_code']] as const) {
      for (const provider of ['manual', 'wallet'] as const) {
        const res = await checkout('client', { order: mine.id, provider, discountCode: code })
        expect([code, provider, res.status]).toEqual([code, provider, 422])
        expect(res.body.errors[0].data).toMatchObject({ rule, field: 'discountCode' })
      }
    }
    expect(await paymentsOf(mine.id)).toBe(payments)
    expect(await usagesOf(mine.id)).toEqual([])
    expect(await orderOf(mine.id)).toMatchObject({ subtotal: before.subtotal, discount: 0, total: before.total })
  })

  it('the writer’s percentage pay is computed on the subtotal, not the discounted total', async () => {
    const who = await newClient()
    const mine = await w.place(who)
    const sub = mine.subtotal!
    await fundWallet(t.payload, alpha, ids[who]!, sub, `test:discounts:earning:${who}`)
    const d = await discount({ kind: 'percentage', value: 50 })
    expect((await checkout(who, { order: mine.id, provider: 'wallet', discountCode: d.code })).status).toBe(201)
    // Completed by a writer on a 30 %-of-the-order card (no urgency).
    const rateCard = { code: 'test', earningMode: 'percentage_of_order_total', payPerPage: 0, percentOfTotalBp: 3000, urgentThresholdHours: 0, urgentSurchargePerPage: 0, urgentMultiplierBp: 10000 }
    const order = await t.payload.update({ collection: 'orders', id: mine.id, data: { writer: ids.writer, rateCard }, depth: 0 })
    expect(order.total).toBe(sub - Math.round(sub / 2))
    const req = await createLocalReq({}, t.payload)
    const earning = await inTransaction(req, () => postOrderEarning(req, order))
    expect(earning?.amount).toBe(Math.round((sub * 3000) / 10000))
  })

  it('an admin marking the order paid applies its held discount', async () => {
    const mine = await w.place('client')
    const d = await discount({ kind: 'fixed', value: 200 })
    expect((await checkout('client', { order: mine.id, provider: 'manual', discountCode: d.code })).status).toBe(201)
    const paid = await w.must('admin', mine.id, 'markPaid')
    expect(paid).toMatchObject({ discount: 200, total: mine.subtotal! - 200, amountPaid: mine.subtotal! - 200 })
    expect((await usagesOf(mine.id))[0]).toMatchObject({ status: 'applied' })
    expect((await t.payload.count({ collection: 'journal-entries', where: { reference: { equals: `discount:order:${mine.id}` } } })).totalDocs).toBe(1)
  })

  it('an order paid in part keeps its discount: a new code is refused', async () => {
    const mine = await w.place('client')
    await execute(await createLocalReq({}, t.payload), sql`UPDATE orders SET amount_paid = 100, payment_status = 'partially_paid' WHERE id = ${mine.id}`)
    const d = await discount()
    const res = await checkout('client', { order: mine.id, provider: 'manual', discountCode: d.code })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].data.rule).toBe('not_eligible')
  })
})

describe('discountCode on invoices', () => {
  const LINES = [{ description: 'Editing', quantity: 2, unitAmount: 2500 }]
  const dueAt = () => new Date(Date.now() + 10 * 86_400_000).toISOString()
  const draft = (who: string, body: Record<string, unknown>) => t.api.post('/api/invoices/drafts', { ...ALPHA, token: tokens.admin, body: { client: ids[who], lines: LINES, dueAt: dueAt(), ...body } })
  const issue = (id: number) => t.api.post(`/api/invoices/${id}/actions/issue`, { ...ALPHA, token: tokens.admin, body: {} })
  const invoiceUsages = async (invoice: number) => (await t.payload.find({ collection: 'discount-usages', where: { invoice: { equals: invoice } }, sort: 'id', depth: 0 })).docs
  const payInvoice = (who: string, body: Record<string, unknown>) => t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens[who], body: { purpose: 'invoice', ...body } })

  it('a draft with a code keeps subtotal, discount and total; paying it applies the usage and books the contra-revenue entry', async () => {
    const who = await newClient()
    const d = await discount({ kind: 'percentage', value: 20 })
    const res = await draft(who, { discountCode: d.code.toLowerCase() })
    expect(res.status).toBe(201)
    const invoice = res.body.invoice
    expect(invoice).toMatchObject({ subtotal: 5000, discount: 1000, total: 4000, amountPaid: 0 })
    expect(invoice.discountSnapshot).toMatchObject({ code: d.code, origin: 'manual', kind: 'percentage', value: 20, discount: 1000 })
    const [held] = await invoiceUsages(invoice.id)
    expect(held).toMatchObject({ status: 'held', payableType: 'invoice', payableKey: `invoice:${invoice.id}`, discountAmount: 1000, client: ids[who] })
    // The preview of the issued invoice names what it owes; the client pays the total after the discount.
    expect((await issue(invoice.id)).status).toBe(200)
    await fundWallet(t.payload, alpha, ids[who]!, 4000, `test:discounts:invoice:${who}`)
    const paid = await payInvoice(who, { invoice: invoice.id, provider: 'wallet' })
    expect(paid.status).toBe(201)
    expect(paid.body.payment).toMatchObject({ status: 'succeeded', amount: 4000 })
    expect(await t.payload.findByID({ collection: 'invoices', id: invoice.id, depth: 0 })).toMatchObject({ status: 'paid', amountPaid: 4000, total: 4000 })
    expect((await invoiceUsages(invoice.id))[0]).toMatchObject({ id: held!.id, status: 'applied' })
    // Its PDF shows the subtotal, the discount with its code, and the total.
    const pdf = await t.api.raw('GET', `/api/invoices/${invoice.id}/pdf`, { ...ALPHA, token: tokens[who] })
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()))
    for (const part of ['Subtotal', '$50.00', `Discount (${d.code})`, '-$10.00', '$40.00']) expect(text).toContain(part)
    const entry = (await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `discount:invoice:${invoice.id}` } }, depth: 1 })).docs[0]!
    expect(entry.lines!.map((l) => [typeof l.account === 'object' ? l.account.code : l.account, l.debit ?? 0, l.credit ?? 0]).sort()).toEqual([['discounts_given', 1000, 0], ['platform_revenue', 0, 1000]])
  })

  it('a code that fails on a draft is a 422 naming its rule, and writes nothing (no invoice, no number, no usage)', async () => {
    const who = await newClient()
    const before = (await t.payload.count({ collection: 'invoices' })).totalDocs
    const expired = await discount({ endsAt: new Date(Date.now() - 1000).toISOString() })
    for (const [code, rule] of [[expired.code, 'expired'], ['NO-SUCH-CODE', 'unknown_code']] as const) {
      const res = await draft(who, { discountCode: code })
      expect([code, res.status, res.body.errors?.[0]?.data?.rule]).toEqual([code, 422, rule])
    }
    // A malformed code is a 400 naming the field, before any rule.
    const long = await draft(who, { discountCode: 'X'.repeat(65) })
    expect(long.status).toBe(400)
    expect(long.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain('discountCode')
    // Beta's code is unknown on Alpha.
    const betaCode = await discount({ tenant: beta })
    expect((await draft(who, { discountCode: betaCode.code })).body.errors[0].data.rule).toBe('unknown_code')
    expect((await t.payload.count({ collection: 'invoices' })).totalDocs).toBe(before)
  })

  it('installments add up to the total after the discount (400 names the discount otherwise)', async () => {
    const who = await newClient()
    const d = await discount({ kind: 'fixed', value: 1000 })
    const plan = (a: number, b: number) => [{ amount: a, dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString() }, { amount: b, dueAt: dueAt() }]
    const wrong = await draft(who, { discountCode: d.code, installments: plan(2500, 2500) })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.body)).toContain('less its discount of 1000')
    expect((await t.payload.count({ collection: 'discount-usages', where: { discount: { equals: d.id } } })).totalDocs).toBe(0)
    const right = await draft(who, { discountCode: d.code, installments: plan(2000, 2000) })
    expect(right.status).toBe(201)
    expect(right.body.invoice).toMatchObject({ subtotal: 5000, discount: 1000, total: 4000 })
    expect(right.body.installments.map((i: { amount: number }) => i.amount)).toEqual([2000, 2000])
    // A code at checkout cannot change an invoice whose installments rest on its total, nor one installment.
    expect((await issue(right.body.invoice.id)).status).toBe(200)
    const other = await discount({ kind: 'fixed', value: 100 })
    const onInvoice = await payInvoice(who, { invoice: right.body.invoice.id, provider: 'manual', discountCode: other.code })
    expect([onInvoice.status, onInvoice.body.errors[0].data.rule]).toEqual([422, 'not_eligible'])
    const onInstallment = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens[who], body: { purpose: 'installment', installment: right.body.installments[0].id, provider: 'manual', discountCode: other.code } })
    expect([onInstallment.status, onInstallment.body.errors[0].data.rule]).toEqual([422, 'not_eligible'])
  })

  it('a code entered when paying a whole invoice replaces its discount (best-of); without one the invoice keeps its total', async () => {
    const who = await newClient()
    const small = await discount({ kind: 'fixed', value: 300 })
    const res = await draft(who, { discountCode: small.code })
    const id = res.body.invoice.id
    expect((await issue(id)).status).toBe(200)
    const plain = await payInvoice(who, { invoice: id, provider: 'manual' })
    expect(plain.body.payment.amount).toBe(4700)
    // While that payment (made out for 4700) is pending, another code would change what it pays: 409, nothing changes.
    const big = await discount({ kind: 'fixed', value: 1500, usageLimit: 1 })
    const early = await payInvoice(who, { invoice: id, provider: 'manual', discountCode: big.code })
    expect([early.status, early.body.errors[0].data.field]).toEqual([409, 'discountCode'])
    expect(await t.payload.findByID({ collection: 'invoices', id, depth: 0 })).toMatchObject({ discount: 300, total: 4700 })
    expect((await invoiceUsages(id)).map((u) => [u.code, u.status])).toEqual([[small.code, 'held']])
    await failPayment(await createLocalReq({}, t.payload), plain.body.payment.id, 'expired', 'test')
    // Expired, the payment takes the invoice's discount with it no more: it stays the invoice's.
    expect((await invoiceUsages(id))[0]).toMatchObject({ code: small.code, status: 'held' })
    const better = await payInvoice(who, { invoice: id, provider: 'manual', discountCode: big.code })
    expect(better.status).toBe(201)
    expect(better.body.payment.amount).toBe(3500)
    const usages = await invoiceUsages(id)
    expect(usages.map((u) => [u.code, u.status])).toEqual([[small.code, 'released'], [big.code, 'held']])
    expect(await t.payload.findByID({ collection: 'invoices', id, depth: 0 })).toMatchObject({ subtotal: 5000, discount: 1500, total: 3500 })
    // The preview agrees with checkout on the subtotal.
    expect((await preview(who, { invoice: id, code: big.code })).body).toMatchObject({ subtotal: 5000, discount: 1500, total: 3500 })
  })

  it('cancelling (or expiry of) an invoice releases its held discount: a single-use code may be used again', async () => {
    const who = await newClient()
    const once = await discount({ kind: 'fixed', value: 500, usageLimit: 1 })
    const first = await draft(who, { discountCode: once.code })
    expect(first.status).toBe(201)
    const other = await newClient()
    expect((await draft(other, { discountCode: once.code })).body.errors[0].data.rule).toBe('exhausted')
    const cancelled = await t.api.post(`/api/invoices/${first.body.invoice.id}/actions/cancel`, { ...ALPHA, token: tokens.admin, body: { reason: 'Wrong client' } })
    expect(cancelled.status).toBe(200)
    expect((await invoiceUsages(first.body.invoice.id))[0]).toMatchObject({ status: 'released', payableKey: null })
    const second = await draft(other, { discountCode: once.code })
    expect(second.status).toBe(201)
    // Issued, unpaid, a week past due: expired, and the code is free again.
    expect((await issue(second.body.invoice.id)).status).toBe(200)
    await expireInvoices(t.payload, new Date(Date.now() + 30 * 86_400_000))
    expect(await t.payload.findByID({ collection: 'invoices', id: second.body.invoice.id, depth: 0 })).toMatchObject({ status: 'expired' })
    expect((await invoiceUsages(second.body.invoice.id))[0]).toMatchObject({ status: 'released', payableKey: null })
    expect((await preview(who, { code: once.code, order: (await w.place(who)).id })).body.discount).toBe(500)
  })
})

describe('discount campaigns', () => {
  it('open by schedule, stop their codes once the budget is spent (closed: expired), and take admin actions', async () => {
    const campaign = await t.api.post('/api/discount-campaigns', { ...ALPHA, token: tokens.admin, body: { name: 'Spring', slug: `spring-${unique().toLowerCase()}`, startsAt: new Date(Date.now() - 60_000).toISOString(), budget: 500 } })
    expect(campaign.status).toBe(201)
    const id = campaign.body.doc.id as number
    expect(campaign.body.doc.status).toBe('scheduled')
    const d = await discount({ kind: 'fixed', value: 500, campaign: id })
    const who = await newClient()
    const mine = await w.place(who)
    // Not open yet: its codes have not started.
    expect((await preview(who, { code: d.code, order: mine.id })).body.errors[0].data.rule).toBe('not_started')
    await runDiscountCampaigns(t.payload, new Date())
    expect((await t.payload.findByID({ collection: 'discount-campaigns', id, depth: 0 })).status).toBe('active')
    await fundWallet(t.payload, alpha, ids[who]!, mine.subtotal!, `test:discounts:campaign:${who}`)
    expect((await checkout(who, { order: mine.id, provider: 'wallet', discountCode: d.code })).status).toBe(201)
    expect((await t.payload.findByID({ collection: 'discount-campaigns', id, depth: 0 })).spent).toBe(500)
    const next = await w.place('client2')
    expect((await preview('client2', { code: d.code, order: next.id })).body.errors[0].data.rule).toBe('budget_spent')
    await runDiscountCampaigns(t.payload, new Date())
    expect((await t.payload.findByID({ collection: 'discount-campaigns', id, depth: 0 })).status).toBe('closed')
    expect((await preview('client2', { code: d.code, order: next.id })).body.errors[0].data.rule).toBe('expired')
    const events = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'discount-campaigns' } }, { document: { equals: id } }] }, sort: 'createdAt', depth: 0 })
    expect(events.docs.map((e) => [e.action, e.to, e.actor ?? null])).toEqual([['open', 'active', null], ['close', 'closed', null]])
    // Admins act on it; support cannot; another website does not see it.
    const actions = await t.api.get(`/api/discount-campaigns/${id}/actions`, { ...ALPHA, token: tokens.admin })
    expect(actions.body.available.map((a: { action: string }) => a.action)).toEqual(['archive'])
    expect((await t.api.post(`/api/discount-campaigns/${id}/actions/archive`, { ...ALPHA, token: tokens.support, body: {} })).status).toBe(403)
    expect((await t.api.post(`/api/discount-campaigns/${id}/actions/archive`, { host: 'beta.test', token: tokens.betaAdmin, body: {} })).status).toBe(404)
    const archived = await t.api.post(`/api/discount-campaigns/${id}/actions/archive`, { ...ALPHA, token: tokens.admin, body: {} })
    expect(archived.status).toBe(200)
    expect(archived.body.doc.status).toBe('archived')
    // An admin closes a scheduled campaign early.
    const other = await t.payload.create({ collection: 'discount-campaigns', data: { tenant: alpha, name: 'Later', slug: `later-${unique().toLowerCase()}`, startsAt: new Date(Date.now() + 86400_000).toISOString() } as never, depth: 0 })
    expect((await t.api.post(`/api/discount-campaigns/${other.id}/actions/close`, { ...ALPHA, token: tokens.admin, body: {} })).body.doc.status).toBe('closed')
  })
})

