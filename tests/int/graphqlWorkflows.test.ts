import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { MONEY_MUTATIONS, moneyPosts } from '@/api/graphql/moneyFields'
import { WORKFLOW_COLLECTIONS } from '@/domain/workflow/collections'
import { actionNames } from '@/domain/workflow/define'
import { inTransaction } from '@/operations/inTransaction'
import { ensureWallet } from '@/operations/ledger/wallets'
import { subjectOf } from '@/operations/workflow/registry'

import { fundWallet } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { ESSAY } from '../helpers/orderWorkflow'
import { placeOrderFor } from '../helpers/tenantFixtures'
import type { TestContext } from '../helpers/testPayload'

/**
 * The workflows over GraphQL (issue 12): every field calls the operation its REST route
 * calls, so the answers, refusals and idempotency are the REST ones, and a new workflow
 * appears in the schema from the registry alone.
 */

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = 'alpha.test'

moneyTestFile((test) => {
  ;({ t, tokens, ids, alpha } = test)
}, { superadmin: true })

type GraphqlError = { message: string; extensions: { statusCode: number; name?: string; data?: { errors?: { path: string; message: string }[] } & Record<string, unknown> } }

const gql = async (who: string | null, query: string, variables: Record<string, unknown> = {}, host = ALPHA) => {
  const res = await t.api.graphql(query, { host, token: who ? tokens[who] : undefined, variables })
  return res as { status: number; body: { data: Record<string, any> | null; errors?: GraphqlError[] } }
}

/** The one error of a refused field. */
const refusal = async (who: string | null, query: string, variables: Record<string, unknown> = {}, host = ALPHA) => {
  const res = await gql(who, query, variables, host)
  expect(res.body.errors, JSON.stringify(res.body)).toHaveLength(1)
  return res.body.errors![0]!
}

const PERFORM_ORDER = `mutation($id: Int!, $action: OrderActionName!, $input: JSON, $key: String) {
  performOrderAction(id: $id, action: $action, input: $input, idempotencyKey: $key) { doc { id status paymentStatus amountPaid writer { id } } event extra }
}`
const ORDER_ACTIONS = `query($id: Int!) { orderActions(id: $id) { available { action label input money } blocked { action label reason } } }`
const PLACE = `mutation($data: JSON!, $key: String) { placeOrder(data: $data, idempotencyKey: $key) { id number status total client { id email } } }`

const orderCount = async () => (await t.payload.count({ collection: 'orders' })).totalDocs

describe('the schema comes from the registry', () => {
  it('has an actions query, a perform mutation and an action enum for every workflow collection', async () => {
    const res = await gql('admin', `{ __schema { queryType { fields { name } } mutationType { fields { name } } types { name kind enumValues { name } } } }`)
    expect(res.status).toBe(200)
    const schema = res.body.data!.__schema
    const queries = schema.queryType.fields.map((f: { name: string }) => f.name)
    const mutations = schema.mutationType.fields.map((f: { name: string }) => f.name)
    const types = new Map<string, { enumValues: { name: string }[] | null }>(schema.types.map((type: { name: string }) => [type.name, type]))
    const names: Record<string, string> = { orders: 'Order', invoices: 'Invoice', 'payout-records': 'PayoutRecord', 'payout-requests': 'PayoutRequest', 'discipline-records': 'DisciplineRecord', fines: 'Fine', referrals: 'Referral', 'loyalty-redemptions': 'LoyaltyRedemption', 'discount-campaigns': 'DiscountCampaign', tickets: 'Ticket', 'email-campaigns': 'EmailCampaign', reviews: 'Review', 'class-orders': 'ClassOrder', 'class-proposals': 'ClassProposal', 'class-tasks': 'ClassTask', 'special-orders': 'SpecialOrder', 'special-order-quotes': 'SpecialOrderQuote' }
    for (const collection of WORKFLOW_COLLECTIONS) {
      const name = names[collection]!
      expect(queries).toContain(`${name.charAt(0).toLowerCase()}${name.slice(1)}Actions`)
      expect(mutations).toContain(`perform${name}Action`)
      expect(types.get(`${name}ActionName`)!.enumValues!.map((v) => v.name).sort()).toEqual([...actionNames(subjectOf(collection).workflow)].sort())
    }
    expect(queries).toEqual(expect.arrayContaining(['quoteOrder', 'myWallet', 'dashboard']))
    expect(mutations).toEqual(expect.arrayContaining(['placeOrder', 'checkout']))
  })
})

