import { describe, expect, it } from 'vitest'

import type { FundingMilestone, SpecialOrder, SpecialOrderQuote } from '@/payload-types'

import { confirmAsAdmin, fundWallet } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { runSchedule } from '../helpers/schedules'
import type { TestContext } from '../helpers/testPayload'
import { whileOff, whileSettings } from '../helpers/websiteSwitches'

/**
 * Issue 17, special orders: an inquiry quoted, accepted into a funding plan (one plan
 * invoice, a milestone per installment), staffed only once the deposit is paid,
 * delivered only once the plan is funded where the website requires it; quotes expire by
 * the schedule; admins override with a reason, on the timeline; another website's and
 * another client's special orders are not there. The ledger is checked after the file.
 */
let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const HOUR = 3600 * 1000

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
})

const FULL_PAYMENT_ON = { specialOrders: { requireFullPaymentBeforeDelivery: true } }
const FULL_PAYMENT_OFF = { specialOrders: { requireFullPaymentBeforeDelivery: false } }

const orderRow = (id: number) => t.payload.findByID({ collection: 'special-orders', id, depth: 0 })
const milestonesOf = async (id: number): Promise<FundingMilestone[]> => (await t.payload.find({ collection: 'funding-milestones', where: { specialOrder: { equals: id } }, sort: 'sequence', depth: 0 })).docs
const quotesOf = async (id: number): Promise<SpecialOrderQuote[]> => (await t.payload.find({ collection: 'special-order-quotes', where: { specialOrder: { equals: id } }, sort: 'id', depth: 0 })).docs
const eventsOf = async (collection: string, id: number) =>
  (await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: collection } }, { document: { equals: id } }] }, sort: 'id', limit: 0, depth: 0 })).docs

