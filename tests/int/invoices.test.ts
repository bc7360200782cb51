import { describe, expect, it, vi } from 'vitest'

import { handlers } from '@/jobs/handlers'
import { billingReminders, expireInvoices } from '@/jobs/invoiceSchedules'

import { confirmAsAdmin, fundWallet } from '../helpers/money'
import { expectPdf, pdfImageCount, pdfText } from '../helpers/pdf'
import { tinyPng } from '../helpers/tenantFixtures'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const DAY = 24 * 3600 * 1000

moneyTestFile((test) => {
  ;({ t, tokens, ids, alpha } = test)
})

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const LINES = [
  { description: 'Editing, per page', quantity: 4, unitAmount: 1250 },
  { description: 'Formatting', quantity: 1, unitAmount: 1000 },
]
const draft = (body: Record<string, unknown>, who = 'admin') => t.api.post('/api/invoices/drafts', { ...ALPHA, token: tokens[who], body: { client: ids.client, lines: LINES, dueAt: inDays(10), ...body } })
const issue = async (body: Record<string, unknown> = {}) => {
  const made = await draft(body)
  expect(made.status).toBe(201)
  const issued = await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: tokens.admin })
  expect(issued.status).toBe(200)
  return { invoice: issued.body.invoice, installments: made.body.installments as { id: number; sequence: number; amount: number }[], token: String(issued.body.payUrl).split('/pay/')[1]! }
}
const confirm = (paymentId: number) => confirmAsAdmin(t, paymentId)
const invoiceRow = (id: number) => t.payload.findByID({ collection: 'invoices', id, depth: 0 })
const receiptsOf = (paymentId: number) => t.payload.find({ collection: 'receipts', where: { payment: { equals: paymentId } }, depth: 0 })

