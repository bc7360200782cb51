import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { confirmAsAdmin, fundWallet } from '../helpers/money'
import { expectPdf } from '../helpers/pdf'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }

moneyTestFile((test) => {
  ;({ t, tokens, ids, alpha } = test)
})

const receiptOf = async (paymentId: number) => {
  const { docs } = await t.payload.find({ collection: 'receipts', where: { payment: { equals: paymentId } }, depth: 0 })
  expect(docs).toHaveLength(1)
  return docs[0]!
}

const topUp = async (amount: number) => {
  const started = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'wallet_top_up', amount, provider: 'manual' } })
  await confirmAsAdmin(t, started.body.payment.id)
  return started.body.payment as { id: number }
}

describe('a receipt for every settlement', () => {
  it('an order paid from the wallet gets one, numbered per website, with the order in its snapshot', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    await fundWallet(t.payload, alpha, ids.client!, order.total, 'test:receipt-order')
    const paid = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'order', order: order.id, provider: 'wallet' } })
    expect(paid.status).toBe(201)
    const receipt = await receiptOf(paid.body.payment.id)
    expect(receipt).toMatchObject({ kind: 'receipt', amount: order.total, currency: 'USD', client: ids.client, paidFor: { purpose: 'order', outcome: 'order_paid', order: { id: order.id, number: order.number } } })
    expect(receipt.number).toMatch(/^RCT-\d{6}$/)
  })

  it('a top-up gets one when confirmed, and only once however often it is confirmed', async () => {
    const payment = await topUp(2500)
    await confirmAsAdmin(t, payment.id)
    const receipt = await receiptOf(payment.id)
    expect(receipt).toMatchObject({ amount: 2500, paidFor: { purpose: 'wallet_top_up', outcome: 'wallet_credited' } })
    // The client reads their own receipt; another client of the website does not see it.
    expect((await t.api.get(`/api/receipts/${receipt.id}`, { ...ALPHA, token: tokens.client2 })).status).toBe(200)
    expect((await t.api.get(`/api/receipts/${receipt.id}`, { ...ALPHA, token: tokens.client })).status).toBe(404)
  })

  it('numbers stay sequential per website', async () => {
    const a = await receiptOf((await topUp(1000)).id)
    const b = await receiptOf((await topUp(1000)).id)
    expect(Number(b.number.slice(4)) - Number(a.number.slice(4))).toBe(1)
  })
})

describe('receipts are immutable; voiding is a new record', () => {
  it('PATCH and DELETE are refused to everyone, superadmin included, and the database refuses them too', async () => {
    const receipt = await receiptOf((await topUp(1500)).id)
    const superadmin = await t.api.login('superadmin@scriptorium.test', DEMO_PASSWORD, ALPHA)
    for (const token of [tokens.admin, tokens.client2, superadmin]) {
      expect((await t.api.patch(`/api/receipts/${receipt.id}`, { ...ALPHA, token, body: { amount: 1 } })).status).toBe(403)
      expect((await t.api.delete(`/api/receipts/${receipt.id}`, { ...ALPHA, token })).status).toBe(403)
    }
    expect((await t.api.post('/api/receipts', { ...ALPHA, token: superadmin, body: { amount: 1 } })).status).toBe(403)
    const req = await createLocalReq({}, t.payload)
    await expect(execute(req, sql`UPDATE receipts SET amount = 1 WHERE id = ${receipt.id}`)).rejects.toThrow()
    await expect(execute(req, sql`DELETE FROM receipts WHERE id = ${receipt.id}`)).rejects.toThrow()
    expect(await t.payload.findByID({ collection: 'receipts', id: receipt.id, depth: 0 })).toMatchObject({ amount: 1500 })
  })

  it('an admin voids a receipt once, by a new record that names it and says why', async () => {
    const receipt = await receiptOf((await topUp(1200)).id)
    const url = `/api/receipts/${receipt.id}/void`
    expect((await t.api.post(url, { ...BETA, token: tokens.betaAdmin, body: { reason: 'x' } })).status).toBe(404)
    expect((await t.api.post(url, { ...ALPHA, token: tokens.client, body: { reason: 'x' } })).status).toBe(404)
    expect((await t.api.post(url, { ...ALPHA, token: tokens.client2, body: { reason: 'x' } })).status).toBe(403)
    expect((await t.api.post(url, { ...ALPHA, token: tokens.support, body: { reason: 'x' } })).status).toBe(403)
    const noReason = await t.api.post(url, { ...ALPHA, token: tokens.admin, body: {} })
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].data.errors[0].path).toBe('reason')

    const voided = await t.api.post(url, { ...ALPHA, token: tokens.admin, body: { reason: 'Issued in error' } })
    expect(voided.status).toBe(201)
    expect(voided.body.receipt).toMatchObject({ kind: 'void', voids: receipt.id, amount: 1200, reason: 'Issued in error', createdBy: ids.admin, payment: receipt.payment })
    expect(voided.body.receipt.id).not.toBe(receipt.id)
    expect(voided.body.receipt.number).not.toBe(receipt.number)
    expect(await t.payload.findByID({ collection: 'receipts', id: receipt.id, depth: 0 })).toMatchObject({ kind: 'receipt', number: receipt.number })
    expect((await t.api.post(url, { ...ALPHA, token: tokens.admin, body: { reason: 'again' } })).status).toBe(409)
    expect((await t.api.post(`/api/receipts/${voided.body.receipt.id}/void`, { ...ALPHA, token: tokens.admin, body: { reason: 'void the void' } })).status).toBe(409)
  })
})

describe('the receipt PDF', () => {
  it('is a real PDF with the number and amount; another website\'s receipt is a 404 like a missing one', async () => {
    const receipt = await receiptOf((await topUp(4321)).id)
    await expectPdf(t.api, 'receipts', receipt.id, { ...ALPHA, token: tokens.client2 }, ['Alpha Essays', receipt.number, '$43.21', 'Wallet top-up'], { ...BETA, token: tokens.betaAdmin })
    expect((await t.api.get(`/api/receipts/${receipt.id}/pdf`, { ...ALPHA })).status).toBe(401)
  })
})