const act = (who: string, id: number, action: string, body: Record<string, unknown> = {}, host = ALPHA) => t.api.post(`/api/special-orders/${id}/actions/${action}`, { ...host, token: tokens[who], body })
const must = async (who: string, id: number, action: string, body: Record<string, unknown> = {}) => {
  const res = await act(who, id, action, body)
  if (res.status !== 200) throw new Error(`${who} ${action} on special order ${id}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as SpecialOrder
}
const quoteAct = (who: string, id: number, action: string, body: Record<string, unknown> = {}) => t.api.post(`/api/special-order-quotes/${id}/actions/${action}`, { ...ALPHA, token: tokens[who], body })
const checkout = (who: string, body: Record<string, unknown>, host = ALPHA) => t.api.post('/api/payments/checkout', { ...host, token: tokens[who], body })

/** A quoted inquiry of client@alpha.test, opened over REST. */
const inquiry = async (who = 'client', title = 'A dissertation in four chapters') => {
  const res = await t.api.post('/api/special-orders', { ...ALPHA, token: tokens[who], body: { title, description: 'Chapters 1–4, APA, 60 sources.' } })
  if (res.status !== 201) throw new Error(`inquiry: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as SpecialOrder
}

/** Quoted at `amount` by the admin and accepted by the client: awaiting its deposit. */
const accepted = async (amount = 30000) => {
  const order = await inquiry()
  await must('admin', order.id, 'sendQuote', { amount, description: 'Four chapters' })
  const [quote] = await quotesOf(order.id)
  const res = await quoteAct('client', quote!.id, 'accept')
  if (res.status !== 200) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`)
  return orderRow(order.id)
}

const payByWallet = async (milestone: FundingMilestone, reference: string) => {
  await fundWallet(t.payload, alpha, ids.client!, milestone.amount, reference)
  const res = await checkout('client', { purpose: 'special_order_milestone', milestone: milestone.id, provider: 'wallet' })
  if (res.status !== 201) throw new Error(`pay milestone: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.payment as { id: number; amount: number; invoice: number; installment: number; status: string }
}

const earningsOf = async (id: number) =>
  (await t.payload.find({ collection: 'writer-earnings', where: { specialOrder: { equals: id } }, sort: 'id', depth: 0 })).docs.map((e) => ({ kind: e.kind, amount: e.amount, status: e.status, writer: e.writer }))
const walletBalance = async () => (await t.payload.find({ collection: 'wallets', where: { and: [{ owner: { equals: ids.client } }, { kind: { equals: 'client' } }, { tenant: { equals: alpha } }] }, depth: 0 })).docs[0]!.balance
const refundsOf = async (id: number) => (await t.payload.find({ collection: 'refunds', where: { specialOrder: { equals: id } }, sort: 'id', depth: 0 })).docs

/** Quoted at `amount`, both milestones paid from the wallet: ready for staffing, funded. */
const funded = async (amount: number, tag: string) => {
  const order = await accepted(amount)
  const [deposit, balance] = await milestonesOf(order.id)
  await payByWallet(deposit!, `test:${tag}-deposit`)
  await payByWallet(balance!, `test:${tag}-balance`)
  return orderRow(order.id)
}

/** Assigned to writer@alpha.test, started and submitted by him. */
const submitted = async (order: SpecialOrder) => {
  await must('admin', order.id, 'assign', { writer: ids.writer, compensationKind: 'percentage', compensationValue: 40 })
  await must('writer', order.id, 'start')
  return must('writer', order.id, 'submit')
}

describe('opening a special order', () => {
  it('a client opens an inquiry; a missing title, a duration of no configuration or a foreign configuration is a 400 naming the field', async () => {
    const order = await inquiry()
    expect(await orderRow(order.id)).toMatchObject({ status: 'inquiry', pricingMode: 'quoted', client: ids.client, total: 0 })
    expect(order.number).toMatch(/^SPO-\d{6}$/)
    const config = await t.payload.create({ collection: 'special-order-configs', data: { tenant: alpha, name: 'Data analysis', slug: 'data-analysis-open', requiresFullPayment: true, durations: [{ label: '7 days', days: 7, price: 12000 }] } })
    const betaId = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } }, depth: 0 })).docs[0]!.id
    const foreign = await t.payload.create({ collection: 'special-order-configs', data: { tenant: betaId, name: 'Beta only', slug: 'beta-only', durations: [{ label: '7 days', days: 7, price: 12000 }] } })
    const before = (await t.payload.count({ collection: 'special-orders' })).totalDocs
    for (const [body, path] of [
      [{ description: 'No title' }, 'title'],
      [{ title: 'T', description: 'D', duration: '7 days' }, 'config'],
      [{ title: 'T', description: 'D', config: config.id }, 'duration'],
      [{ title: 'T', description: 'D', config: config.id, duration: '3 days' }, 'duration'],
      [{ title: 'T', description: 'D', config: foreign.id, duration: '7 days' }, 'config'],
    ] as const) {
      const res = await t.api.post('/api/special-orders', { ...ALPHA, token: tokens.client, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe(path)
    }
    expect((await t.payload.count({ collection: 'special-orders' })).totalDocs).toBe(before)
    // A fixed configuration is priced by its duration and waits for its money at once.
    const fixed = await t.api.post('/api/special-orders', { ...ALPHA, token: tokens.client, body: { title: 'Survey analysis', description: 'SPSS', config: config.id, duration: '7 days', total: 1 } })
    expect(fixed.status).toBe(201)
    expect(fixed.body.doc).toMatchObject({ status: 'awaiting_payment', pricingMode: 'fixed_config', total: 12000, fundingStatus: 'awaiting_deposit', requiresFullPayment: true })
    expect((await milestonesOf(fixed.body.doc.id)).map((m) => m.amount)).toEqual([6000, 6000])
    // Staff open one for a client; a writer opens none.
    const forClient = await t.api.post('/api/special-orders', { ...ALPHA, token: tokens.support, body: { title: 'For a client', description: 'D', client: ids.client2 } })
    expect((await orderRow(forClient.body.doc.id)).client).toBe(ids.client2)
    expect((await t.api.post('/api/special-orders', { ...ALPHA, token: tokens.support, body: { title: 'For nobody', description: 'D' } })).body.errors[0].data.errors[0].path).toBe('client')
    expect((await t.api.post('/api/special-orders', { ...ALPHA, token: tokens.writer, body: { title: 'T', description: 'D' } })).status).toBe(403)
  })
})

