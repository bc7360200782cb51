import { createLocalReq, type Endpoint } from 'payload'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'

import { routeDocOf, type RouteDoc } from '@/api/openapi/describe'
import { inTransaction } from '@/operations/inTransaction'
import { ensureWallet } from '@/operations/ledger/wallets'

import type { ApiOptions, ApiResponse } from '../helpers/api'
import { confirmAsAdmin, fundWallet } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { startStripeRecorder } from '../helpers/stripeRecorder'
import type { TestContext } from '../helpers/testPayload'

/**
 * Each custom endpoint's documented answers (`documented(...)`, read back with
 * `routeDocOf`) hold for real calls: a JSON success parses with the schema of its
 * status, another media type has the documented content type, and a refusal is one of
 * the documented error statuses in the error shape. A handler that drifts from its
 * documentation fails here.
 */

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
let w: ReturnType<typeof workflowClient>
const ALPHA = { host: 'alpha.test' }
const STRIPE_SECRET = 'whsec_test_endpoint_docs'
let recorder: Awaited<ReturnType<typeof startStripeRecorder>>

// Stripe's API stands in locally, configured before Payload starts (moneyTestFile's beforeAll).
beforeAll(async () => {
  recorder = await startStripeRecorder()
  process.env.STRIPE_SECRET_KEY = 'sk_test_scriptorium'
  process.env.STRIPE_WEBHOOK_SECRET = STRIPE_SECRET
  process.env.STRIPE_API_URL = recorder.url
})
afterAll(async () => {
  await recorder?.close()
})

moneyTestFile(
  (test) => {
    ;({ t, tokens, ids, alpha } = test)
    w = workflowClient(t.api, 'alpha.test', tokens)
  },
  { superadmin: true },
)

/** The endpoint of `collection` (or the root's, with null) answering `method` on `path`. */
const endpointOf = (collection: string | null, method: string, path: string): Endpoint => {
  const config = t.payload.config
  const endpoints = collection === null ? config.endpoints : config.collections.find((c) => c.slug === collection)?.endpoints
  const found = (endpoints || []).find((e) => e.method === method && e.path === path)
  if (!found) throw new Error(`no endpoint ${method} ${collection ?? ''}${path}`)
  return found
}

const docOfRoute = (collection: string | null, method: string, path: string): RouteDoc => {
  const doc = routeDocOf(endpointOf(collection, method, path))
  if (!doc) throw new Error(`${method} ${collection ?? ''}${path} is not documented`)
  return doc
}

const ERROR_SHAPE = (body: unknown) => {
  const errors = (body as { errors?: { message?: unknown }[] } | null)?.errors
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e.message === 'string')
}

/**
 * Calls the route and holds the answer to its documentation: a success must parse with
 * the schema of its status (the parsed body is returned), a refusal must be a documented
 * error status in the error shape.
 */
const call = async (route: [collection: string | null, method: 'get' | 'post', path: string], url: string, options: ApiOptions = {}): Promise<ApiResponse> => {
  const [collection, method, path] = route
  const doc = docOfRoute(collection, method, path)
  const res = method === 'get' ? await t.api.get(url, options) : await t.api.post(url, options)
  const label = `${method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`
  if (res.status >= 400) {
    expect(doc.errors ?? [], label).toContain(res.status)
    expect(ERROR_SHAPE(res.body), label).toBe(true)
    return res
  }
  const response = doc.responses[res.status as keyof RouteDoc['responses']]
  expect(response, `${label}: status not documented`).toBeDefined()
  if (response && 'contentType' in response) {
    expect(res.headers.get('content-type'), label).toContain(response.contentType)
    return res
  }
  const parsed = (response as z.ZodType).safeParse(res.body)
  expect(parsed.success ? [] : parsed.error.issues, label).toEqual([])
  return res
}

const as = (who: string, extra: ApiOptions = {}): ApiOptions => ({ ...ALPHA, token: tokens[who], ...extra })

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString()

