import { describe, expect, it } from 'vitest'


import { confirmAsAdmin, expectLedgerSound, fundWallet } from '../helpers/money'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
const ALPHA = { host: 'alpha.test' }
let alpha: number

moneyTestFile((test) => {
  ;({ t, tokens, ids, alpha } = test)
}, { superadmin: true })

const pay = (who: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens[who], body, headers })
const wallet = async (who: string) => (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens[who] })).body

describe('wallet top-up through the manual provider', () => {
  it('creates a pending payment, and /confirm runs the settlement once: wallet, ledger, statement', async () => {
    const started = await pay('client2', { purpose: 'wallet_top_up', amount: 5000, provider: 'manual' })
    expect(started.status).toBe(201)
    expect(started.body.payment).toMatchObject({ status: 'pending', amount: 5000, purpose: 'wallet_top_up', provider: 'manual' })
    expect((await wallet('client2')).balance).toBe(0)
    const id = started.body.payment.id
    const confirmed = await confirmAsAdmin(t, id)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ applied: true, payment: { status: 'succeeded' } })
    const again = await confirmAsAdmin(t, id)
    expect(again.body.applied).toBe(false)
    const statement = await wallet('client2')
    expect(statement).toMatchObject({ balance: 5000, held: 0, currency: 'USD' })
    expect(statement.entries).toMatchObject([{ type: 'client_wallet_top_up', amount: 5000 }])
  })

  it('names bad input: an unknown purpose, a tiny amount, a wallet paying itself', async () => {
    const before = await t.payload.count({ collection: 'payments' })
    expect((await pay('client2', { purpose: 'lottery', provider: 'manual' })).status).toBe(400)
    const tiny = await pay('client2', { purpose: 'wallet_top_up', amount: 5, provider: 'manual' })
    expect(tiny.body.errors[0].data.errors).toEqual([{ path: 'amount', message: 'At least 100 cents.' }])
    expect((await pay('client2', { purpose: 'wallet_top_up', amount: 500, provider: 'wallet' })).status).toBe(400)
    expect(await t.payload.count({ collection: 'payments' })).toEqual(before)
  })
})

describe('paying orders from the wallet', () => {
  it('50 concurrent payments against a wallet that affords 20: 20 succeed, 30 get 422 with the shortfall, the balance ends at 0', async () => {
    const orders = []
    for (let i = 0; i < 50; i += 1) orders.push(await placeOrderFor(t.payload, alpha, 'client@alpha.test'))
    const price = orders[0]!.total
    expect(orders.every((o) => o.total === price)).toBe(true)
    await fundWallet(t.payload, alpha, ids.client!, price * 20, 'test:fund-client')
    const paymentsBefore = await t.payload.count({ collection: 'payments' })

    const results = await Promise.all(orders.map((o) => pay('client', { purpose: 'order', order: o.id, provider: 'wallet' })))
    const ok = results.filter((r) => r.status === 201)
    const refused = results.filter((r) => r.status === 422)
    expect(ok).toHaveLength(20)
    expect(refused).toHaveLength(30)
    expect(refused[0]!.body.errors[0].data).toMatchObject({ shortfall: price })
    expect((await wallet('client')).balance).toBe(0)
    // A refusal left nothing behind: only the 20 payments exist, and only their orders are paid.
    expect((await t.payload.count({ collection: 'payments' })).totalDocs).toBe(paymentsBefore.totalDocs + 20)
    const paid = await t.payload.count({ collection: 'orders', where: { and: [{ id: { in: orders.map((o) => o.id) } }, { paymentStatus: { equals: 'fully_paid' } }] } })
    expect(paid.totalDocs).toBe(20)
    await expectLedgerSound(t.payload)
  })

  it('two wallet payments of one order at once: one pays, the other finds nothing owed', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    await fundWallet(t.payload, alpha, ids.client!, order.total * 2, 'test:fund-twice')
    const before = (await wallet('client')).balance
    const [a, b] = await Promise.all([0, 1].map(() => pay('client', { purpose: 'order', order: order.id, provider: 'wallet' })))
    expect([a!.status, b!.status].sort()).toEqual([201, 422])
    expect((await wallet('client')).balance).toBe(before - order.total)
  })

  it('refuses paying an order that is not yours (404) or owes nothing (422)', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    expect((await pay('client2', { purpose: 'order', order: order.id, provider: 'wallet' })).status).toBe(404)
    await t.api.post(`/api/orders/${order.id}/actions/markPaid`, { ...ALPHA, token: tokens.admin })
    expect((await pay('client', { purpose: 'order', order: order.id, provider: 'manual' })).status).toBe(422)
  })
})

describe('Idempotency-Key', () => {
  it('the same key 20 times at once: one payment, 20 identical answers; another body with it: 422', async () => {
    const before = await t.payload.count({ collection: 'payments' })
    const headers = { 'idempotency-key': 'top-up-42' }
    const body = { purpose: 'wallet_top_up', amount: 2500, provider: 'manual' }
    const answers = await Promise.all(Array.from({ length: 20 }, () => pay('client2', body, headers)))
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]))
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
    expect((await t.payload.count({ collection: 'payments' })).totalDocs).toBe(before.totalDocs + 1)
    const other = await pay('client2', { ...body, amount: 9900 }, headers)
    expect(other.status).toBe(422)
    expect(other.body.errors[0].message).toMatch(/different request/)
    // Another user's same key is their own.
    expect((await pay('client', body, headers)).status).toBe(201)
  })

  it('a refusal is remembered too: the same key gets the same answer', async () => {
    // Someone else's order: a 404, remembered with the key.
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    const headers = { 'idempotency-key': 'not-my-order' }
    const first = await pay('client2', { purpose: 'order', order: order.id, provider: 'wallet' }, headers)
    const second = await pay('client2', { purpose: 'order', order: order.id, provider: 'wallet' }, headers)
    expect([first.status, second.status]).toEqual([404, 404])
    expect(second.body).toEqual(first.body)
  })
})

