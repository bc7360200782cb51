import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { expectLedgerSound, fundWallet } from '../helpers/money'
import { startStripeRecorder } from '../helpers/stripeRecorder'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

const SECRET = 'whsec_test_scriptorium_signing_secret'
let t: TestContext
let recorder: Awaited<ReturnType<typeof startStripeRecorder>>
const stripe = new Stripe('sk_test_scriptorium')
const tokens: Record<string, string> = {}
const ALPHA = { host: 'alpha.test' }
let alpha: number

beforeAll(async () => {
  recorder = await startStripeRecorder()
  process.env.STRIPE_SECRET_KEY = 'sk_test_scriptorium'
  process.env.STRIPE_WEBHOOK_SECRET = SECRET
  process.env.STRIPE_API_URL = recorder.url
  t = await startTestPayload()
  alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
  tokens.client = await t.api.login('client@alpha.test', DEMO_PASSWORD, ALPHA)
  tokens.admin = await t.api.login('admin@alpha.test', DEMO_PASSWORD, ALPHA)
})
afterAll(async () => {
  if (t) await expectLedgerSound(t.payload)
  await t?.close()
  await recorder?.close()
})

/** A webhook delivery as Stripe makes it: the event JSON, signed with the endpoint's secret. */
const deliver = (event: Record<string, unknown>, options: { secret?: string; timestamp?: number; unchecked?: true } = {}) => {
  const payload = JSON.stringify(event)
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp })
  return t.api.post('/api/payments/webhooks/stripe', { ...ALPHA, body: payload, headers: { 'stripe-signature': header, 'content-type': 'application/json' }, unchecked: options.unchecked })
}
const event = (id: string, type: string, object: Record<string, unknown>) => ({ id, object: 'event', type, api_version: '2025-01-01', created: Math.floor(Date.now() / 1000), data: { object } })
const counts = async () => ({
  events: (await t.payload.count({ collection: 'provider-events' })).totalDocs,
  entries: (await t.payload.count({ collection: 'journal-entries' })).totalDocs,
})