describe('drafting and issuing (staff)', () => {
  it('prices lines on the server, numbers invoices per website, and returns the pay link once', async () => {
    const made = await draft({ lines: LINES.map((l) => ({ ...l, amount: 1 })), total: 5 })
    expect(made.status).toBe(201)
    expect(made.body.invoice).toMatchObject({ status: 'draft', total: 6000, amountPaid: 0, currency: 'USD', client: ids.client })
    expect(made.body.invoice.lines.map((l: { amount: number }) => l.amount)).toEqual([5000, 1000])
    expect(made.body.invoice.number).toMatch(/^INV-\d{6}$/)
    expect(made.body.invoice).not.toHaveProperty('payTokenHash')
    // Drafts are the staff's.
    expect((await t.api.get(`/api/invoices/${made.body.invoice.id}`, { ...ALPHA, token: tokens.client })).status).toBe(404)
    const issued = await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: tokens.support })
    expect(issued.status).toBe(200)
    expect(issued.body.payUrl).toMatch(/\/pay\/[A-Za-z0-9_-]{32}$/)
    expect(issued.body.invoice).toMatchObject({ status: 'issued' })
    expect(new Date(issued.body.invoice.payTokenExpiresAt).getTime() - new Date(issued.body.invoice.issuedAt).getTime()).toBe(72 * 3600 * 1000)
    const read = await t.api.get(`/api/invoices/${made.body.invoice.id}`, { ...ALPHA, token: tokens.client })
    expect(read.status).toBe(200)
    expect(read.body).not.toHaveProperty('payTokenHash')
    expect((await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: tokens.admin })).status).toBe(409)
  })

  it('20 concurrent drafts on one website get 20 distinct, consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => draft({})))
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201))
    const sequences = answers.map((a) => Number(String(a.body.invoice.number).slice(4))).sort((a, b) => a - b)
    expect(new Set(sequences).size).toBe(20)
    expect(sequences.at(-1)! - sequences[0]!).toBe(19)
  })

  it('names the bad field (400), refuses other roles (403) and other websites\' clients', async () => {
    const before = await t.payload.count({ collection: 'invoices' })
    const noLines = await draft({ lines: [] })
    expect(noLines.status).toBe(400)
    expect(noLines.body.errors[0].data.errors[0].path).toBe('lines')
    const badPlan = await draft({ installments: [{ amount: 1000, dueAt: inDays(3) }, { amount: 1000, dueAt: inDays(6) }] })
    expect(badPlan.status).toBe(400)
    expect(badPlan.body.errors[0].data.errors).toEqual([{ path: 'installments', message: 'The installments add up to 2000 cents, the invoice to 6000.' }])
    const betaClient = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@beta.test' } }, depth: 0 })).docs[0]!.id
    const foreign = await draft({ client: betaClient })
    expect(foreign.status).toBe(400)
    expect(foreign.body.errors[0].data.errors[0].path).toBe('client')
    const pathOf = async (body: Record<string, unknown>) => {
      const res = await draft(body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      return res.body.errors[0].data.errors[0].path as string
    }
    expect(await pathOf({ dueAt: new Date(Date.now() - 3600_000).toISOString() })).toBe('dueAt')
    expect(await pathOf({ dueAt: '0000-01-01T00:00:00Z' })).toBe('dueAt')
    expect(await pathOf({ dueAt: inDays(365 * 6) })).toBe('dueAt')
    expect(await pathOf({ dueAt: undefined, installments: [{ amount: 3000, dueAt: inDays(3) }, { amount: 3000, dueAt: inDays(-1) }] })).toBe('installments.1.dueAt')
    expect(await pathOf({ lines: [{ description: 'Too much', quantity: 10, unitAmount: 10_000_000 }] })).toBe('lines')
    expect(await pathOf({ client: 3_000_000_000 })).toBe('client')
    expect((await draft({}, 'client')).status).toBe(403)
    expect((await draft({}, 'editor')).status).toBe(403)
    expect((await t.api.post('/api/invoices/drafts', { ...ALPHA, body: {} })).status).toBe(401)
    expect(await t.payload.count({ collection: 'invoices' })).toEqual(before)
  })

  it('404 for another website\'s invoice before 403 for the role', async () => {
    const { invoice } = await issue()
    expect((await t.api.post(`/api/invoices/${invoice.id}/cancel`, { ...BETA, token: tokens.betaAdmin })).status).toBe(404)
    expect((await t.api.post(`/api/invoices/${invoice.id}/cancel`, { ...ALPHA, token: tokens.client })).status).toBe(403)
    expect((await t.api.post(`/api/invoices/${invoice.id}/cancel`, { ...ALPHA, token: tokens.client2 })).status).toBe(404)
    expect((await invoiceRow(invoice.id)).status).toBe('issued')
  })

  it('answers the actions contract: what the caller may do now, each action through /actions, one timeline row each', async () => {
    const made = await draft({})
    const id = made.body.invoice.id
    const actions = (who: string) => t.api.get(`/api/invoices/${id}/actions`, { ...ALPHA, token: tokens[who] })
    const listed = await actions('support')
    expect(listed.body.available.map((a: { action: string; label: string }) => [a.action, a.label])).toEqual([
      ['issue', 'Issue'],
      ['cancel', 'Cancel'],
    ])
    expect(listed.body.available[1].input).toMatchObject({ type: 'object', properties: { reason: { type: 'string', maxLength: 500 } } })
    // Drafts are the billing staff's: nobody else reads them, so there is nothing to list.
    expect((await actions('editor')).status).toBe(404)
    expect((await actions('client')).status).toBe(404)
    const issued = await t.api.post(`/api/invoices/${id}/actions/issue`, { ...ALPHA, token: tokens.support, body: {} })
    expect(issued.status).toBe(200)
    expect(issued.body.doc).toMatchObject({ status: 'issued' })
    expect(issued.body.doc).not.toHaveProperty('payTokenHash')
    expect(issued.body.payUrl).toMatch(/\/pay\/[A-Za-z0-9_-]{32}$/)
    expect(issued.body.event).toMatchObject({ collection: 'invoices', document: id, action: 'issue', from: 'draft', to: 'issued', actor: ids.support })
    expect((await actions('admin')).body.available.map((a: { action: string }) => a.action)).toEqual(['payLink', 'cancel'])
    // Issued, the client reads it but may act on nothing.
    expect((await actions('client')).body).toEqual({ available: [], blocked: [] })
    const cancelled = await t.api.post(`/api/invoices/${id}/actions/cancel`, { ...ALPHA, token: tokens.admin, body: { reason: 'Sent to the wrong client' } })
    expect(cancelled.body.doc).toMatchObject({ status: 'cancelled' })
    const { docs: timeline } = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'invoices' } }, { document: { equals: id } }] }, sort: 'createdAt', depth: 0 })
    expect(timeline.map((e) => [e.action, e.from, e.to, e.reason])).toEqual([
      ['issue', 'draft', 'issued', null],
      ['cancel', 'issued', 'cancelled', 'Sent to the wrong client'],
    ])
    // The plain pay token is in the answer only, never in the timeline.
    expect(JSON.stringify(timeline)).not.toContain(String(issued.body.payUrl).split('/pay/')[1])
    expect((await t.api.post(`/api/invoices/${id}/actions/issue`, { ...ALPHA, token: tokens.admin, body: {} })).status).toBe(409)
  })
})