describe('quote, plan, staffing and delivery', () => {
  it('staffing is refused (422 naming the unpaid deposit) until the milestone is paid through checkout, then allowed; delivery waits for the whole plan', async () => {
    const order = await inquiry()
    const listed = await t.api.get(`/api/special-orders/${order.id}/actions`, { ...ALPHA, token: tokens.admin })
    const send = listed.body.available.find((a: { action: string }) => a.action === 'sendQuote')
    expect(send.input.properties).toMatchObject({ amount: { type: 'integer' }, description: { type: 'string' } })
    const quoted = await act('admin', order.id, 'sendQuote', { lines: [{ kind: 'service', description: 'Chapters', amount: 28000 }, { kind: 'urgency_fee', description: 'Rush', amount: 4000 }, { kind: 'discount', description: 'Returning client', amount: -2000 }] })
    expect(quoted.status).toBe(200)
    expect(quoted.body.doc.status).toBe('quote_sent')
    const [quote] = await quotesOf(order.id)
    expect(quote).toMatchObject({ status: 'sent', subtotal: 32000, discount: 2000, total: 30000, client: ids.client })
    expect(new Date(quote!.expiresAt!).getTime() - new Date(quote!.sentAt!).getTime()).toBe(72 * HOUR)
    // Another client cannot answer it; the client accepts.
    expect((await quoteAct('client2', quote!.id, 'accept')).status).toBe(404)
    const accept = await quoteAct('client', quote!.id, 'accept')
    expect(accept.status).toBe(200)
    const awaiting = await orderRow(order.id)
    expect(awaiting).toMatchObject({ status: 'awaiting_payment', total: 30000, fundingStatus: 'awaiting_deposit' })
    const milestones = await milestonesOf(order.id)
    expect(milestones.map((m) => [m.kind, m.amount, m.requiredBeforeStaffing, m.requiredBeforeDelivery])).toEqual([
      ['deposit', 15000, true, true],
      ['final', 15000, false, true],
    ])
    const installments = (await t.payload.find({ collection: 'installments', where: { invoice: { equals: awaiting.invoice as number } }, sort: 'sequence', depth: 0 })).docs
    expect(milestones.map((m) => m.installment)).toEqual(installments.map((i) => i.id))
    expect((await t.payload.findByID({ collection: 'invoices', id: awaiting.invoice as number, depth: 0 })).specialOrder).toBe(order.id)

    const refused = await act('admin', order.id, 'assign', { writer: ids.writer, compensationKind: 'fixed', compensationValue: 5000 })
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toBe('The deposit (milestone 1) is unpaid: it must be paid before a writer is assigned.')
    const blocked = (await t.api.get(`/api/special-orders/${order.id}/actions`, { ...ALPHA, token: tokens.admin })).body.blocked
    expect(blocked).toContainEqual(expect.objectContaining({ action: 'assign', reason: expect.stringContaining('milestone 1') }))

    // Checkout pays exactly the deposit's installment, on the plan invoice.
    const payment = await payByWallet(milestones[0]!, 'test:so-deposit-1')
    expect(payment).toMatchObject({ amount: 15000, invoice: awaiting.invoice, installment: milestones[0]!.installment, status: 'succeeded' })
    expect((await t.payload.find({ collection: 'installments', where: { invoice: { equals: awaiting.invoice as number } }, sort: 'sequence', depth: 0 })).docs.map((i) => i.status)).toEqual(['paid', 'pending'])
    expect((await milestonesOf(order.id)).map((m) => m.status)).toEqual(['paid', 'pending'])
    expect(await orderRow(order.id)).toMatchObject({ status: 'ready_for_staffing', fundingStatus: 'partially_funded', amountPaid: 15000 })
    expect((await eventsOf('special-orders', order.id)).map((e) => e.action)).toEqual(['open', 'sendQuote', 'quote.accept', 'fund'])
    // A paid milestone takes nothing more.
    expect((await checkout('client', { purpose: 'special_order_milestone', milestone: milestones[0]!.id, provider: 'manual' })).status).toBe(422)

    const work = await submitted(await orderRow(order.id))
    expect(work.status).toBe('submitted')
    for (const action of ['complete', 'markReadyForDelivery']) {
      const locked = await act('admin', order.id, action)
      expect(locked.status).toBe(422)
      expect(locked.body.errors[0].message).toBe('Delivery is locked until the plan is funded: the balance (milestone 2) is unpaid.')
    }
    // The balance by a manual payment the admin confirms: funded, then delivered.
    const balance = await checkout('client', { purpose: 'special_order_milestone', milestone: milestones[1]!.id, provider: 'manual' })
    expect(balance.status).toBe(201)
    expect(balance.body.payment).toMatchObject({ amount: 15000, installment: milestones[1]!.installment, purpose: 'special_order_milestone' })
    expect((await confirmAsAdmin(t, balance.body.payment.id)).status).toBe(200)
    expect(await orderRow(order.id)).toMatchObject({ status: 'submitted', fundingStatus: 'funded', amountPaid: 30000 })
    expect((await t.payload.findByID({ collection: 'invoices', id: awaiting.invoice as number, depth: 0 })).status).toBe('paid')
    expect((await must('admin', order.id, 'complete')).status).toBe('completed')
    // The writer earns the pay set at assignment (40 % of 30 000), once, for the next payout window.
    expect(await earningsOf(order.id)).toEqual([{ kind: 'special_order_earning', amount: 12000, status: 'pending', writer: ids.writer }])
    expect((await must('client', order.id, 'approve')).status).toBe('approved')
  })

  it('where the website does not require full payment, delivery is allowed with the balance unpaid', async () => {
    await whileSettings(t.payload, alpha, FULL_PAYMENT_OFF, FULL_PAYMENT_ON, async () => {
      const order = await accepted(20000)
      const milestones = await milestonesOf(order.id)
      expect(milestones.map((m) => m.requiredBeforeDelivery)).toEqual([false, false])
      await payByWallet(milestones[0]!, 'test:so-deposit-2')
      await submitted(await orderRow(order.id))
      expect((await must('admin', order.id, 'complete')).status).toBe('completed')
      expect((await orderRow(order.id)).fundingStatus).toBe('partially_funded')
    })
  })

  it('a milestone of another client or of another website is a 404; a writer may not pay one', async () => {
    const order = await accepted(10000)
    const [deposit] = await milestonesOf(order.id)
    for (const [who, host] of [['client2', ALPHA], ['betaClient', BETA]] as const) {
      const res = await checkout(who, { purpose: 'special_order_milestone', milestone: deposit!.id, provider: 'manual' }, host)
      expect(res.status).toBe(404)
      expect(res.body.errors[0].message).toContain('milestone')
    }
    expect((await checkout('writer', { purpose: 'special_order_milestone', milestone: deposit!.id, provider: 'manual' })).status).toBe(403)
    expect((await milestonesOf(order.id))[0]!.status).toBe('pending')
  })
})