describe('Stripe checkout and webhooks', () => {
  let orderId: number
  let total: number
  let reference: string

  it('creates a Checkout Session for what the order owes, with the payment reference', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    orderId = order.id
    total = order.total
    const res = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'order', order: orderId, provider: 'stripe' } })
    expect(res.status).toBe(201)
    reference = res.body.payment.reference
    expect(res.body.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/)
    expect(res.body.payment).toMatchObject({ status: 'pending', provider: 'stripe', amount: total, providerSession: expect.stringMatching(/^cs_test_/) })
    const sent = recorder.requests.at(-1)!
    expect(sent.path).toBe('/v1/checkout/sessions')
    expect(sent.headers.authorization).toBe('Bearer sk_test_scriptorium')
    expect(Object.fromEntries(sent.form)).toMatchObject({
      mode: 'payment',
      client_reference_id: reference,
      'metadata[reference]': reference,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': String(total),
    })
  })

  it('fails the payment at once when Stripe refuses the session (502), instead of leaving it pending', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    recorder.behaviour.sessions = 'error'
    try {
      const res = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'order', order: order.id, provider: 'stripe' } })
      expect(res.status).toBe(502)
      expect(res.body.errors[0].message).toMatch(/Stripe refused the checkout: Invalid currency/)
    } finally {
      recorder.behaviour.sessions = 'open'
    }
    const { docs } = await t.payload.find({ collection: 'payments', where: { order: { equals: order.id } }, depth: 0 })
    expect(docs).toMatchObject([{ status: 'failed', failureReason: expect.stringMatching(/Invalid currency/), checkoutUrl: null }])
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).amountPaid).toBe(0)
  })

  it('refuses a bad signature or a stale timestamp with 400 and writes nothing', async () => {
    const before = await counts()
    const completed = event('evt_bad', 'checkout.session.completed', { object: 'checkout.session', client_reference_id: reference, payment_status: 'paid' })
    expect((await deliver(completed, { secret: 'whsec_wrong' })).status).toBe(400)
    expect((await deliver(completed, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(400)
    const unsigned = await t.api.post('/api/payments/webhooks/stripe', { ...ALPHA, body: JSON.stringify(completed) })
    expect(unsigned.status).toBe(400)
    expect(await counts()).toEqual(before)
    expect((await t.payload.findByID({ collection: 'orders', id: orderId, depth: 0 })).paymentStatus).toBe('unpaid')
  })

  it('applies the payment once from ten concurrent, out-of-order deliveries with a failure among them', async () => {
    const completed = event('evt_completed_1', 'checkout.session.completed', { object: 'checkout.session', id: 'cs_test_000001', client_reference_id: reference, payment_status: 'paid', metadata: { reference } })
    const failed = event('evt_failed_1', 'payment_intent.payment_failed', { object: 'payment_intent', metadata: { reference }, last_payment_error: { message: 'Your card was declined.' } })
    const deliveries = [failed, ...Array.from({ length: 9 }, () => completed)]
    const answers = await Promise.all(deliveries.map((e) => deliver(e)))
    expect(answers.map((a) => [a.status, a.status === 200 ? 'ok' : JSON.stringify(a.body)])).toEqual(Array(10).fill([200, 'ok']))
    expect(answers.filter((a) => a.body.duplicate)).toHaveLength(8)

    const order = await t.payload.findByID({ collection: 'orders', id: orderId, depth: 0 })
    expect(order).toMatchObject({ paymentStatus: 'fully_paid', amountPaid: total, status: 'ready_for_staffing' })
    const { docs } = await t.payload.find({ collection: 'payments', where: { reference: { equals: reference } }, depth: 0 })
    expect(docs[0]).toMatchObject({ status: 'succeeded', appliedAt: expect.any(String) })
    const entries = await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `payment:${reference}` } }, depth: 0 })
    expect(entries.totalDocs).toBe(1)
    const applied = await t.payload.find({ collection: 'order-events', where: { and: [{ order: { equals: orderId } }, { action: { equals: 'paymentApplied' } }] }, depth: 0 })
    expect(applied.totalDocs).toBe(1)

    // A late failure, or the same success again later, changes nothing.
    expect((await deliver(event('evt_failed_2', 'payment_intent.payment_failed', { object: 'payment_intent', metadata: { reference } }))).status).toBe(200)
    expect((await deliver(completed)).body.duplicate).toBe(true)
    expect((await t.payload.find({ collection: 'payments', where: { reference: { equals: reference } }, depth: 0 })).docs[0]!.status).toBe('succeeded')
    await expectLedgerSound(t.payload)
  })
})