describe('paying by the public link (no login)', () => {
  it('summary, manual payment, confirmation: invoice paid, receipt issued, revenue journaled', async () => {
    const { invoice, token } = await issue()
    const summary = await t.api.get(`/api/invoices/pay/${token}`, ALPHA)
    expect(summary.status).toBe(200)
    expect(summary.body).toMatchObject({ number: invoice.number, website: 'Alpha Essays', total: 6000, amountPaid: 0, amountDue: 6000, status: 'issued', installments: [] })
    expect(summary.body.lines).toHaveLength(2)
    expect(JSON.stringify(summary.body)).not.toMatch(/client@|payTokenHash/)

    const started = await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual' } })
    expect(started.status).toBe(201)
    expect(started.body.payment).toMatchObject({ purpose: 'invoice', provider: 'manual', status: 'pending', amount: 6000 })
    // The link holder learns nothing of the client.
    expect(started.body.payment).not.toHaveProperty('client')
    const confirmed = await confirm(started.body.payment.id)
    expect(confirmed.body).toMatchObject({ applied: true })
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 6000 })

    const receipts = await receiptsOf(started.body.payment.id)
    expect(receipts.docs).toHaveLength(1)
    expect(receipts.docs[0]).toMatchObject({ kind: 'receipt', amount: 6000, currency: 'USD', client: ids.client, paidFor: { purpose: 'invoice', invoice: { number: invoice.number } } })
    expect(receipts.docs[0]!.number).toMatch(/^RCT-\d{6}$/)

    const entry = (await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `payment:${started.body.payment.reference}` } }, depth: 1 })).docs[0]!
    expect(entry.type).toBe('invoice_payment')
    const lines = entry.lines.map((l) => ({ code: (l.account as { code: string }).code, debit: l.debit, credit: l.credit }))
    expect(lines).toEqual([{ code: 'gateway_clearing', debit: 6000, credit: 0 }, { code: 'platform_revenue', debit: 0, credit: 6000 }])

    // Paid: the link still shows it, but takes no more money.
    expect((await t.api.get(`/api/invoices/pay/${token}`, ALPHA)).body).toMatchObject({ status: 'paid', amountDue: 0 })
    expect((await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual' } })).status).toBe(422)
  })

  it('a draft\'s installments are the staff\'s too; once issued, the client reads them', async () => {
    const made = await draft({ dueAt: undefined, installments: [{ amount: 3000, dueAt: inDays(5) }, { amount: 3000, dueAt: inDays(9) }] })
    const list = (who: string) => t.api.get(`/api/installments?where[invoice][equals]=${made.body.invoice.id}`, { ...ALPHA, token: tokens[who] })
    expect((await list('client')).body.totalDocs).toBe(0)
    expect((await list('support')).body.totalDocs).toBe(2)
    await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: tokens.admin })
    expect((await list('client')).body.totalDocs).toBe(2)
    expect((await list('client2')).body.totalDocs).toBe(0)
  })

  it('installments: one paid by the link → partially paid; the rest by checkout → paid', async () => {
    // Given out of order and with another offset: sequenced by due instant.
    const late = new Date(Date.now() + 20 * DAY)
    const lateWithOffset = new Date(late.getTime() + 2 * 3600 * 1000).toISOString().replace('Z', '+02:00')
    const { invoice, installments, token } = await issue({ dueAt: undefined, installments: [{ amount: 3500, dueAt: lateWithOffset }, { amount: 2500, dueAt: inDays(5) }] })
    expect(installments.map((i) => [i.sequence, i.amount])).toEqual([[1, 2500], [2, 3500]])
    expect(invoice.dueAt).toBe(late.toISOString())
    const first = await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual', installment: installments[0]!.id } })
    expect(first.status).toBe(201)
    expect(first.body.payment).toMatchObject({ purpose: 'installment', amount: 2500 })
    expect((await t.payload.findByID({ collection: 'payments', id: first.body.payment.id, depth: 0 })).installment).toBe(installments[0]!.id)
    await confirm(first.body.payment.id)
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'partially_paid', amountPaid: 2500 })
    const summary = (await t.api.get(`/api/invoices/pay/${token}`, ALPHA)).body
    expect(summary.installments.map((i: { status: string }) => i.status)).toEqual(['paid', 'pending'])
    // The paid installment takes nothing more.
    expect((await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual', installment: installments[0]!.id } })).status).toBe(422)

    const rest = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'invoice', invoice: invoice.id, provider: 'manual' } })
    expect(rest.status).toBe(201)
    expect(rest.body.payment.amount).toBe(3500)
    await confirm(rest.body.payment.id)
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid', amountPaid: 6000 })
    const after = await t.payload.find({ collection: 'installments', where: { invoice: { equals: invoice.id } }, sort: 'sequence', depth: 0 })
    expect(after.docs.map((i) => [i.status, i.amountPaid])).toEqual([['paid', 2500], ['paid', 3500]])
    expect((await receiptsOf(first.body.payment.id)).docs[0]!.paidFor).toMatchObject({ purpose: 'installment', installment: { sequence: 1 } })
  })

  it('unknown, expired and replaced tokens, and another website\'s host, all get the same 404', async () => {
    const { invoice, token } = await issue()
    const unknown = await t.api.get('/api/invoices/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ALPHA)
    expect(unknown.status).toBe(404)
    expect((await t.api.get(`/api/invoices/pay/${token}`, BETA)).body).toEqual(unknown.body)

    const regenerated = await t.api.post(`/api/invoices/${invoice.id}/pay-link`, { ...ALPHA, token: tokens.admin })
    expect(regenerated.status).toBe(200)
    const fresh = String(regenerated.body.payUrl).split('/pay/')[1]!
    const old = await t.api.get(`/api/invoices/pay/${token}`, ALPHA)
    expect(old.status).toBe(404)
    expect(old.body).toEqual(unknown.body)
    expect((await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual' } })).status).toBe(404)
    expect((await t.api.get(`/api/invoices/pay/${fresh}`, ALPHA)).status).toBe(200)

    await t.payload.update({ collection: 'invoices', id: invoice.id, data: { payTokenExpiresAt: new Date(Date.now() - 1000).toISOString() } })
    const expired = await t.api.get(`/api/invoices/pay/${fresh}`, ALPHA)
    expect(expired.status).toBe(404)
    expect(expired.body).toEqual(unknown.body)
  })

  it('is rate limited per address, as the other public endpoints are', async () => {
    const from = { ...ALPHA, address: '203.0.113.9' }
    const statuses = []
    for (let i = 0; i < 31; i += 1) statuses.push((await t.api.get('/api/invoices/pay/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', from)).status)
    expect(statuses).toEqual([...Array(30).fill(404), 429])
    expect((await t.api.get('/api/invoices/pay/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', { ...ALPHA, address: '203.0.113.10' })).status).toBe(404)
  })

  it('checkout of another website\'s invoice or another client\'s is the same as a missing one', async () => {
    const { invoice } = await issue()
    const missing = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'invoice', invoice: 987654, provider: 'manual' } })
    expect(missing.status).toBe(404)
    const other = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'invoice', invoice: invoice.id, provider: 'manual' } })
    expect(other.status).toBe(404)
    const beta = await t.api.post('/api/payments/checkout', { ...BETA, token: tokens.betaClient, body: { purpose: 'invoice', invoice: invoice.id, provider: 'manual' } })
    expect(beta.status).toBe(404)
    expect(beta.body.errors[0].message).toBe(`invoice: there is no invoice ${invoice.id} of yours here.`)
    expect((await t.payload.count({ collection: 'payments', where: { invoice: { equals: invoice.id } } })).totalDocs).toBe(0)
  })
})