describe('quote expiry', () => {
  it('the schedule expires a sent quote past expiresAt with its clock; the order goes back to staff; an expired quote cannot be accepted (409)', async () => {
    const order = await inquiry()
    await must('admin', order.id, 'sendQuote', { amount: 9000, description: 'Short project', expiresInHours: 1 })
    const [quote] = await quotesOf(order.id)
    await runSchedule(t.payload, 'special-order-quote-expiry', new Date(Date.now() + 30 * 60 * 1000))
    expect((await quotesOf(order.id))[0]!.status).toBe('sent')
    await runSchedule(t.payload, 'special-order-quote-expiry', new Date(Date.now() + 2 * HOUR))
    expect((await quotesOf(order.id))[0]!.status).toBe('expired')
    expect((await orderRow(order.id)).status).toBe('quote_pending')
    expect((await eventsOf('special-order-quotes', quote!.id)).map((e) => [e.action, e.actor ?? null])).toEqual([['expire', null]])
    const accept = await quoteAct('client', quote!.id, 'accept')
    expect(accept.status).toBe(409)
    expect(await milestonesOf(order.id)).toEqual([])
  })
})

describe('who sees a special order', () => {
  it('a Beta special order is a 404 in Alpha and listed nowhere there; a client cannot read another client’s', async () => {
    const res = await t.api.post('/api/special-orders', { ...BETA, token: tokens.betaClient, body: { title: 'Beta project', description: 'Beta only' } })
    expect(res.status).toBe(201)
    const beta = res.body.doc.id as number
    for (const who of ['admin', 'support', 'client']) {
      expect((await t.api.get(`/api/special-orders/${beta}`, { ...ALPHA, token: tokens[who] })).status).toBe(404)
      expect((await t.api.get(`/api/special-orders/${beta}/actions`, { ...ALPHA, token: tokens[who] })).status).toBe(404)
      const list = await t.api.get('/api/special-orders?limit=100&depth=0', { ...ALPHA, token: tokens[who] })
      expect(list.status, JSON.stringify(list.body)).toBe(200)
      expect(list.body.docs.map((d: { id: number }) => d.id)).not.toContain(beta)
    }
    expect((await act('admin', beta, 'sendQuote', { amount: 100, description: 'x' })).status).toBe(404)
    const mine = await inquiry()
    expect((await t.api.get(`/api/special-orders/${mine.id}`, { ...ALPHA, token: tokens.client2 })).status).toBe(404)
    expect((await t.api.get('/api/special-orders?limit=100&depth=0', { ...ALPHA, token: tokens.client2 })).body.docs.map((d: { id: number }) => d.id)).not.toContain(mine.id)
    expect((await t.api.get(`/api/special-orders/${mine.id}`, { ...ALPHA, token: tokens.client })).status).toBe(200)
    // The writer reads the order he is assigned to, not the others.
    expect((await t.api.get(`/api/special-orders/${mine.id}`, { ...ALPHA, token: tokens.writer })).status).toBe(404)
  })
})

