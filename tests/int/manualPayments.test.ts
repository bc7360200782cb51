import { describe, expect, it, vi } from 'vitest'

import { reloadEnv } from '@/env'

import { confirmAsAdmin, expectLedgerSound } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

/**
 * Manual payments (bank transfer, cash) are confirmed by an admin of their website,
 * never by the payer; each checkout purpose names who may pay it; and in production the
 * manual provider is on only where the website switches it on.
 */

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }

moneyTestFile((test) => {
  ;({ t, tokens, ids, alpha } = test)
}, { superadmin: true })

const pay = (who: string, body: Record<string, unknown>) => t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens[who], body })
const confirmAs = (who: string, id: number, body: Record<string, unknown> = {}) =>
  t.api.post(`/api/payments/${id}/confirm`, { host: who.startsWith('beta') ? 'beta.test' : 'alpha.test', token: tokens[who], body })
const topUp = async (amount: number) => {
  const started = await pay('client2', { purpose: 'wallet_top_up', amount, provider: 'manual' })
  expect(started.status).toBe(201)
  return started.body.payment as { id: number; reference: string }
}
const paymentRow = (id: number) => t.payload.findByID({ collection: 'payments', id, depth: 0 })
const entriesOf = async (reference: string) => (await t.payload.count({ collection: 'journal-entries', where: { reference: { equals: `payment:${reference}` } } })).totalDocs
const balanceOf = async (who: string) => (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens[who] })).body.balance as number
const paymentCount = async () => (await t.payload.count({ collection: 'payments' })).totalDocs

describe('confirming a manual payment', () => {
  it("the payer's own confirmation is refused (403 naming the rule): still pending, no journal entry, no money", async () => {
    const payment = await topUp(4000)
    const before = await balanceOf('client2')
    const own = await confirmAs('client2', payment.id)
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/never confirmed by its payer/)
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'pending', appliedAt: null })
    expect(await entriesOf(payment.reference)).toBe(0)
    expect(await balanceOf('client2')).toBe(before)
  })

  it("another website's admin gets 404; support, editors, writers and other clients of the website get 403 or 404", async () => {
    const payment = await topUp(1500)
    expect((await confirmAs('betaAdmin', payment.id)).status).toBe(404)
    // Support reads payments but does not vouch for money; the others do not even see it.
    const support = await confirmAs('support', payment.id)
    expect(support.status).toBe(403)
    expect(support.body.errors[0].message).toMatch(/Only an admin of the payment's website/)
    for (const who of ['editor', 'writer', 'client']) expect((await confirmAs(who, payment.id)).status).toBe(404)
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'pending' })
    expect(await entriesOf(payment.reference)).toBe(0)
  })

  it('an admin confirming a payment of their own is refused too', async () => {
    const own = await t.payload.create({
      collection: 'payments',
      data: { tenant: alpha, client: ids.admin!, reference: 'pay_admins_own', purpose: 'wallet_top_up', provider: 'manual', status: 'pending', amount: 1000, currency: 'USD' },
      depth: 0,
    })
    const refused = await confirmAs('admin', own.id)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/never confirmed by its payer/)
    expect(await paymentRow(own.id)).toMatchObject({ status: 'pending' })
    expect(await entriesOf('pay_admins_own')).toBe(0)
  })

  it("the website's admin confirms: settled once, who/when/reference recorded; later confirmations settle nothing more", async () => {
    const payment = await topUp(2500)
    const before = await balanceOf('client2')
    const answers = await Promise.all([
      confirmAs('admin', payment.id, { bankReference: 'TRX 2026/0042', note: 'Seen on the statement of 30 Nov.' }),
      confirmAs('admin', payment.id, { bankReference: 'TRX 2026/0042', note: 'Seen on the statement of 30 Nov.' }),
      confirmAs('superadmin', payment.id, { note: 'second look' }),
    ])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(answers.filter((a) => a.body.applied === true)).toHaveLength(1)
    expect(await balanceOf('client2')).toBe(before + 2500)
    expect(await entriesOf(payment.reference)).toBe(1)

    // The confirmation that applied it is the one recorded.
    const row = await paymentRow(payment.id)
    const superadmin = (await t.payload.find({ collection: 'users', where: { email: { equals: 'superadmin@scriptorium.test' } }, depth: 0 })).docs[0]!.id
    const applier = answers.findIndex((a) => a.body.applied) === 2 ? superadmin : ids.admin
    expect(row).toMatchObject({ status: 'succeeded', confirmation: { confirmedBy: applier, confirmedAt: expect.any(String) } })
    const again = await confirmAs('admin', payment.id, { note: 'third time' })
    expect(again.status).toBe(200)
    expect(again.body.applied).toBe(false)
    expect(await balanceOf('client2')).toBe(before + 2500)
    expect((await paymentRow(payment.id)).confirmation).toEqual(row.confirmation)
    await expectLedgerSound(t.payload)
  })

  it('records the note and bank reference; staff read them, the client does not', async () => {
    const payment = await topUp(1200)
    const done = await confirmAs('admin', payment.id, { bankReference: 'CASH-17', note: 'Paid at the desk.\nReceipt in the drawer.' })
    expect(done.status).toBe(200)
    expect(done.body.payment.confirmation).toMatchObject({ confirmedBy: ids.admin, bankReference: 'CASH-17', note: 'Paid at the desk.\nReceipt in the drawer.' })
    expect((await t.api.get(`/api/payments/${payment.id}`, { ...ALPHA, token: tokens.support })).body.confirmation).toMatchObject({ bankReference: 'CASH-17' })
    const own = await t.api.get(`/api/payments/${payment.id}`, { ...ALPHA, token: tokens.client2 })
    expect(own.status).toBe(200)
    expect(own.body.status).toBe('succeeded')
    expect(own.body.confirmation).toBeUndefined()
  })

  it('refuses a bad note or reference with 400 naming the field, settling nothing', async () => {
    const payment = await topUp(1100)
    const cases: [Record<string, unknown>, string][] = [
      [{ bankReference: 'x'.repeat(65) }, 'bankReference'],
      [{ bankReference: 'TRX\u0000 1' }, 'bankReference'],
      [{ bankReference: 'TRX\n1' }, 'bankReference'],
      [{ bankReference: 42 }, 'bankReference'],
      [{ note: 'n'.repeat(501) }, 'note'],
      [{ note: 'bell\u0007' }, 'note'],
      [{ amount: 99 }, ''],
    ]
    for (const [body, field] of cases) {
      const refused = await confirmAs('admin', payment.id, body)
      expect(refused.status, JSON.stringify(body)).toBe(400)
      if (field) expect(refused.body.errors[0].data.errors[0].path).toBe(field)
    }
    expect(await paymentRow(payment.id)).toMatchObject({ status: 'pending' })
    expect(await entriesOf(payment.reference)).toBe(0)
  })

  it('a wallet payment is not confirmed by hand (409 naming provider)', async () => {
    const { docs } = await t.payload.find({ collection: 'payments', where: { and: [{ provider: { equals: 'wallet' } }, { tenant: { equals: alpha } }] }, limit: 1, depth: 0 })
    const wallet = docs[0] ?? (await t.payload.create({ collection: 'payments', data: { tenant: alpha, client: ids.client!, reference: 'pay_wallet_fixture', purpose: 'wallet_top_up', provider: 'wallet', status: 'pending', amount: 100, currency: 'USD' }, depth: 0 }))
    const refused = await confirmAs('admin', wallet.id)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].data.errors[0].path).toBe('provider')
  })
})