describe('wallet payments of invoices', () => {
  it('too little in the wallet → 422 with the shortfall, and nothing written; enough → paid at once', async () => {
    const { invoice } = await issue()
    await fundWallet(t.payload, alpha, ids.client2!, 1000, 'test:invoice-fund-1')
    const made = await draft({ client: ids.client2 })
    await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: tokens.admin })
    const [payments, receipts] = [await t.payload.count({ collection: 'payments' }), await t.payload.count({ collection: 'receipts' })]
    const refused = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'invoice', invoice: made.body.invoice.id, provider: 'wallet' } })
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].data).toMatchObject({ shortfall: 5000 })
    expect(await t.payload.count({ collection: 'payments' })).toEqual(payments)
    expect(await t.payload.count({ collection: 'receipts' })).toEqual(receipts)
    expect(await invoiceRow(made.body.invoice.id)).toMatchObject({ status: 'issued', amountPaid: 0 })

    await fundWallet(t.payload, alpha, ids.client2!, 5000, 'test:invoice-fund-2')
    const paid = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'invoice', invoice: made.body.invoice.id, provider: 'wallet' } })
    expect(paid.status).toBe(201)
    expect(paid.body.payment).toMatchObject({ status: 'succeeded', amount: 6000 })
    expect(await invoiceRow(made.body.invoice.id)).toMatchObject({ status: 'paid' })
    expect((await receiptsOf(paid.body.payment.id)).docs).toHaveLength(1)
    expect((await invoiceRow(invoice.id)).status).toBe('issued')
  })
})