describe('isolation and immutability', () => {
  it('another website\'s client cannot read, confirm or pay an Alpha payment or order', async () => {
    const started = await pay('client2', { purpose: 'wallet_top_up', amount: 1000, provider: 'manual' })
    const id = started.body.payment.id
    const beta = { host: 'beta.test', token: tokens.betaClient }
    expect((await t.api.get(`/api/payments/${id}`, beta)).status).toBe(404)
    expect((await t.api.post(`/api/payments/${id}/confirm`, beta)).status).toBe(404)
    expect((await t.api.post(`/api/payments/${id}/confirm`, { ...ALPHA, token: tokens.client })).status).toBe(404)
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    expect((await t.api.post('/api/payments/checkout', { ...beta, body: { purpose: 'order', order: order.id, provider: 'manual' } })).status).toBe(404)
    expect((await t.api.get('/api/wallets/me', { host: 'alpha.test', token: tokens.betaClient })).status).toBe(404)
    expect((await t.payload.findByID({ collection: 'payments', id, depth: 0 })).status).toBe('pending')
    // Money is for admins and support: an editor of the same website sees no payment.
    expect((await t.api.get(`/api/payments/${id}`, { ...ALPHA, token: tokens.editor })).status).toBe(404)
    expect((await t.api.get(`/api/payments/${id}`, { ...ALPHA, token: tokens.support })).status).toBe(200)
  })

  it('nobody, superadmin included, changes or deletes a journal entry through the API', async () => {
    const { docs } = await t.payload.find({ collection: 'journal-entries', limit: 1, depth: 0 })
    const entry = docs[0]!
    for (const who of ['superadmin', 'admin']) {
      expect((await t.api.patch(`/api/journal-entries/${entry.id}`, { ...ALPHA, token: tokens[who], body: { memo: 'edited' } })).status).toBe(403)
      expect((await t.api.delete(`/api/journal-entries/${entry.id}`, { ...ALPHA, token: tokens[who] })).status).toBe(403)
    }
    expect((await t.api.post('/api/journal-entries', { ...ALPHA, token: tokens.superadmin, body: { reference: 'x', type: 'y', lines: [] } })).status).toBe(403)
    expect((await t.payload.findByID({ collection: 'journal-entries', id: entry.id, depth: 0 })).memo).toBe(entry.memo)
  })
})

describe('ids beyond what the database holds', () => {
  it('answer as for a missing record (404 in the path, 400 naming the field in a body), never 500', async () => {
    const huge = 3_000_000_000
    const as = (who: string) => ({ ...ALPHA, token: tokens[who] })
    expect((await t.api.post(`/api/payments/${huge}/confirm`, { ...as('client'), body: {} })).status).toBe(404)
    expect((await t.api.post(`/api/orders/${huge}/refunds`, { ...as('admin'), body: { amount: 100, reason: 'x' } })).status).toBe(404)
    expect((await t.api.post(`/api/wallets/${huge}/adjust`, { ...as('admin'), body: { direction: 'credit', amount: 100, reason: 'x' } })).status).toBe(404)
    expect((await t.api.get(`/api/invoices/${huge}/pdf`, as('admin'))).status).toBe(404)
    expect((await t.api.get(`/api/orders/${huge}/actions`, as('client'))).status).toBe(404)
    const body = await t.api.post('/api/payments/checkout', { ...as('client'), body: { purpose: 'order', order: huge, provider: 'wallet' } })
    expect(body.status).toBe(400)
    expect(body.body.errors[0].data.errors[0]).toMatchObject({ path: 'order' })
  })
})

describe('a cancelled order', () => {
  it('takes no payment at checkout (422 naming order, nothing written); money that arrives for it anyway goes to the wallet', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    const pending = await pay('client', { purpose: 'order', order: order.id, provider: 'manual' })
    expect(pending.status).toBe(201)
    await t.payload.update({ collection: 'orders', id: order.id, data: { status: 'cancelled' }, depth: 0 })
    const payments = async () => (await t.payload.count({ collection: 'payments', where: { order: { equals: order.id } } })).totalDocs
    await fundWallet(t.payload, alpha, ids.client!, order.total, `test:cancelled:${order.id}`)
    const refused = await pay('client', { purpose: 'order', order: order.id, provider: 'wallet' })
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0]).toMatchObject({ message: 'order: a cancelled order takes no payment.', data: { field: 'order' } })
    expect(await payments()).toBe(1)

    const before = (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance as number
    const confirmed = await confirmAsAdmin(t, pending.body.payment.id)
    expect(confirmed.status).toBe(200)
    expect((await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance).toBe(before + order.total)
    expect(await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).toMatchObject({ status: 'cancelled', amountPaid: 0 })
    await expectLedgerSound(t.payload)
  })
})