describe('admin overrides', () => {
  it('need a reason (400 naming reason), are admins’ only, and are on the timeline and the audit trail', async () => {
    const order = await accepted(12000)
    const [deposit] = await milestonesOf(order.id)
    for (const action of ['markFunded', 'unlockDelivery', 'waiveMilestone']) {
      const res = await act('admin', order.id, action, action === 'waiveMilestone' ? { milestone: deposit!.id } : {})
      expect(res.status, action).toBe(400)
      expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toContain('reason')
      expect((await act('support', order.id, action, { reason: 'Because', milestone: deposit!.id })).status).toBe(403)
    }
    const waived = await act('admin', order.id, 'waiveMilestone', { milestone: deposit!.id, reason: 'Paid by bank transfer outside the platform' })
    expect(waived.status).toBe(200)
    expect(waived.body.doc).toMatchObject({ status: 'ready_for_staffing', fundingStatus: 'partially_funded' })
    expect((await milestonesOf(order.id))[0]).toMatchObject({ status: 'waived', waiveReason: 'Paid by bank transfer outside the platform', waivedBy: ids.admin })
    // A waived milestone takes no payment; it counts as paid for staffing.
    expect((await checkout('client', { purpose: 'special_order_milestone', milestone: deposit!.id, provider: 'manual' })).status).toBe(422)
    // Its installment is waived with it: not payable by id either, and the invoice owes only the balance.
    const installmentsOf = async () => (await t.payload.find({ collection: 'installments', where: { invoice: { equals: order.invoice as number } }, sort: 'sequence', depth: 0 })).docs
    expect((await installmentsOf()).map((i) => i.status)).toEqual(['waived', 'pending'])
    const byInstallment = await checkout('client', { purpose: 'installment', installment: deposit!.installment, provider: 'manual' })
    expect(byInstallment.status).toBe(422)
    expect(byInstallment.body.errors[0].message).toBe('installment: this installment is waived; it takes no payment.')
    const invoiceNow = () => t.payload.findByID({ collection: 'invoices', id: order.invoice as number, depth: 0 })
    expect(await invoiceNow()).toMatchObject({ subtotal: 12000, discount: deposit!.amount, total: 12000 - deposit!.amount, status: 'issued' })
    expect((await must('admin', order.id, 'unlockDelivery', { reason: 'Deadline for the defence' })).deliveryUnlocked).toBe(true)
    expect((await must('admin', order.id, 'markFunded', { reason: 'Enterprise account, invoiced monthly' })).fundingStatus).toBe('funded')
    // Everything waived and nothing paid: the invoice asks for nothing any more, and says why on its timeline.
    expect((await installmentsOf()).map((i) => i.status)).toEqual(['waived', 'waived'])
    expect((await invoiceNow()).status).toBe('cancelled')
    expect((await eventsOf('invoices', order.invoice as number)).map((e) => [e.action, e.to, e.reason])).toEqual([
      ['waiveInstallment', 'issued', 'Paid by bank transfer outside the platform'],
      ['cancel', 'cancelled', 'Enterprise account, invoiced monthly'],
    ])
    const timeline = (await eventsOf('special-orders', order.id)).filter((e) => ['waiveMilestone', 'unlockDelivery', 'markFunded'].includes(e.action))
    expect(timeline.map((e) => [e.action, e.reason, e.actor])).toEqual([
      ['waiveMilestone', 'Paid by bank transfer outside the platform', ids.admin],
      ['unlockDelivery', 'Deadline for the defence', ids.admin],
      ['markFunded', 'Enterprise account, invoiced monthly', ids.admin],
    ])
    const audit = await t.payload.find({ collection: 'audit-events', where: { and: [{ targetCollection: { equals: 'special-orders' } }, { targetId: { equals: order.id } }, { kind: { equals: 'workflow' } }] }, limit: 0, depth: 0 })
    expect(audit.docs.map((a) => a.action)).toEqual(expect.arrayContaining(['waiveMilestone', 'unlockDelivery', 'markFunded']))
  })

  it('waiving the balance of a plan whose deposit is paid leaves the invoice paid at what was paid', async () => {
    const order = await accepted(10000)
    const [deposit, balance] = await milestonesOf(order.id)
    await payByWallet(deposit!, 'test:so-deposit-waive')
    expect((await must('admin', order.id, 'waiveMilestone', { milestone: balance!.id, reason: 'Goodwill after a late start' })).fundingStatus).toBe('funded')
    const invoice = await t.payload.findByID({ collection: 'invoices', id: order.invoice as number, depth: 0 })
    expect(invoice).toMatchObject({ subtotal: 10000, discount: balance!.amount, total: deposit!.amount, amountPaid: deposit!.amount, status: 'paid' })
  })

  it('hold and resume return to the status before; a client cancels before any money, not after', async () => {
    const order = await accepted(8000)
    expect((await must('admin', order.id, 'hold', { reason: 'Client travelling' })).status).toBe('on_hold')
    expect((await must('admin', order.id, 'resume')).status).toBe('awaiting_payment')
    const cancelled = await must('client', order.id, 'cancel', { reason: 'Changed my mind' })
    expect(cancelled).toMatchObject({ status: 'cancelled', fundingStatus: 'cancelled' })
    expect((await t.payload.findByID({ collection: 'invoices', id: order.invoice as number, depth: 0 })).status).toBe('cancelled')
    expect((await milestonesOf(order.id)).map((m) => m.status)).toEqual(['cancelled', 'cancelled'])
    const paid = await accepted(8000)
    await payByWallet((await milestonesOf(paid.id))[0]!, 'test:so-deposit-3')
    const refused = await act('client', paid.id, 'cancel', {})
    expect(refused.status).toBe(422)
  })
})