describe('concurrent payments of one invoice', () => {
  it('two wallet payments at once: one pays, the other finds nothing owed; one receipt', async () => {
    const made = await draft({ client: ids.client2 })
    await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: tokens.admin })
    await fundWallet(t.payload, alpha, ids.client2!, 12000, 'test:invoice-race')
    const pay = () => t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client2, body: { purpose: 'invoice', invoice: made.body.invoice.id, provider: 'wallet' } })
    const answers = await Promise.all([pay(), pay()])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422])
    expect(await invoiceRow(made.body.invoice.id)).toMatchObject({ status: 'paid', amountPaid: 6000 })
    expect((await t.payload.count({ collection: 'receipts', where: { 'paidFor.invoice.id': { equals: made.body.invoice.id } } })).totalDocs).toBe(1)
  })
})

describe('cancelling', () => {
  it('cancels an unpaid invoice (its link dies); money arriving afterwards goes to the client\'s wallet', async () => {
    const { invoice, token } = await issue()
    const pending = await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual' } })
    const cancelled = await t.api.post(`/api/invoices/${invoice.id}/cancel`, { ...ALPHA, token: tokens.admin })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.invoice.status).toBe('cancelled')
    expect((await t.api.get(`/api/invoices/pay/${token}`, ALPHA)).status).toBe(404)
    const walletBefore = (await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance
    expect((await confirm(pending.body.payment.id)).body).toMatchObject({ applied: true })
    expect((await t.api.get('/api/wallets/me', { ...ALPHA, token: tokens.client })).body.balance).toBe(walletBefore + 6000)
    expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'cancelled', amountPaid: 0 })
    expect((await receiptsOf(pending.body.payment.id)).docs[0]!.paidFor).toMatchObject({ outcome: 'credited_to_wallet' })
  })

  it('refuses cancelling an invoice with money on it (409)', async () => {
    const { invoice, installments, token } = await issue({ dueAt: undefined, installments: [{ amount: 3000, dueAt: inDays(5) }, { amount: 3000, dueAt: inDays(9) }] })
    const first = await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual', installment: installments[0]!.id } })
    await confirm(first.body.payment.id)
    const refused = await t.api.post(`/api/invoices/${invoice.id}/cancel`, { ...ALPHA, token: tokens.admin })
    expect(refused.status).toBe(409)
    expect((await invoiceRow(invoice.id)).status).toBe('partially_paid')
  })
})

describe('the invoice PDF', () => {
  it('is a real PDF with the website, number and total; another website\'s invoice is a 404 like a missing one', async () => {
    const { invoice } = await issue()
    const plain = await expectPdf(t.api, 'invoices', invoice.id, { ...ALPHA, token: tokens.client }, ['Alpha Essays', invoice.number, '$60.00', 'Editing, per page'], { ...BETA, token: tokens.betaAdmin })
    expect(pdfImageCount(plain)).toBe(0)
    // With a logo on the website, the document carries it.
    const png = await tinyPng()
    const logo = await t.payload.create({ collection: 'media', data: { alt: 'Alpha logo', tenant: alpha }, file: { data: png, mimetype: 'image/png', name: 'alpha-logo.png', size: png.length } })
    const before = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })
    await t.payload.update({ collection: 'tenants', id: alpha, data: { branding: { ...before.branding, logo: logo.id } } })
    const branded = await expectPdf(t.api, 'invoices', invoice.id, { ...ALPHA, token: tokens.client }, [invoice.number], { ...BETA, token: tokens.betaAdmin })
    expect(pdfImageCount(branded)).toBe(1)
    await t.payload.update({ collection: 'tenants', id: alpha, data: { branding: before.branding } })
    expect((await t.api.get(`/api/invoices/${invoice.id}/pdf`, { ...ALPHA, token: tokens.client2 })).status).toBe(404)
  })
})