describe('refunds to the card', () => {
  let orderId: number
  let total: number
  let paymentId: number

  const refund = (body: Record<string, unknown>) => t.api.post(`/api/orders/${orderId}/refunds`, { ...ALPHA, token: tokens.admin, body: { destination: 'provider', reason: 'Late delivery', ...body } })
  const orderNow = () => t.payload.findByID({ collection: 'orders', id: orderId, depth: 0 })
  const paymentNow = () => t.payload.findByID({ collection: 'payments', id: paymentId, depth: 0 })
  const written = async () => ({
    refunds: (await t.payload.count({ collection: 'refunds' })).totalDocs,
    entries: (await t.payload.count({ collection: 'journal-entries' })).totalDocs,
  })

  beforeAll(async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    orderId = order.id
    total = order.total
    const res = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'order', order: orderId, provider: 'stripe' } })
    paymentId = res.body.payment.id
    const reference = res.body.payment.reference as string
    const paid = await deliver(event('evt_refundable_paid', 'checkout.session.completed', { object: 'checkout.session', client_reference_id: reference, payment_status: 'paid', payment_intent: 'pi_test_refundable', metadata: { reference } }))
    expect(paid.status).toBe(200)
    expect(await paymentNow()).toMatchObject({ status: 'succeeded', providerPaymentIntent: 'pi_test_refundable' })
  })

  it('refunds part of the card payment through Stripe, once per request, and journals revenue → gateway', async () => {
    const res = await refund({ amount: 1500 })
    expect(res.status).toBe(201)
    expect(res.body.refund).toMatchObject({ destination: 'provider', status: 'succeeded', amount: 1500, payment: paymentId, providerRefund: expect.stringMatching(/^re_test_/) })
    const sent = recorder.requests.at(-1)!
    expect(sent.path).toBe('/v1/refunds')
    expect(Object.fromEntries(sent.form)).toMatchObject({ payment_intent: 'pi_test_refundable', amount: '1500', 'metadata[order]': String(orderId) })
    // Stripe's own idempotency key is the refund's reference: a retried request never refunds twice at Stripe.
    expect(sent.headers['idempotency-key']).toBe(`refund:order:${orderId}:1`)
    expect(await orderNow()).toMatchObject({ amountPaid: total - 1500, paymentStatus: 'partially_paid' })
    expect(await paymentNow()).toMatchObject({ amountRefunded: 1500 })
    const entry = (await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `refund:order:${orderId}:1` } }, depth: 0 })).docs[0]
    expect(entry).toMatchObject({ type: 'provider_refund' })
    await expectLedgerSound(t.payload)
  })

  it('refuses more than the card payment has left (422) and a provider refusal (502), writing nothing', async () => {
    const before = await written()
    const requests = recorder.requests.length
    const over = await refund({ amount: total - 1500 + 1 })
    expect(over.status).toBe(422)
    expect(over.body.errors[0].data).toMatchObject({ field: 'amount' })
    expect(recorder.requests.length).toBe(requests)

    recorder.behaviour.refunds = 'error'
    try {
      const refused = await refund({ amount: 100 })
      expect(refused.status).toBe(502)
      expect(refused.body.errors[0].message).toMatch(/refused by the provider/)
    } finally {
      recorder.behaviour.refunds = 'succeeded'
    }
    expect(await written()).toEqual(before)
    expect(await orderNow()).toMatchObject({ amountPaid: total - 1500 })
    expect(await paymentNow()).toMatchObject({ amountRefunded: 1500 })
  })

  it('a pending card refund that Stripe later fails goes to the client’s wallet instead, once', async () => {
    recorder.behaviour.refunds = 'pending'
    let refundId: string
    try {
      const res = await refund({ amount: 500 })
      expect(res.status).toBe(201)
      expect(res.body.refund).toMatchObject({ status: 'pending' })
      refundId = res.body.refund.providerRefund
    } finally {
      recorder.behaviour.refunds = 'succeeded'
    }
    expect(await orderNow()).toMatchObject({ amountPaid: total - 2000 })
    const walletBefore = (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance as number
    const failed = event('evt_refund_failed', 'refund.failed', { object: 'refund', id: refundId, status: 'failed', metadata: { reference: 'x' } })
    const answers = await Promise.all([deliver(failed), deliver(failed), deliver(event('evt_refund_failed_2', 'refund.updated', { object: 'refund', id: refundId, status: 'failed' }))])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    // The client is still refunded, by the wallet; the order stays as the refund left it.
    expect((await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance).toBe(walletBefore + 500)
    expect(await orderNow()).toMatchObject({ amountPaid: total - 2000, paymentStatus: 'partially_paid' })
    expect(await paymentNow()).toMatchObject({ amountRefunded: 1500 })
    const rows = (await t.payload.find({ collection: 'refunds', where: { providerRefund: { equals: refundId } }, depth: 0 })).docs
    expect(rows).toMatchObject([{ status: 'failed' }])
    expect((await t.payload.count({ collection: 'journal-entries', where: { reference: { equals: `refund-failed:${refundId}` } } })).totalDocs).toBe(1)
    // A late "succeeded" for the same refund changes nothing.
    expect((await deliver(event('evt_refund_late_ok', 'refund.updated', { object: 'refund', id: refundId, status: 'succeeded' }))).status).toBe(200)
    expect((await t.payload.findByID({ collection: 'refunds', id: rows[0]!.id, depth: 0 })).status).toBe('failed')
    const summary = await t.api.get(`/api/ledger/summary?from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}`, { ...ALPHA, token: tokens.admin })
    expect(summary.body.refunds).toBe(2000)
    await expectLedgerSound(t.payload)
  })

  it('asks Stripe to deliver again an event for one of our refunds not recorded yet; ignores others', async () => {
    const ours = event('evt_refund_early', 'refund.updated', { object: 'refund', id: 're_not_yet', status: 'succeeded', metadata: { reference: `refund:order:${orderId}:9` } })
    // Not yet: 503, so that Stripe delivers the event again (nothing recorded meanwhile).
    expect((await deliver(ours)).status).toBe(503)
    expect((await t.payload.count({ collection: 'provider-events', where: { eventId: { equals: 'evt_refund_early' } } })).totalDocs).toBe(0)
    const foreign = await deliver(event('evt_refund_dashboard', 'refund.updated', { object: 'refund', id: 're_dashboard', status: 'succeeded', metadata: {} }))
    expect(foreign.body).toMatchObject({ received: true, ignored: true })
  })

  it('an order paid from the wallet has nothing to give back to a card', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    const client = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } }, depth: 0 })).docs[0]!.id
    await fundWallet(t.payload, alpha, client, order.total, `test:stripe:wallet:${order.id}`)
    expect((await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'order', order: order.id, provider: 'wallet' } })).status).toBe(201)
    const res = await t.api.post(`/api/orders/${order.id}/refunds`, { ...ALPHA, token: tokens.admin, body: { amount: 100, destination: 'provider', reason: 'x' } })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].data).toMatchObject({ field: 'amount', refundable: 0 })
  })
})