describe('quoteOrder', () => {
  it('prices as POST /api/orders/quote does, anonymously, for the request’s website', async () => {
    const input = { pages: 3, spacing: 'double', deadlineHours: 48, paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities' }
    const rest = await t.api.post('/api/orders/quote', { host: ALPHA, body: input })
    const res = await gql(null, `query($input: JSON!) { quoteOrder(input: $input) { total currency lines } }`, { input })
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data!.quoteOrder).toEqual(rest.body)
    expect(res.body.data!.quoteOrder.total).toBe(7302)
  })

  it('names the bad fields as REST does (400 in extensions)', async () => {
    const error = await refusal(null, `{ quoteOrder(input: { pages: 0, spacing: "triple", deadlineHours: 48, paperType: "essay", workType: "writing", academicLevel: "undergrad", subject: "humanities" }) { total } }`)
    expect(error.extensions.statusCode).toBe(400)
    expect(error.extensions.data!.errors!.map((e) => e.path).sort()).toEqual(['pages', 'spacing'])
  })

  it('an unknown website is a 404, as over REST', async () => {
    expect((await refusal(null, `{ quoteOrder(input: {}) { total } }`, {}, 'nowhere.test')).extensions.statusCode).toBe(400)
    const input = { pages: 3, spacing: 'double', deadlineHours: 48, paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities' }
    expect((await refusal(null, `query($input: JSON!) { quoteOrder(input: $input) { total } }`, { input }, 'nowhere.test')).extensions.statusCode).toBe(404)
  })
})

describe('placeOrder', () => {
  const data = { ...ESSAY, deadlineHours: 240 }

  it('places through the create and its placement hook: the server prices, numbers and owns the order', async () => {
    const res = await gql('client', PLACE, { data: { ...data, total: 1, status: 'completed' } })
    expect(res.body.errors).toBeUndefined()
    const order = res.body.data!.placeOrder
    expect(order).toMatchObject({ status: 'pending_payment', client: { id: ids.client, email: 'client@alpha.test' } })
    expect(order.total).toBeGreaterThan(1)
    expect(order.number).toMatch(/\d/)
  })

  it('the same idempotencyKey places once and answers the same order; another order with it is a 422', async () => {
    const before = await orderCount()
    const first = await gql('client', PLACE, { data, key: 'gql-place-1' })
    const again = await gql('client', PLACE, { data, key: 'gql-place-1' })
    expect(again.body).toEqual(first.body)
    expect(await orderCount()).toBe(before + 1)
    const other = await refusal('client', PLACE, { data: { ...data, pages: 7 }, key: 'gql-place-1' })
    expect(other.extensions.statusCode).toBe(422)
    expect(other.message).toMatch(/different request body/)
    expect(await orderCount()).toBe(before + 1)
  })

  it('shares its keys with POST /api/orders: a REST retry of a GraphQL placement gets that order', async () => {
    const before = await orderCount()
    const placed = await gql('client', PLACE, { data, key: 'gql-then-rest' })
    const rest = await t.api.post('/api/orders', { host: ALPHA, token: tokens.client, body: data, headers: { 'idempotency-key': 'gql-then-rest' } })
    expect(rest.status).toBe(201)
    expect(rest.body.doc.id).toBe(placed.body.data!.placeOrder.id)
    expect(await orderCount()).toBe(before + 1)
  })

  it('a refused placement is remembered with its key and refused again the same way; nothing is written', async () => {
    const before = await orderCount()
    const first = await refusal('client', PLACE, { data: { ...data, pages: 0 }, key: 'gql-bad-place' })
    const second = await refusal('client', PLACE, { data: { ...data, pages: 0 }, key: 'gql-bad-place' })
    expect(first.extensions.statusCode).toBe(400)
    expect(first.extensions.data!.errors!.map((e) => e.path)).toContain('pages')
    expect(second.message).toBe(first.message)
    expect(second.extensions).toEqual(first.extensions)
    expect(await orderCount()).toBe(before)
  })

  it('anonymous and writers may not place (as POST /api/orders)', async () => {
    const before = await orderCount()
    expect((await refusal(null, PLACE, { data })).extensions.statusCode).toBe(403)
    expect((await refusal('writer', PLACE, { data })).extensions.statusCode).toBe(403)
    expect((await refusal(null, PLACE, { data, key: 'anon' })).extensions.statusCode).toBe(401)
    expect(await orderCount()).toBe(before)
  })
})

describe('order actions', () => {
  it('lists the caller’s actions as GET /api/orders/:id/actions does', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    for (const who of ['client', 'admin', 'support']) {
      const rest = await t.api.get(`/api/orders/${order.id}/actions`, { host: ALPHA, token: tokens[who] })
      const res = await gql(who, ORDER_ACTIONS, { id: order.id })
      expect(res.body.errors).toBeUndefined()
      expect(res.body.data!.orderActions).toEqual(rest.body)
    }
  })

  it('performs an action: the order as the caller reads it, and its event', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    const res = await gql('admin', PERFORM_ORDER, { id: order.id, action: 'markPaid' })
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data!.performOrderAction.doc).toMatchObject({ id: order.id, paymentStatus: 'fully_paid', amountPaid: order.total })
    expect(res.body.data!.performOrderAction.event).toMatchObject({ action: 'markPaid' })
  })

  it('a money action with idempotencyKey runs once; REST with the same key replays it', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    const first = await gql('admin', PERFORM_ORDER, { id: order.id, action: 'markPaid', key: `mark-${order.id}` })
    const again = await gql('admin', PERFORM_ORDER, { id: order.id, action: 'markPaid', key: `mark-${order.id}` })
    expect(again.body).toEqual(first.body)
    const rest = await t.api.post(`/api/orders/${order.id}/actions/markPaid`, { host: ALPHA, token: tokens.admin, body: {}, headers: { 'idempotency-key': `mark-${order.id}` } })
    expect(rest.status).toBe(200)
    expect(rest.body.event.id).toBe(first.body.data!.performOrderAction.event.id)
    const events = await t.payload.count({ collection: 'order-events', where: { and: [{ order: { equals: order.id } }, { action: { equals: 'markPaid' } }] } })
    expect(events.totalDocs).toBe(1)
  })

  it('refusals carry the REST status, message and field errors in extensions', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    const forbidden = await refusal('writer', PERFORM_ORDER, { id: order.id, action: 'markPaid' })
    const rest = await t.api.post(`/api/orders/${order.id}/actions/markPaid`, { host: ALPHA, token: tokens.writer, body: {} })
    expect([forbidden.extensions.statusCode, forbidden.message]).toEqual([rest.status, rest.body.errors[0].message])
    // A bad input names the field.
    const bad = await refusal('client', PERFORM_ORDER, { id: order.id, action: 'requestCancellation', input: { reason: 12 } })
    const restBad = await t.api.post(`/api/orders/${order.id}/actions/requestCancellation`, { host: ALPHA, token: tokens.client, body: { reason: 12 } })
    expect(bad.extensions.statusCode).toBe(restBad.status)
    expect(bad.extensions.data!.errors).toEqual(restBad.body.errors[0].data.errors)
    // Wrong status: 409.
    expect((await refusal('client', PERFORM_ORDER, { id: order.id, action: 'complete' })).extensions.statusCode).toBe(409)
    // An action that is not in the enum never reaches a resolver.
    const unknown = await gql('admin', PERFORM_ORDER, { id: order.id, action: 'explode' })
    expect(unknown.status).toBe(400)
    // No such record, or an id no record can have: 404.
    expect((await refusal('admin', PERFORM_ORDER, { id: 2_000_000_000, action: 'markPaid' })).extensions.statusCode).toBe(404)
    expect((await refusal('admin', PERFORM_ORDER, { id: -1, action: 'markPaid' })).extensions.statusCode).toBe(404)
    // A control character in the input: 400 naming where.
    const control = await refusal('client', PERFORM_ORDER, { id: order.id, action: 'requestCancellation', input: { reason: 'a\u0000b' } })
    expect(control.extensions.statusCode).toBe(400)
    expect(control.extensions.data!.errors![0]!.path).toBe('reason')
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe('pending_payment')
  })
})