describe('who may check out', () => {
  it("a writer's, support's, editor's or admin's wallet top-up is refused with 403 naming purpose, and writes no payment", async () => {
    const before = await paymentCount()
    for (const who of ['writer', 'support', 'editor', 'admin', 'superadmin']) {
      const refused = await pay(who, { purpose: 'wallet_top_up', amount: 5000, provider: 'manual' })
      expect(refused.status, who).toBe(403)
      expect(refused.body.errors[0].data.errors[0].path).toBe('purpose')
      expect(refused.body.errors[0].message).toMatch(/^purpose: wallet_top_up is paid by the client/)
    }
    expect(await paymentCount()).toBe(before)
  })

  it("a writer cannot pay or tip through checkout either", async () => {
    const before = await paymentCount()
    for (const body of [{ purpose: 'order', order: 1, provider: 'manual' }, { purpose: 'tip', order: 1, amount: 500, provider: 'manual' }, { purpose: 'invoice', invoice: 1, provider: 'manual' }]) {
      const refused = await pay('writer', body)
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].data.errors[0].path).toBe('purpose')
    }
    expect(await paymentCount()).toBe(before)
  })
})

describe('in production, the website decides', () => {
  it("with the website's switch off, manual checkout is 400 and confirmation 409 naming provider; switched on, both work", async () => {
    const pending = await topUp(1300) // started while manual payments were on
    const setSwitch = (manualEnabled: boolean) => t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { payments: { manualEnabled } } }, depth: 0 })
    vi.stubEnv('NODE_ENV', 'production')
    reloadEnv()
    try {
      await setSwitch(false)
      const before = await paymentCount()
      const refused = await pay('client2', { purpose: 'wallet_top_up', amount: 5000, provider: 'manual' })
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].data.errors[0]).toMatchObject({ path: 'provider', message: expect.stringMatching(/switched off on this website/) })
      expect(await paymentCount()).toBe(before)
      const notNow = await confirmAsAdmin(t, pending.id)
      expect(notNow.status).toBe(409)
      expect(notNow.body.errors[0].data.errors[0].path).toBe('provider')
      expect(await paymentRow(pending.id)).toMatchObject({ status: 'pending' })

      await setSwitch(true)
      expect((await pay('client2', { purpose: 'wallet_top_up', amount: 5000, provider: 'manual' })).status).toBe(201)
      expect((await confirmAsAdmin(t, pending.id)).body).toMatchObject({ applied: true })
    } finally {
      vi.unstubAllEnvs()
      reloadEnv()
      await setSwitch(true)
    }
  })
})
