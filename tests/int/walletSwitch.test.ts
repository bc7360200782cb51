import { describe, expect, it } from 'vitest'

import { confirmAsAdmin, fundWallet } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { rowCounts } from '../helpers/rowCounts'
import type { TestContext } from '../helpers/testPayload'
import { registerOnAlpha, whileOff } from '../helpers/websiteSwitches'

/**
 * `allowWallet` flipped (issue 16: no switch without effect). Off, a client of the
 * website can neither pay from their wallet (orders, invoices, tips) nor top it up, nor
 * convert points into credit, nor be refunded to it, each a 4xx naming the field that
 * writes nothing; a referral is rewarded without its wallet bonus; refunds go back to the
 * card by default or are recorded as paid back outside the platform. What a wallet holds
 * stays readable, staff still adjust it, writers' wallets still take their money. On,
 * each path works again.
 */

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
let w: ReturnType<typeof workflowClient>
const ALPHA = { host: 'alpha.test' }

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
})

const walletOff = (check: () => Promise<void>) => whileOff(t, alpha, 'allowWallet', check)

const checkout = (who: string, body: Record<string, unknown>) => t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens[who], body })
const refund = (orderId: number, body: Record<string, unknown>) => t.api.post(`/api/orders/${orderId}/refunds`, { ...ALPHA, token: tokens.admin, body: { reason: 'Late delivery', ...body } })
const clientWallet = async (owner: number) =>
  (await t.payload.find({ collection: 'wallets', where: { and: [{ owner: { equals: owner } }, { kind: { equals: 'client' } }, { tenant: { equals: alpha } }] }, depth: 0 })).docs[0] ?? null
const balanceOf = async (owner: number) => (await clientWallet(owner))?.balance ?? 0

type Answer = { status: number; body: { errors?: { message: string; data?: { rule?: string; errors?: { path: string; message: string }[] } }[] } }

/** The answer is a refusal with `status` whose `data.errors` names `field` (and, for the wallet's own refusals, rule `wallet_off`). */
const expectRefused = (res: Answer, status: number, field: string, rule?: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  const error = res.body.errors![0]!
  expect(error.data?.errors?.[0]?.path).toBe(field)
  if (rule) {
    expect(error.data?.rule).toBe(rule)
    expect(error.message).toContain('this website does not offer a wallet')
  }
}

/** `send` is refused as `expectRefused` says, and no table gains or loses a row by it. */
const refusedWritingNothing = async (send: () => Promise<Answer>, status: number, field: string, rule?: string) => {
  const before = await rowCounts(t.payload)
  expectRefused(await send(), status, field, rule)
  expect(await rowCounts(t.payload)).toEqual(before)
}

describe('allowWallet published', () => {
  it('GET /api/tenants/current shows the switch as it takes effect', async () => {
    const features = async () => (await t.api.get('/api/tenants/current', ALPHA)).body.features as Record<string, boolean>
    await walletOff(async () => {
      expect((await features()).allowWallet).toBe(false)
    })
    expect((await features()).allowWallet).toBe(true)
  })
})

