import { describe, expect, it } from 'vitest'

import { fundWallet } from '../helpers/money'
import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }
let walletId: number

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
  walletId = await fundWallet(t.payload, alpha, ids.client!, 1000, 'test:adjust-fund')
})

const adjust = (who: string, body: Record<string, unknown>, headers: Record<string, string> = {}, host = ALPHA.host) =>
  t.api.post(`/api/wallets/${walletId}/adjust`, { host, token: tokens[who], body, headers })

describe('staff adjustments', () => {
  it('an admin credits and debits a wallet with a reason, as journal entries; a debit never goes below zero', async () => {
    const credit = await adjust('admin', { direction: 'credit', amount: 500, reason: 'Goodwill for a late order' })
    expect(credit.status).toBe(201)
    expect(credit.body.wallet.balance).toBe(1500)
    expect(credit.body.entry.type).toBe('admin_credit')
    const debit = await adjust('admin', { direction: 'debit', amount: 300, reason: 'Duplicate credit' })
    expect(debit.body.wallet.balance).toBe(1200)
    const over = await adjust('admin', { direction: 'debit', amount: 5000, reason: 'Too much' })
    expect(over.status).toBe(422)
    expect(over.body.errors[0].data).toMatchObject({ shortfall: 3800 })
    const statement = (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body
    expect(statement.balance).toBe(1200)
    // Newest first; older ones are the demo seed's (client@alpha paid a demo class from the wallet).
    expect(statement.entries.slice(0, 3).map((e: { type: string; amount: number }) => [e.type, e.amount])).toEqual([
      ['admin_debit', -300],
      ['admin_credit', 500],
      ['client_wallet_top_up', 1000],
    ])
  })

  it('requires a reason, an admin of the website, and replays with the same Idempotency-Key', async () => {
    expect((await adjust('admin', { direction: 'credit', amount: 100 })).status).toBe(400)
    expect((await adjust('support', { direction: 'credit', amount: 100, reason: 'x' })).status).toBe(403)
    // The owner sees the wallet but does not adjust it.
    expect((await adjust('client', { direction: 'credit', amount: 100, reason: 'x' })).status).toBe(403)
    expect((await adjust('betaAdmin', { direction: 'credit', amount: 100, reason: 'x' }, {}, 'beta.test')).status).toBe(404)
    const headers = { 'idempotency-key': 'goodwill-7' }
    const body = { direction: 'credit', amount: 100, reason: 'Goodwill' }
    const answers = await Promise.all([adjust('admin', body, headers), adjust('admin', body, headers), adjust('admin', body, headers)])
    expect(new Set(answers.map((a) => JSON.stringify([a.status, a.body]))).size).toBe(1)
    expect((await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance).toBe(1300)
  })
})

describe('GET /api/ledger/summary', () => {
  it('reports revenue, writer pay and refunds of the period from the ledger', async () => {
    const from = new Date(Date.now() - 1000).toISOString()
    const order = await w.must('client', (await deliveredOrder(w)).id, 'complete')
    expect((await t.api.post(`/api/orders/${order.id}/refunds`, { ...ALPHA, token: tokens.admin, body: { amount: 500, reason: 'Late' } })).status).toBe(201)
    const to = new Date(Date.now() + 1000).toISOString()

    const res = await t.api.get(`/api/ledger/summary?from=${from}&to=${to}`, { ...ALPHA, token: tokens.admin })
    expect(res.status).toBe(200)
    // The refund lowered the unpaid earning (3 pages × 4.00) by the refunded share of the total.
    const writerPay = 3 * 400 - Math.round((3 * 400 * 500) / order.total)
    expect(res.body).toMatchObject({ revenue: order.total - 500, writerPay, refunds: 500, tips: 0, fines: 0 })
    const before = await t.api.get(`/api/ledger/summary?from=2020-01-01&to=${from}`, { ...ALPHA, token: tokens.admin })
    expect(before.body.writerPay).toBe(0)
    expect((await t.api.get('/api/ledger/summary', { ...ALPHA, token: tokens.support })).status).toBe(403)
    expect((await t.api.get('/api/ledger/summary?from=yesterday', { ...ALPHA, token: tokens.admin })).status).toBe(400)
    const ancient = await t.api.get('/api/ledger/summary?from=-100000-01-01T00:00:00Z', { ...ALPHA, token: tokens.admin })
    expect(ancient.status).toBe(400)
    expect(ancient.body.errors[0].data.errors[0]).toMatchObject({ path: 'from', message: 'an ISO date such as 2026-11-01.' })
    expect(ancient.body.errors[0].message).toBe('from: an ISO date such as 2026-11-01.')
    // Beta's admin sees Beta's ledger, which this order never touched.
    const beta = await t.api.get(`/api/ledger/summary?from=${from}&to=${to}`, { host: 'beta.test', token: tokens.betaAdmin })
    expect(beta.body).toMatchObject({ revenue: 0, writerPay: 0, refunds: 0 })
  })
})