describe('change requests', () => {
  it('the client asks, staff price it, the client accepts: one more plan invoice and a change_request milestone paid through checkout', async () => {
    const order = await accepted(10000)
    const [deposit, balance] = await milestonesOf(order.id)
    await payByWallet(deposit!, 'test:so-deposit-4')
    expect((await act('support', order.id, 'requestChange', { description: 'Add a fifth chapter' })).status).toBe(403)
    const asked = await act('client', order.id, 'requestChange', { description: 'Add a fifth chapter' })
    expect(asked.status).toBe(200)
    const request = asked.body.request as number
    expect(await t.payload.findByID({ collection: 'order-requests', id: request, depth: 0 })).toMatchObject({ kind: 'change', status: 'pending', specialOrder: order.id, order: null, requestedBy: ids.client })
    // Not priced yet: nothing to accept (409); another client does not see the order (404).
    expect((await act('client', order.id, 'acceptChange', { request })).status).toBe(409)
    expect((await act('client2', order.id, 'requestChange', { description: 'Mine' })).status).toBe(404)
    expect((await act('admin', order.id, 'priceChange', { request: 987654, amount: 4000 })).body.errors[0].data.errors[0].path).toBe('request')
    expect((await act('admin', order.id, 'priceChange', { request, amount: 4000 })).status).toBe(200)
    const accept = await act('client', order.id, 'acceptChange', { request })
    expect(accept.status).toBe(200)
    expect(accept.body.doc).toMatchObject({ status: 'ready_for_staffing', total: 14000, fundingStatus: 'partially_funded' })
    expect((await act('client', order.id, 'acceptChange', { request })).status).toBe(409)
    const milestones = await milestonesOf(order.id)
    expect(milestones.map((m) => [m.sequence, m.kind, m.amount, m.status])).toEqual([
      [1, 'deposit', 5000, 'paid'],
      [2, 'final', 5000, 'pending'],
      [3, 'change_request', 4000, 'pending'],
    ])
    const changeInvoice = await t.payload.findByID({ collection: 'invoices', id: accept.body.invoice as number, depth: 0 })
    expect(changeInvoice).toMatchObject({ specialOrder: order.id, total: 4000, status: 'issued' })
    expect(changeInvoice.id).not.toBe(order.invoice)
    await payByWallet(milestones[2]!, 'test:so-change-1')
    await payByWallet(balance!, 'test:so-balance-4')
    expect(await orderRow(order.id)).toMatchObject({ fundingStatus: 'funded' })
    expect((await milestonesOf(order.id)).map((m) => m.status)).toEqual(['paid', 'paid', 'paid'])
    expect((await eventsOf('special-orders', order.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['requestChange', 'priceChange', 'acceptChange']))
  })

  it('an order request names exactly one of an order and a special order', async () => {
    await expect(t.payload.create({ collection: 'order-requests', data: { tenant: alpha, kind: 'change', status: 'pending' } })).rejects.toThrow(/invalid: Special Order/)
  })
})

describe('website prices and discount codes on special orders', () => {
  it('slides and diagrams in a quote are priced at the website’s pricing.basePerSlide and basePerDiagram', async () => {
    const website = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })
    const perSlide = website.pricing?.basePerSlide ?? 1399
    const perDiagram = website.pricing?.basePerDiagram ?? 1999
    const order = await inquiry('client', 'A conference talk with its deck')
    await must('admin', order.id, 'sendQuote', { amount: 20000, description: 'The talk', slides: 12, diagrams: 3 })
    const [quote] = await quotesOf(order.id)
    expect(quote!.lines.map((l) => [l.kind, l.description, l.amount])).toEqual([
      ['service', 'The talk', 20000],
      ['addon', '12 slides', 12 * perSlide],
      ['addon', '3 diagrams', 3 * perDiagram],
    ])
    expect(quote!.total).toBe(20000 + 12 * perSlide + 3 * perDiagram)
  })

  it('a discount code at acceptance cuts the plan from the discounted total; switched off, it is a 422 naming discountCode and nothing is accepted', async () => {
    const order = await inquiry('client', 'A data-analysis project')
    await must('admin', order.id, 'sendQuote', { amount: 40000, description: 'Analysis and report' })
    const [quote] = await quotesOf(order.id)

    await whileSettings(t.payload, alpha, { discounts: { allowOnSpecialOrders: false } }, { discounts: { allowOnSpecialOrders: true } }, async () => {
      const refused = await quoteAct('client', quote!.id, 'accept', { discountCode: 'ALPHA5' })
      expect(refused.status).toBe(422)
      expect(refused.body.errors[0].data.errors[0].path).toBe('discountCode')
      expect((await quotesOf(order.id))[0]!.status).toBe('sent')
      expect((await orderRow(order.id)).status).toBe('quote_sent')
    })

    const unknown = await quoteAct('client', quote!.id, 'accept', { discountCode: 'NO-SUCH-CODE' })
    expect(unknown.status).toBe(422)
    expect((await orderRow(order.id)).status).toBe('quote_sent')

    const res = await quoteAct('client', quote!.id, 'accept', { discountCode: 'alpha5' })
    expect(res.status).toBe(200)
    const after = await orderRow(order.id)
    expect(after.total).toBe(40000 - 500)
    const invoice = await t.payload.findByID({ collection: 'invoices', id: after.invoice as number, depth: 0 })
    expect([invoice.subtotal, invoice.discount, invoice.total]).toEqual([40000, 500, 39500])
    const milestones = await milestonesOf(order.id)
    expect(milestones.reduce((sum, m) => sum + m.amount, 0)).toBe(39500)
    const installments = await t.payload.find({ collection: 'installments', where: { invoice: { equals: invoice.id } }, depth: 0 })
    expect(installments.docs.reduce((sum, i) => sum + i.amount, 0)).toBe(39500)
  })
})