describe('paying from the wallet and topping it up', () => {
  it('off: an order paid from the wallet is a 422 naming provider, a top-up a 422 naming purpose, writing nothing; on: both are taken', async () => {
    const order = await w.place('client2')
    await fundWallet(t.payload, alpha, ids.client2!, order.total, `wallet-switch:fund:${order.id}`)
    const balance = await balanceOf(ids.client2!)
    await walletOff(async () => {
      await refusedWritingNothing(() => checkout('client2', { purpose: 'order', order: order.id, provider: 'wallet' }), 422, 'provider', 'wallet_off')
      await refusedWritingNothing(() => checkout('client2', { purpose: 'wallet_top_up', amount: 2500, provider: 'manual' }), 422, 'purpose', 'wallet_off')
      // What the wallet holds stays readable.
      const mine = await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client2 })
      expect(mine.status).toBe(200)
      expect(mine.body.balance).toBe(balance)
    })
    const paid = await checkout('client2', { purpose: 'order', order: order.id, provider: 'wallet' })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    // What is owed after the website's first-order discount, if any.
    expect(paid.body.payment).toMatchObject({ provider: 'wallet', status: 'succeeded', order: order.id })
    expect(await balanceOf(ids.client2!)).toBe(balance - paid.body.payment.amount)
    const topUp = await checkout('client2', { purpose: 'wallet_top_up', amount: 2500, provider: 'manual' })
    expect(topUp.status, JSON.stringify(topUp.body)).toBe(201)
  })

  it('off: a tip from the wallet is a 422 naming provider and makes no tip; a tip by another provider still reaches the writer’s wallet; on: the wallet tips', async () => {
    const order = await deliveredOrder(w, 'client2')
    await fundWallet(t.payload, alpha, ids.client2!, 1000, `wallet-switch:tip-fund:${order.id}`)
    const tips = async () => (await t.payload.count({ collection: 'tips', where: { order: { equals: order.id } } })).totalDocs
    await walletOff(async () => {
      await refusedWritingNothing(() => checkout('client2', { purpose: 'tip', order: order.id, amount: 500, provider: 'wallet' }), 422, 'provider', 'wallet_off')
      expect(await tips()).toBe(0)
      // Writers' wallets are not the switch's: a tip paid another way still lands in one.
      const byTransfer = await checkout('client2', { purpose: 'tip', order: order.id, amount: 300, provider: 'manual' })
      expect(byTransfer.status, JSON.stringify(byTransfer.body)).toBe(201)
      expect((await confirmAsAdmin(t, byTransfer.body.payment.id)).status).toBe(200)
      const writerWallet = await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.writer })
      expect(writerWallet.body.entries[0]).toMatchObject({ type: 'tip_settlement', amount: 300 })
    })
    const tipped = await checkout('client2', { purpose: 'tip', order: order.id, amount: 500, provider: 'wallet' })
    expect(tipped.status, JSON.stringify(tipped.body)).toBe(201)
    expect(tipped.body.payment).toMatchObject({ provider: 'wallet', status: 'succeeded' })
    expect(await tips()).toBe(2)
  })

  it('off: staff still adjust a client’s wallet', async () => {
    await fundWallet(t.payload, alpha, ids.client2!, 100, 'wallet-switch:adjust-fund')
    const wallet = (await clientWallet(ids.client2!))!
    await walletOff(async () => {
      const res = await t.api.post(`/api/wallets/${wallet.id}/adjust`, { ...ALPHA, token: tokens.admin, body: { direction: 'credit', amount: 700, reason: 'Goodwill' } })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.wallet.balance).toBe(wallet.balance + 700)
    })
  })
})

describe('points to wallet credit', () => {
  it('off: converting points is a 422 naming points, the points and the wallet untouched; on: it converts', async () => {
    const convert = () => t.api.post('/api/loyalty/convert', { ...ALPHA, token: tokens.client, body: { points: 100 } })
    const points = async () => (await t.api.get('/api/loyalty/me', { ...ALPHA, token: tokens.client })).body.points as number
    const [pointsBefore, balanceBefore] = [await points(), await balanceOf(ids.client!)]
    expect(pointsBefore).toBeGreaterThanOrEqual(100)
    await walletOff(async () => {
      await refusedWritingNothing(convert, 422, 'points', 'wallet_off')
    })
    expect([await points(), await balanceOf(ids.client!)]).toEqual([pointsBefore, balanceBefore])
    const converted = await convert()
    expect(converted.status, JSON.stringify(converted.body)).toBe(201)
    expect(await balanceOf(ids.client!)).toBe(balanceBefore + converted.body.credited)
    expect(converted.body.credited).toBeGreaterThan(0)
  })
})

describe('the referral wallet bonus', () => {
  /** A client registered on Alpha with `client`'s referral code, logged in as `key`, whose first order is paid and approved with the wallet `off` or on. */
  const referAndApprove = async (key: string, off: boolean) => {
    const code = ((await t.api.get('/api/referrals/me', { ...ALPHA, token: tokens.client })).body as { code: string }).code
    const email = `${key}.${Date.now()}@example.com`
    const registered = await registerOnAlpha(t, { email, password: 'Switch-password-1', referralCode: code })
    expect(registered.status, JSON.stringify(registered.body)).toBe(201)
    tokens[key] = await t.api.login(email, 'Switch-password-1', ALPHA)
    // The registration's answer names no account (a taken email answers the same): found by email.
    const referee = (await t.payload.find({ collection: 'users', where: { email: { equals: email.toLowerCase() } }, depth: 0 })).docs[0]!
    const referral = (await t.payload.find({ collection: 'referrals', where: { referee: { equals: referee.id } }, depth: 0 })).docs[0]!
    const approve = async () => {
      const order = await deliveredOrder(w, key)
      await w.must(key, order.id, 'complete')
      await w.must(key, order.id, 'approve')
    }
    if (off) await walletOff(approve)
    else await approve()
    return t.payload.findByID({ collection: 'referrals', id: referral.id, depth: 0 })
  }
  const bonusEntries = async (referral: number) => (await t.payload.count({ collection: 'journal-entries', where: { reference: { equals: `referral:${referral}:wallet` } } })).totalDocs
  const toldOf = async (referral: number) =>
    (await t.payload.find({ collection: 'notifications', where: { event: { equals: 'referral.rewarded' } }, limit: 0, depth: 0 })).docs.filter((n) => (n.data as { referral?: number }).referral === referral)

  it('off: the referral is rewarded without the wallet bonus, and says so; on: the bonus is paid', async () => {
    const before = await balanceOf(ids.client!)
    const skipped = await referAndApprove('walletOffReferee', true)
    expect(skipped).toMatchObject({ status: 'rewarded', reward: { walletCents: 0 } })
    expect(await bonusEntries(skipped.id)).toBe(0)
    expect(await balanceOf(ids.client!)).toBe(before)
    const [told] = await toldOf(skipped.id)
    expect(told?.data).toMatchObject({ walletCents: 0, walletBonusSkipped: true })
    expect(told?.body).toContain('does not offer a wallet')

    const paid = await referAndApprove('walletOnReferee', false)
    expect(paid).toMatchObject({ status: 'rewarded', reward: { walletCents: 500 } })
    expect(await bonusEntries(paid.id)).toBe(1)
    expect(await balanceOf(ids.client!)).toBe(before + 500)
  })
})