describe('invoices and payout requests', () => {
  const DAY = 24 * 3600 * 1000

  it('issues an invoice: the typed invoice, its event, and the pay link in extra; a client may not', async () => {
    const made = await t.api.post('/api/invoices/drafts', { host: ALPHA, token: tokens.admin, body: { client: ids.client, lines: [{ description: 'Editing', quantity: 2, unitAmount: 1500 }], dueAt: new Date(Date.now() + 10 * DAY).toISOString() } })
    expect(made.status).toBe(201)
    const id = made.body.invoice.id as number
    const listed = await gql('admin', `query($id: Int!) { invoiceActions(id: $id) { available { action money } } }`, { id })
    expect(listed.body.data!.invoiceActions.available.map((a: { action: string }) => a.action)).toContain('issue')
    const ISSUE = `mutation($id: Int!) { performInvoiceAction(id: $id, action: issue) { doc { id status total } event extra } }`
    expect((await refusal('client', ISSUE, { id })).extensions.statusCode).toBe(404)
    const issued = await gql('admin', ISSUE, { id })
    expect(issued.body.errors).toBeUndefined()
    expect(issued.body.data!.performInvoiceAction.doc).toMatchObject({ id, status: 'issued', total: 3000 })
    expect(issued.body.data!.performInvoiceAction.extra.payUrl).toMatch(/\/pay\//)
    expect((await refusal('admin', ISSUE, { id })).extensions.statusCode).toBe(409)
  })

  it('rejects a payout request once per key (a money action); only admins decide', async () => {
    const req = await createLocalReq({}, t.payload)
    const wallet = await inTransaction(req, () => ensureWallet(req, alpha, ids.writer!, 'writer'))
    const credit = await t.api.post(`/api/wallets/${wallet.id}/adjust`, { host: ALPHA, token: tokens.admin, body: { direction: 'credit', amount: 3000, reason: 'Bonus' } })
    expect(credit.status).toBe(201)
    const requested = await t.api.post('/api/payout-requests', { host: ALPHA, token: tokens.writer, body: { amount: 1000 } })
    expect(requested.status).toBe(201)
    const id = requested.body.request.id as number
    const REJECT = `mutation($id: Int!, $input: JSON, $key: String) { performPayoutRequestAction(id: $id, action: reject, input: $input, idempotencyKey: $key) { doc { id status } event } }`
    const forbidden = await refusal('writer', REJECT, { id, input: { reason: 'Mine' } })
    expect(forbidden.extensions.statusCode).toBe(403)
    const bad = await refusal('admin', REJECT, { id, input: {}, key: `reject-bad-${id}` })
    expect(bad.extensions.data!.errors).toEqual([{ path: 'reason', message: 'Required: say why.' }])
    const first = await gql('admin', REJECT, { id, input: { reason: 'Duplicate' }, key: `reject-${id}` })
    expect(first.body.errors).toBeUndefined()
    expect(first.body.data!.performPayoutRequestAction.doc).toEqual({ id, status: 'rejected' })
    expect((await gql('admin', REJECT, { id, input: { reason: 'Duplicate' }, key: `reject-${id}` })).body).toEqual(first.body)
    expect((await refusal('admin', REJECT, { id, input: { reason: 'Duplicate' } })).extensions.statusCode).toBe(409)
  })

  it('a writer on the order may not take an admin’s action (403, as over REST)', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    await t.payload.update({ collection: 'orders', id: order.id, data: { status: 'in_progress', paymentStatus: 'fully_paid', amountPaid: order.total, writer: ids.writer }, depth: 0 })
    const refused = await refusal('writer', PERFORM_ORDER, { id: order.id, action: 'approveReassignment' })
    const rest = await t.api.post(`/api/orders/${order.id}/actions/approveReassignment`, { host: ALPHA, token: tokens.writer, body: {} })
    expect(rest.status).toBe(403)
    expect([refused.extensions.statusCode, refused.message]).toEqual([403, rest.body.errors[0].message])
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe('in_progress')
  })
})