describe('documented answers of the public routes', () => {
  it('register, order options, quote and the website answer as documented, refusals included', async () => {
    await call([null, 'post', '/auth/register'], '/api/auth/register', { ...ALPHA, body: { name: 'Docs Reader', email: 'docs.reader@example.com', password: 'long enough password' } })
    await call([null, 'post', '/auth/register'], '/api/auth/register', { ...ALPHA, body: { name: 'Docs Reader', email: 'docs.reader@example.com', password: 'long enough password' } })
    await call([null, 'post', '/auth/register'], '/api/auth/register', { ...ALPHA, body: { email: 'nope' } })
    const options = await call([null, 'get', '/order-options'], '/api/order-options', ALPHA)
    expect(options.status).toBe(200)
    await call([null, 'get', '/order-options'], '/api/order-options', { host: 'nowhere.test' })
    const quote = await call(['orders', 'post', '/quote'], '/api/orders/quote', { ...ALPHA, body: { pages: 3, spacing: 'double', deadlineHours: 240, paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities' } })
    expect(quote.status).toBe(200)
    await call(['orders', 'post', '/quote'], '/api/orders/quote', { ...ALPHA, body: { pages: 0 } })
    expect((await call(['tenants', 'get', '/current'], '/api/tenants/current', ALPHA)).status).toBe(200)
    await call(['tenants', 'get', '/current'], '/api/tenants/current', { host: 'nowhere.test' })
  })
})

describe('documented answers of the money routes', () => {
  it('checkout, confirm, refunds, wallets, adjustments and the ledger summary', async () => {
    await fundWallet(t.payload, alpha, ids.client!, 100_000, 'docs:fund')
    const byWallet = await w.place('client')
    const paid = await call(['payments', 'post', '/checkout'], '/api/payments/checkout', as('client', { body: { purpose: 'order', order: byWallet.id, provider: 'wallet' } }))
    expect(paid.status).toBe(201)
    const manual = await w.place('client')
    const pending = await call(['payments', 'post', '/checkout'], '/api/payments/checkout', as('client', { body: { purpose: 'order', order: manual.id, provider: 'manual' } }))
    expect(pending.status).toBe(201)
    await call(['payments', 'post', '/checkout'], '/api/payments/checkout', as('writer', { body: { purpose: 'wallet_top_up', amount: 1000, provider: 'manual' } }))
    const confirmed = await confirmAsAdmin(t, pending.body.payment.id)
    expect(confirmed.status).toBe(200)
    await call(['payments', 'post', '/:id/confirm'], `/api/payments/${pending.body.payment.id}/confirm`, as('admin', { body: {} }))
    await call(['payments', 'post', '/:id/confirm'], `/api/payments/${pending.body.payment.id}/confirm`, as('client', { body: {} }))

    expect((await call(['orders', 'post', '/:id/refunds'], `/api/orders/${manual.id}/refunds`, as('admin', { body: { amount: 500, reason: 'Late' } }))).status).toBe(201)
    await call(['orders', 'post', '/:id/refunds'], `/api/orders/${manual.id}/refunds`, as('admin', { body: { amount: manual.total * 2, reason: 'Too much' } }))

    const wallet = await call(['wallets', 'get', '/me'], '/api/wallets/me', as('client'))
    expect(wallet.body.entries.length).toBeGreaterThan(0)
    await call(['wallets', 'get', '/me'], '/api/wallets/me?kind=writer', as('writer'))
    await call(['wallets', 'get', '/me'], '/api/wallets/me?kind=nobody', as('client'))

    const system = await createLocalReq({}, t.payload)
    const writerWallet = await inTransaction(system, async () => ensureWallet(system, alpha, ids.writer!, 'writer'))
    expect((await call(['wallets', 'post', '/:id/adjust'], `/api/wallets/${writerWallet.id}/adjust`, as('admin', { body: { direction: 'credit', amount: 5000, reason: 'Bonus' } }))).status).toBe(201)
    await call(['wallets', 'post', '/:id/adjust'], `/api/wallets/${writerWallet.id}/adjust`, as('admin', { body: { direction: 'debit', amount: 10_000_000, reason: 'Too much' } }))

    // Stripe: a Checkout URL, then the signed webhook settles it once; unsigned is refused.
    const byCard = await w.place('client')
    const card = await call(['payments', 'post', '/checkout'], '/api/payments/checkout', as('client', { body: { purpose: 'order', order: byCard.id, provider: 'stripe' } }))
    expect(card.body.checkoutUrl).toEqual(expect.any(String))
    const completed = JSON.stringify({
      id: 'evt_docs_1',
      object: 'event',
      type: 'checkout.session.completed',
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: card.body.payment.providerSession, object: 'checkout.session', client_reference_id: card.body.payment.reference, payment_status: 'paid', payment_intent: 'pi_docs_1' } },
    })
    const signature = new Stripe('sk_test_scriptorium').webhooks.generateTestHeaderString({ payload: completed, secret: STRIPE_SECRET })
    const delivery = { ...ALPHA, body: completed, headers: { 'stripe-signature': signature, 'content-type': 'application/json' } }
    expect((await call(['payments', 'post', '/webhooks/stripe'], '/api/payments/webhooks/stripe', delivery)).body).toEqual({ received: true })
    expect((await call(['payments', 'post', '/webhooks/stripe'], '/api/payments/webhooks/stripe', delivery)).body).toEqual({ received: true, duplicate: true })
    await call(['payments', 'post', '/webhooks/stripe'], '/api/payments/webhooks/stripe', { ...ALPHA, body: completed })

    const summary = await call([null, 'get', '/ledger/summary'], '/api/ledger/summary', as('admin'))
    expect(summary.status).toBe(200)
    await call([null, 'get', '/ledger/summary'], '/api/ledger/summary?from=yesterday', as('admin'))
    await call([null, 'get', '/ledger/summary'], '/api/ledger/summary', as('support'))
  })

  it('payout requests and their approve and reject aliases', async () => {
    const first = await call(['payout-requests', 'post', '/'], '/api/payout-requests', as('writer', { body: { amount: 1000 } }))
    expect(first.status).toBe(201)
    await call(['payout-requests', 'post', '/'], '/api/payout-requests', as('client', { body: { amount: 1000 } }))
    expect((await call(['payout-requests', 'post', '/:id/approve'], `/api/payout-requests/${first.body.request.id}/approve`, as('admin', { body: { method: 'bank_transfer', externalReference: 'TX-1' } }))).status).toBe(200)
    await call(['payout-requests', 'post', '/:id/approve'], `/api/payout-requests/${first.body.request.id}/approve`, as('admin', { body: { method: 'bank_transfer', externalReference: 'TX-1' } }))
    const second = await call(['payout-requests', 'post', '/'], '/api/payout-requests', as('writer', { body: { amount: 1000 } }))
    expect(second.status).toBe(201)
    expect((await call(['payout-requests', 'post', '/:id/reject'], `/api/payout-requests/${second.body.request.id}/reject`, as('admin', { body: { reason: 'Not now' } }))).status).toBe(200)
    await call(['payout-requests', 'post', '/:id/reject'], `/api/payout-requests/${second.body.request.id}/reject`, as('writer', { body: { reason: 'Mine' } }))
  })

  it('invoices: drafts, issue, pay link (read and pay), a new link, cancel, the PDF; receipts: void and PDF', async () => {
    const lines = [{ description: 'Consulting', quantity: 2, unitAmount: 3000 }]
    const draft = await call(['invoices', 'post', '/drafts'], '/api/invoices/drafts', as('admin', { body: { client: ids.client, lines, dueAt: inDays(10) } }))
    expect(draft.status).toBe(201)
    await call(['invoices', 'post', '/drafts'], '/api/invoices/drafts', as('admin', { body: { client: ids.client, lines: [] } }))
    await call(['invoices', 'post', '/drafts'], '/api/invoices/drafts', as('client', { body: { client: ids.client, lines, dueAt: inDays(10) } }))
    const id = draft.body.invoice.id
    const issued = await call(['invoices', 'post', '/:id/issue'], `/api/invoices/${id}/issue`, as('admin'))
    expect(issued.status).toBe(200)
    await call(['invoices', 'post', '/:id/issue'], `/api/invoices/${id}/issue`, as('admin'))
    const relinked = await call(['invoices', 'post', '/:id/pay-link'], `/api/invoices/${id}/pay-link`, as('admin'))
    expect(relinked.status).toBe(200)
    const token = String(relinked.body.payUrl).split('/pay/')[1]!
    expect((await call(['invoices', 'get', '/pay/:token'], `/api/invoices/pay/${token}`, ALPHA)).status).toBe(200)
    await call(['invoices', 'get', '/pay/:token'], '/api/invoices/pay/not-a-token', ALPHA)
    expect((await call(['invoices', 'post', '/pay/:token'], `/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual' } })).status).toBe(201)
    await call(['invoices', 'post', '/pay/:token'], `/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'wallet' } })
    expect((await call(['invoices', 'get', '/:id/pdf'], `/api/invoices/${id}/pdf`, as('admin'))).status).toBe(200)
    await call(['invoices', 'get', '/:id/pdf'], `/api/invoices/${id}/pdf`, as('writer'))

    const other = await call(['invoices', 'post', '/drafts'], '/api/invoices/drafts', as('support', { body: { client: ids.client, lines, dueAt: inDays(5) } }))
    expect((await call(['invoices', 'post', '/:id/cancel'], `/api/invoices/${other.body.invoice.id}/cancel`, as('admin', { body: { reason: 'Sent twice' } }))).status).toBe(200)

    const [receipt] = (await t.payload.find({ collection: 'receipts', where: { and: [{ tenant: { equals: alpha } }, { kind: { not_equals: 'void' } }] }, sort: '-id', limit: 1, depth: 0 })).docs
    expect(receipt).toBeDefined()
    expect((await call(['receipts', 'get', '/:id/pdf'], `/api/receipts/${receipt!.id}/pdf`, as('admin'))).status).toBe(200)
    expect((await call(['receipts', 'post', '/:id/void'], `/api/receipts/${receipt!.id}/void`, as('admin', { body: { reason: 'Wrong amount' } }))).status).toBe(201)
    await call(['receipts', 'post', '/:id/void'], `/api/receipts/${receipt!.id}/void`, as('admin', { body: { reason: 'Again' } }))
  })
})

describe('documented answers of the staff routes', () => {
  it('the dossier, writer suggestions, the dashboard of every staff role and the CSV export', async () => {
    const order = await deliveredOrder(w)
    await t.api.post(`/api/orders/${order.id}/refunds`, as('admin', { body: { amount: 300, reason: 'Late' } }))
    for (const who of ['admin', 'support', 'editor']) expect((await call(['orders', 'get', '/:id/dossier'], `/api/orders/${order.id}/dossier`, as(who))).status).toBe(200)
    await call(['orders', 'get', '/:id/dossier'], `/api/orders/${order.id}/dossier`, as('client'))

    const open = await w.place('client')
    await w.must('admin', open.id, 'markPaid')
    const suggestions = await call(['orders', 'get', '/:id/writer-suggestions'], `/api/orders/${open.id}/writer-suggestions`, as('admin'))
    expect(suggestions.body.suggestions.length).toBeGreaterThan(0)
    await call(['orders', 'get', '/:id/writer-suggestions'], `/api/orders/${open.id}/writer-suggestions`, as('support'))

    for (const who of ['admin', 'support', 'editor', 'superadmin']) expect((await call([null, 'get', '/dashboard'], '/api/dashboard', as(who))).status).toBe(200)
    expect((await call([null, 'get', '/dashboard'], `/api/dashboard?tenant=${alpha}`, as('admin'))).status).toBe(200)
    await call([null, 'get', '/dashboard'], '/api/dashboard?tenant=alpha', as('admin'))
    await call([null, 'get', '/dashboard'], '/api/dashboard', as('client'))

    const selector = await call(['tenants', 'get', '/populate-tenant-options'], '/api/tenants/populate-tenant-options', as('admin'))
    expect(selector.headers.get('content-type')).toContain('application/json')
    expect(selector.body.tenantOptions).toEqual([expect.objectContaining({ value: alpha })])
    expect((await call(['tenants', 'get', '/populate-tenant-options'], '/api/tenants/populate-tenant-options', ALPHA)).status).toBe(401)

    expect((await call(['orders', 'get', '/export.csv'], '/api/orders/export.csv?sort=id&cap=5', as('admin'))).status).toBe(200)
    await call(['orders', 'get', '/export.csv'], '/api/orders/export.csv?cap=0', as('admin'))
    await call(['orders', 'get', '/export.csv'], '/api/orders/export.csv', as('client'))
  })
})