describe('refunds', () => {
  /** An order of client2 marked paid by the admin (money received outside the platform), with what it holds. */
  const paidOrder = async () => {
    const order = await w.place('client2')
    return w.must('admin', order.id, 'markPaid')
  }
  const refundsOf = async (orderId: number) => (await t.payload.find({ collection: 'refunds', where: { order: { equals: orderId } }, depth: 0, sort: 'id' })).docs

  it('off: the wallet is refused (422 naming destination), the default goes to the card, which a manually paid order has not (422 naming destination), writing nothing', async () => {
    const order = await paidOrder()
    await walletOff(async () => {
      await refusedWritingNothing(() => refund(order.id, { amount: 500, destination: 'wallet' }), 422, 'destination', 'wallet_off')
      await refusedWritingNothing(() => refund(order.id, { amount: 500 }), 422, 'destination')
      await refusedWritingNothing(() => refund(order.id, { amount: 500, destination: 'external' }), 400, 'externalReference')
    })
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).amountPaid).toBe(order.amountPaid)
  })

  it('off: a refund paid outside the platform is recorded (platform cash, no wallet, its reference kept); on: the default is the wallet', async () => {
    const order = await paidOrder()
    const balance = await balanceOf(ids.client2!)
    await walletOff(async () => {
      const res = await refund(order.id, { amount: 500, destination: 'external', externalReference: 'BANK-TRANSFER-4411' })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.refund).toMatchObject({ destination: 'external', externalReference: 'BANK-TRANSFER-4411', status: 'succeeded', amount: 500, providerRefund: null })
    })
    expect(await balanceOf(ids.client2!)).toBe(balance)
    const entry = (await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `refund:order:${order.id}:1` } }, depth: 1 })).docs[0]!
    expect(entry.type).toBe('external_refund')
    expect(entry.lines!.map((l) => [typeof l.account === 'object' ? l.account.code : l.account, l.debit ?? 0, l.credit ?? 0])).toEqual(
      expect.arrayContaining([
        ['platform_revenue', 500, 0],
        ['platform_cash', 0, 500],
      ]),
    )
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).amountPaid).toBe(order.amountPaid - 500)

    const toWallet = await refund(order.id, { amount: 300 })
    expect(toWallet.status, JSON.stringify(toWallet.body)).toBe(201)
    expect(toWallet.body.refund.destination).toBe('wallet')
    expect(await balanceOf(ids.client2!)).toBe(balance + 300)
    // The reference belongs to external refunds only.
    expectRefused(await refund(order.id, { amount: 100, destination: 'wallet', externalReference: 'X-1' }), 400, 'externalReference')
    expect((await refundsOf(order.id)).map((r) => r.destination)).toEqual(['external', 'wallet'])
  })

  it('off: cancelling a paid order does not refund to the wallet: refused until the admin says where the money went; on: it goes to the wallet', async () => {
    const order = await paidOrder()
    const balance = await balanceOf(ids.client2!)
    await walletOff(async () => {
      await refusedWritingNothing(() => w.act('admin', order.id, 'cancel', { reason: 'Client asked by phone.' }), 422, 'destination')
      expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe(order.status)
      const cancelled = await w.must('admin', order.id, 'cancel', { reason: 'Client asked by phone.', destination: 'external', externalReference: 'BANK-TRANSFER-4412' })
      expect(cancelled).toMatchObject({ status: 'cancelled', amountPaid: 0 })
    })
    expect(await refundsOf(order.id)).toEqual([expect.objectContaining({ destination: 'external', externalReference: 'BANK-TRANSFER-4412', amount: order.amountPaid })])
    expect(await balanceOf(ids.client2!)).toBe(balance)

    const other = await paidOrder()
    await w.must('admin', other.id, 'cancel', { reason: 'Client asked by phone.' })
    expect(await refundsOf(other.id)).toEqual([expect.objectContaining({ destination: 'wallet', amount: other.amountPaid })])
    expect(await balanceOf(ids.client2!)).toBe(balance + other.amountPaid)
  })
})