describe('checkout and the wallet', () => {
  const CHECKOUT = `mutation($input: JSON!, $key: String) { checkout(input: $input, idempotencyKey: $key) { payment { id status amount purpose provider } checkoutUrl } }`
  const WALLET = `{ myWallet { balance held currency entries { reference type amount at } } }`

  it('myWallet is GET /api/wallets/me', async () => {
    await fundWallet(t.payload, alpha, ids.client2!, 4200, 'test:gql-wallet')
    const rest = await t.api.get('/api/wallets/me', { host: ALPHA, token: tokens.client2 })
    const res = await gql('client2', WALLET)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data!.myWallet).toEqual({ ...rest.body, entries: rest.body.entries.map(({ memo: _memo, ...entry }: Record<string, unknown>) => entry) })
    expect(res.body.data!.myWallet.balance).toBe(4200)
    expect((await refusal(null, WALLET)).extensions.statusCode).toBe(401)
    // Another website's client on Alpha's host: as if there were no such wallet.
    expect((await refusal('betaClient', WALLET)).extensions.statusCode).toBe(404)
  })

  it('checkout pays from the wallet once per idempotencyKey; another body with the key is a 422', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    await fundWallet(t.payload, alpha, ids.client!, order.total, `test:gql-checkout-${order.id}`)
    const before = (await t.payload.count({ collection: 'payments' })).totalDocs
    const input = { purpose: 'order', order: order.id, provider: 'wallet' }
    const first = await gql('client', CHECKOUT, { input, key: `pay-${order.id}` })
    expect(first.body.errors).toBeUndefined()
    expect(first.body.data!.checkout.payment).toMatchObject({ status: 'succeeded', amount: order.total, purpose: 'order', provider: 'wallet' })
    const again = await gql('client', CHECKOUT, { input, key: `pay-${order.id}` })
    expect(again.body).toEqual(first.body)
    const rest = await t.api.post('/api/payments/checkout', { host: ALPHA, token: tokens.client, body: input, headers: { 'idempotency-key': `pay-${order.id}` } })
    expect(rest.status).toBe(201)
    expect(rest.body.payment.id).toBe(first.body.data!.checkout.payment.id)
    expect((await t.payload.count({ collection: 'payments' })).totalDocs).toBe(before + 1)
    const other = await refusal('client', CHECKOUT, { input: { ...input, provider: 'manual' }, key: `pay-${order.id}` })
    expect(other.extensions.statusCode).toBe(422)
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).paymentStatus).toBe('fully_paid')
  })

  it('names bad checkout input as REST does', async () => {
    const error = await refusal('client2', CHECKOUT, { input: { purpose: 'wallet_top_up', amount: 5, provider: 'manual' } })
    expect(error.extensions.statusCode).toBe(400)
    expect(error.extensions.data!.errors).toEqual([{ path: 'amount', message: 'At least 100 cents.' }])
  })
})