describe('an invoice paid by card through its public pay link', () => {
  it('opens a Checkout Session for what is owed (no login); the webhook pays the invoice once and issues one receipt', async () => {
    const admin = await t.api.login('admin@alpha.test', DEMO_PASSWORD, ALPHA)
    const client = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } }, depth: 0 })).docs[0]!.id
    const dueAt = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString()
    const made = await t.api.post('/api/invoices/drafts', { ...ALPHA, token: admin, body: { client, dueAt, lines: [{ description: 'Consultation', quantity: 2, unitAmount: 4500 }] } })
    const issued = await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: admin })
    const token = String(issued.body.payUrl).split('/pay/')[1]!

    const started = await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'stripe' } })
    expect(started.status).toBe(201)
    expect(started.body.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.com\//)
    const ref = started.body.payment.reference
    expect(Object.fromEntries(recorder.requests.at(-1)!.form)).toMatchObject({
      client_reference_id: ref,
      'line_items[0][price_data][unit_amount]': '9000',
      'line_items[0][price_data][product_data][name]': `Invoice ${made.body.invoice.number}`,
    })

    const completed = event('evt_invoice_1', 'checkout.session.completed', { object: 'checkout.session', client_reference_id: ref, payment_status: 'paid', metadata: { reference: ref } })
    const answers = await Promise.all([deliver(completed), deliver(completed)])
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(await t.payload.findByID({ collection: 'invoices', id: made.body.invoice.id, depth: 0 })).toMatchObject({ status: 'paid', amountPaid: 9000 })
    const receipts = await t.payload.find({ collection: 'receipts', where: { payment: { equals: started.body.payment.id } }, depth: 0 })
    expect(receipts.docs.map((r) => [r.kind, r.amount])).toEqual([['receipt', 9000]])
    await expectLedgerSound(t.payload)
  })
})