describe('text the PDF font cannot draw', () => {
  it('is replaced, not a failure', async () => {
    const { invoice } = await issue({ lines: [{ description: 'Révision “Ωmega” ✓ 编辑', quantity: 1, unitAmount: 700 }] })
    const res = await t.api.raw('GET', `/api/invoices/${invoice.id}/pdf`, { ...ALPHA, token: tokens.admin })
    expect(res.status).toBe(200)
    expect(pdfText(new Uint8Array(await res.arrayBuffer()))).toContain('Révision')
  })
})

describe('reminders and expiry (the schedule, with its clock)', () => {
  const mails = async (invoiceId: number) =>
    (await t.payload.find({ collection: 'outbox', where: { and: [{ type: { equals: 'mail.billingReminder' } }, { 'payload.invoiceId': { equals: invoiceId } }] }, sort: 'id', depth: 0, limit: 50 })).docs.map((r) => r.payload as { kind: string; installmentId: number | null })

  it('sends upcoming, due and overdue once each', async () => {
    const { invoice } = await issue()
    const due = new Date(invoice.dueAt).getTime()
    await billingReminders(t.payload, new Date(due - 5 * DAY))
    expect(await mails(invoice.id)).toEqual([])
    await billingReminders(t.payload, new Date(due - 3 * DAY))
    await billingReminders(t.payload, new Date(due - 2 * DAY))
    expect((await mails(invoice.id)).map((m) => m.kind)).toEqual(['upcoming'])
    await billingReminders(t.payload, new Date(due - 12 * 3600 * 1000))
    await billingReminders(t.payload, new Date(due - 11 * 3600 * 1000))
    await billingReminders(t.payload, new Date(due + 3600 * 1000))
    await billingReminders(t.payload, new Date(due + 2 * DAY))
    expect((await mails(invoice.id)).map((m) => m.kind)).toEqual(['upcoming', 'due', 'overdue'])
    const row = await invoiceRow(invoice.id)
    expect([row.reminderUpcomingAt, row.reminderDueAt, row.reminderOverdueAt].every(Boolean)).toBe(true)

    // The relay's handler mails the client, in the website's name.
    const send = vi.spyOn(t.payload, 'sendEmail').mockResolvedValue(undefined)
    await handlers['mail.billingReminder']({ payload: t.payload, tenant: alpha, data: { invoiceId: invoice.id, installmentId: null, kind: 'overdue' }, outboxId: 0 })
    expect(send).toHaveBeenCalledTimes(1)
    expect(send.mock.calls[0]![0]).toMatchObject({ to: 'client@alpha.test', subject: `Invoice ${invoice.number} is overdue` })
    expect(String((send.mock.calls[0]![0] as { text: string }).text)).toContain('$60.00')
    // Queued before the invoice was cancelled: the handler sends nothing any more.
    await t.payload.update({ collection: 'invoices', id: invoice.id, data: { status: 'cancelled' }, depth: 0 })
    await handlers['mail.billingReminder']({ payload: t.payload, tenant: alpha, data: { invoiceId: invoice.id, installmentId: null, kind: 'overdue' }, outboxId: 0 })
    expect(send).toHaveBeenCalledTimes(1)
    send.mockRestore()
  })

  it('reminds per pending installment, not for a paid one', async () => {
    const { invoice, installments, token } = await issue({ dueAt: undefined, installments: [{ amount: 3000, dueAt: inDays(4) }, { amount: 3000, dueAt: inDays(5) }] })
    const first = await t.api.post(`/api/invoices/pay/${token}`, { ...ALPHA, body: { provider: 'manual', installment: installments[0]!.id } })
    await confirm(first.body.payment.id)
    await billingReminders(t.payload, new Date(Date.now() + 6 * DAY))
    expect(await mails(invoice.id)).toEqual([{ invoiceId: invoice.id, installmentId: installments[1]!.id, kind: 'overdue' }])
  })

  it('expires an issued invoice with nothing paid a week after it fell due; its link with it', async () => {
    const { invoice, token } = await issue()
    const due = new Date(invoice.dueAt).getTime()
    await expireInvoices(t.payload, new Date(due + 6 * DAY))
    expect((await invoiceRow(invoice.id)).status).toBe('issued')
    await expireInvoices(t.payload, new Date(due + 7 * DAY))
    expect((await invoiceRow(invoice.id)).status).toBe('expired')
    expect((await t.api.get(`/api/invoices/pay/${token}`, ALPHA)).status).toBe(404)
    expect((await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'invoice', invoice: invoice.id, provider: 'manual' } })).status).toBe(422)
  })
})