describe('the other money POSTs', () => {
  it('every money POST of the config has a mutation', () => {
    const routes = moneyPosts(t.payload.config.collections).map(({ route }) => route)
    expect(routes.length).toBeGreaterThanOrEqual(4)
    for (const route of routes) expect(MONEY_MUTATIONS, `name the GraphQL mutation of ${route}`).toHaveProperty([route])
  })

  it('refundOrder, adjustWallet, requestPayout, confirmPayment run the REST commands, once per key', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    expect((await gql('admin', PERFORM_ORDER, { id: order.id, action: 'markPaid' })).body.errors).toBeUndefined()
    const REFUND = `mutation($id: Int!, $input: JSON!, $key: String) { refundOrder(id: $id, input: $input, idempotencyKey: $key) }`
    const input = { amount: 500, destination: 'wallet', reason: 'Late' }
    expect((await refusal('client', REFUND, { id: order.id, input })).extensions.statusCode).toBe(403)
    const bad = await refusal('admin', REFUND, { id: order.id, input: { ...input, amount: 0.5 } })
    expect(bad.extensions.data!.errors).toEqual([{ path: 'amount', message: 'Whole cents.' }])
    const first = await gql('admin', REFUND, { id: order.id, input, key: `refund-${order.id}` })
    expect(first.body.errors).toBeUndefined()
    expect(first.body.data!.refundOrder.refund).toMatchObject({ amount: 500 })
    expect((await gql('admin', REFUND, { id: order.id, input, key: `refund-${order.id}` })).body).toEqual(first.body)
    const rest = await t.api.post(`/api/orders/${order.id}/refunds`, { host: ALPHA, token: tokens.admin, body: input, headers: { 'idempotency-key': `refund-${order.id}` } })
    expect(rest.body).toEqual(first.body.data!.refundOrder)
    expect((await t.payload.count({ collection: 'refunds', where: { order: { equals: order.id } } })).totalDocs).toBe(1)
    expect((await refusal('admin', REFUND, { id: 2_000_000_000, input })).extensions.statusCode).toBe(404)

    const req = await createLocalReq({}, t.payload)
    const wallet = await inTransaction(req, () => ensureWallet(req, alpha, ids.writer2!, 'writer'))
    const ADJUST = `mutation($id: Int!, $input: JSON!, $key: String) { adjustWallet(id: $id, input: $input, idempotencyKey: $key) }`
    const adjusted = await gql('admin', ADJUST, { id: wallet.id, input: { direction: 'credit', amount: 2000, reason: 'Bonus' }, key: `bonus-${wallet.id}` })
    expect(adjusted.body.errors).toBeUndefined()
    expect(adjusted.body.data!.adjustWallet.wallet).toMatchObject({ balance: 2000 })
    expect((await gql('admin', ADJUST, { id: wallet.id, input: { direction: 'credit', amount: 2000, reason: 'Bonus' }, key: `bonus-${wallet.id}` })).body).toEqual(adjusted.body)
    expect((await refusal('writer2', ADJUST, { id: wallet.id, input: { direction: 'credit', amount: 2000, reason: 'Me' } })).extensions.statusCode).toBeGreaterThanOrEqual(403)

    const REQUEST = `mutation($input: JSON!, $key: String) { requestPayout(input: $input, idempotencyKey: $key) }`
    const requested = await gql('writer2', REQUEST, { input: { amount: 800 }, key: 'payout-800' })
    expect(requested.body.errors).toBeUndefined()
    expect(requested.body.data!.requestPayout.request).toMatchObject({ amount: 800, status: 'pending' })
    expect((await gql('writer2', REQUEST, { input: { amount: 800 }, key: 'payout-800' })).body).toEqual(requested.body)
    // A second request while one is pending: refused as over REST.
    const second = await refusal('writer2', REQUEST, { input: { amount: 100 } })
    const restSecond = await t.api.post('/api/payout-requests', { host: ALPHA, token: tokens.writer2, body: { amount: 100 } })
    expect([second.extensions.statusCode, second.message]).toEqual([restSecond.status, restSecond.body.errors[0].message])

    const started = await gql('client2', `mutation { checkout(input: { purpose: "wallet_top_up", amount: 1500, provider: "manual" }) { payment { id } } }`)
    const paymentId = started.body.data!.checkout.payment.id as number
    const CONFIRM = `mutation($id: Int!) { confirmPayment(id: $id, input: { bankReference: "BANK-1" }) }`
    // The payer never confirms their own money: refused as over REST.
    const payer = await refusal('client2', CONFIRM, { id: paymentId })
    const restPayer = await t.api.post(`/api/payments/${paymentId}/confirm`, { host: ALPHA, token: tokens.client2, body: { bankReference: 'BANK-1' } })
    expect([payer.extensions.statusCode, payer.message]).toEqual([restPayer.status, restPayer.body.errors[0].message])
    expect(payer.extensions.statusCode).toBe(403)
    const confirmed = await gql('admin', CONFIRM, { id: paymentId })
    expect(confirmed.body.errors).toBeUndefined()
    expect(confirmed.body.data!.confirmPayment).toMatchObject({ applied: true, payment: { status: 'succeeded' } })
  })
})

describe('dashboard', () => {
  it('is GET /api/dashboard for staff, refused to clients and anonymous as there', async () => {
    const rest = await t.api.get(`/api/dashboard?tenant=${alpha}`, { host: ALPHA, token: tokens.admin })
    const res = await gql('admin', `query($tenant: Int) { dashboard(tenant: $tenant) }`, { tenant: alpha })
    expect(res.body.errors).toBeUndefined()
    expect(Object.keys(res.body.data!.dashboard).sort()).toEqual(Object.keys(rest.body).sort())
    expect(res.body.data!.dashboard.websites).toEqual(rest.body.websites)
    const client = await t.api.get('/api/dashboard', { host: ALPHA, token: tokens.client })
    expect((await refusal('client', `{ dashboard }`)).extensions.statusCode).toBe(client.status)
    expect((await refusal(null, `{ dashboard }`)).extensions.statusCode).toBe(401)
    expect((await refusal('admin', `{ dashboard(tenant: 0) }`)).extensions.data!.errors).toEqual([{ path: 'tenant', message: 'The id of a website.' }])
  })
})