describe('refunds and disputes', () => {
  it('assigning names the writer’s pay: a fixed amount above the total is a 400 naming compensationValue, nothing written', async () => {
    const order = await funded(10000, 'so-pay')
    const res = await act('admin', order.id, 'assign', { writer: ids.writer, compensationKind: 'fixed', compensationValue: 10001 })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('compensationValue')
    expect((await orderRow(order.id)).status).toBe('ready_for_staffing')
    expect((await act('admin', order.id, 'assign', { writer: ids.writer })).status).toBe(400)
  })

  it('a dispute resolved by a partial refund lowers the earning by its share; the rest refunded by the admin voids it and closes the order', async () => {
    const order = await funded(20000, 'so-dispute')
    await must('admin', order.id, 'assign', { writer: ids.writer, compensationKind: 'percentage', compensationValue: 50 })
    await must('writer', order.id, 'start')
    await must('writer', order.id, 'submit')
    await must('admin', order.id, 'complete')
    expect(await earningsOf(order.id)).toEqual([{ kind: 'special_order_earning', amount: 10000, status: 'pending', writer: ids.writer }])

    // Support may not refund; nothing is refunded beyond what was paid.
    expect((await act('support', order.id, 'refund', { reason: 'Goodwill' })).status).toBe(403)
    const tooMuch = await act('admin', order.id, 'refund', { reason: 'Goodwill', amount: 20001 })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.errors[0].message).toContain('amount')

    const opened = await act('client', order.id, 'openDispute', { reason: 'quality_issue', description: 'Chapter 3 misses the brief.' })
    expect(opened.status).toBe(200)
    expect((await act('client', order.id, 'openDispute', { reason: 'other', description: 'Again.' })).status).toBe(422)
    const partialWithout = await act('admin', order.id, 'resolveDispute', { outcome: 'partial_refund', summary: 'Chapter 3 short' })
    expect(partialWithout.status).toBe(400)
    expect(partialWithout.body.errors[0].data.errors[0].path).toBe('amount')

    const before = await walletBalance()
    const resolved = await must('admin', order.id, 'resolveDispute', { outcome: 'partial_refund', summary: 'Chapter 3 short of the brief', amount: 4000 })
    expect(resolved).toMatchObject({ status: 'completed', amountPaid: 16000, fundingStatus: 'partially_refunded' })
    expect(await walletBalance()).toBe(before + 4000)
    const [partial] = await refundsOf(order.id)
    expect(partial).toMatchObject({ amount: 4000, destination: 'wallet', specialOrder: order.id, client: ids.client })
    expect(partial!.order ?? null).toBeNull()
    // 4 000 of 20 000 back: the 10 000 earning loses a fifth.
    expect(await earningsOf(order.id)).toEqual([{ kind: 'special_order_earning', amount: 8000, status: 'pending', writer: ids.writer }])
    const dispute = (await t.payload.find({ collection: 'order-requests', where: { and: [{ specialOrder: { equals: order.id } }, { kind: { equals: 'dispute' } }] }, depth: 0 })).docs
    expect(dispute.map((d) => [d.status, d.reason, d.outcome, d.amount])).toEqual([['resolved', 'quality_issue', 'partial_refund', 4000]])
    expect((await act('admin', order.id, 'resolveDispute', { outcome: 'no_action', summary: 'Again' })).status).toBe(422)

    // The rest, by card where it was paid from the wallet: the admin's refund to the wallet.
    const rest = await must('admin', order.id, 'refund', { reason: 'Client leaves the programme' })
    expect(rest).toMatchObject({ status: 'refunded', amountPaid: 0, fundingStatus: 'refunded' })
    expect((await refundsOf(order.id)).map((r) => r.amount)).toEqual([4000, 16000])
    expect((await milestonesOf(order.id)).map((m) => m.status)).toEqual(['refunded', 'refunded'])
    expect((await earningsOf(order.id)).map((e) => e.status)).toEqual(['voided'])
    expect((await eventsOf('special-orders', order.id)).map((e) => e.action).slice(-3)).toEqual(['openDispute', 'resolveDispute', 'refund'])
    expect((await act('admin', order.id, 'refund', { reason: 'Twice' })).status).toBe(409)
  })

  it('a full refund of a partly funded plan cancels what it still asks for: the balance takes no payment', async () => {
    const order = await accepted(12000)
    const [deposit, balance] = await milestonesOf(order.id)
    await payByWallet(deposit!, 'test:so-refund-partly')
    const refunded = await must('admin', order.id, 'refund', { reason: 'Project dropped', destination: 'external', externalReference: 'BANK-2026-1202' })
    expect(refunded).toMatchObject({ status: 'refunded', fundingStatus: 'refunded', amountPaid: 0 })
    expect((await refundsOf(order.id))[0]).toMatchObject({ destination: 'external', externalReference: 'BANK-2026-1202', amount: deposit!.amount })
    expect((await t.payload.findByID({ collection: 'invoices', id: order.invoice as number, depth: 0 })).status).toBe('cancelled')
    expect((await milestonesOf(order.id)).map((m) => m.status)).toEqual(['refunded', 'cancelled'])
    expect((await checkout('client', { purpose: 'special_order_milestone', milestone: balance!.id, provider: 'manual' })).status).toBe(422)
  })

  it('a dispute resolved by a revision sends delivered work back; disputes switched off are a 422', async () => {
    const order = await funded(8000, 'so-revision')
    await submitted(order)
    await must('admin', order.id, 'complete')
    await must('client', order.id, 'openDispute', { reason: 'wrong_file', description: 'This is another client’s file.' })
    expect((await must('admin', order.id, 'resolveDispute', { outcome: 'revision', summary: 'The writer uploads the right file' })).status).toBe('revision_requested')
    await whileOff(t, alpha, 'allowDisputes', async () => {
      const refused = await act('client', order.id, 'openDispute', { reason: 'other', description: 'Still wrong.' })
      expect(refused.status).toBe(422)
      expect(refused.body.errors[0].message).toContain('switched off')
    })
  })
})
