/**
 * `npm run drills:money [-- --ops 10000] [-- --actors 50] [-- --seed N]`
 *
 * The issue's "10,000 random money operations", outside CI: Payload in this process on a
 * scratch database of DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432),
 * migrated and seeded, dropped at the end. Websites Alpha and Beta each get their own
 * clients and writers (Local API), a pool of completed orders (driven over REST as the
 * client, the writers, the demo admin and editor: some of their earnings batched into
 * payout records by closing a payment window, the rest pending) and loyalty points.
 *
 * Then `--actors` actors work at once over the REST API in-process (Payload's handlers,
 * the Host header naming the website), each looping on an operation valid for its role
 * and state until `--ops` money requests were made: clients top up (manual provider),
 * pay orders from the wallet or manually (with a discount code now and then), tip the
 * writers of their delivered orders and convert points; writers ask for payouts; the
 * website's demo admin confirms manual payments, refunds (to the wallet or recorded as
 * paid back outside), adjusts wallets, fines and waives fines, approves or rejects payout
 * requests and marks payout records paid. A refusal (4xx) is expected and counted by
 * status; a 5xx or an answer of another shape is an error and is listed.
 *
 * Beside the platform the drill keeps its own tally, per website, of what every
 * operation that succeeded should have moved, and at the end compares it with the
 * ledger: `ledgerViolations` (every entry balances, every wallet equals its account,
 * none negative), `GET /api/ledger/summary` for the run's period line by line, the
 * debits per journal entry type, and the wallets' totals. Exit code 1 on any violation,
 * difference or 5xx. `--seed` fixes every actor's choices (the interleaving of the
 * actors is the scheduler's): print it, and repeat a failing run with it.
 */
import { randomInt, randomUUID } from 'node:crypto'
import os from 'node:os'
import { parseArgs } from 'node:util'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload } from 'payload'
import { z } from 'zod'

import { asSystem, systemProof } from '@/access/system'
import { DEMO_PASSWORD, demoEmail } from '@/seed/demoData'

import type { ApiOptions, createApi } from '../tests/helpers/api'
import type { contractOf } from '../tests/helpers/apiContract'

import { scratchPayload } from './scratchPayload'

// ---------------------------------------------------------------- flags

const { values } = parseArgs({ options: { ops: { type: 'string', default: '10000' }, actors: { type: 'string', default: '50' }, seed: { type: 'string' } }, strict: true })
const ops = Number(values.ops)
const actorCount = Number(values.actors)
const seed = values.seed === undefined ? randomInt(0, 2 ** 31) : Number(values.seed)
if (!Number.isInteger(ops) || ops < 1) throw new Error(`--ops must be a positive whole number, got "${values.ops}"`)
// Each of the two websites needs an admin, a writer and a client.
if (!Number.isInteger(actorCount) || actorCount < 6 || actorCount > 1000) throw new Error(`--actors must be a whole number from 6 to 1000, got "${values.actors}"`)
if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error(`--seed must be a whole number from 0 to ${2 ** 32 - 1}, got "${values.seed}"`)

const say = (line: string) => process.stdout.write(`${line}\n`)
const proof = systemProof('money drill')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => (ms / 1000).toFixed(1)

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: a small seeded PRNG, so that a run's choices can be repeated. */
const prng = (start: number) => {
  let state = start >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from nothing')
      return items[int(0, items.length - 1)]!
    },
    /** One of the choices, by weight; null when every weight is 0. */
    weighted: <T>(choices: readonly (readonly [T, number])[]): T | null => {
      const total = choices.reduce((sum, [, w]) => sum + w, 0)
      if (total <= 0) return null
      let roll = next() * total
      for (const [choice, w] of choices) {
        roll -= w
        if (roll < 0) return choice
      }
      return choices[choices.length - 1]![0]
    },
  }
}
type Rng = ReturnType<typeof prng>

// ---------------------------------------------------------------- the drill's model

type Person = { id: number; email: string; token: string; address: string; wallet: number }
type Earning = { status: 'pending' | 'batched' | 'voided'; amount: number }
type Order = { id: number; client: Client; writer: Person | null; subtotal: number; total: number; paid: number; earning: Earning | null; busy: boolean }
type Client = Person & { points: number; unpaid: Order[]; delivered: Order[] }
type Fine = { id: number; amount: number; order: Order | null; fromEarning: number; receivable: number; lifted: boolean; busy: boolean }
type Pending = { payment: number; purpose: 'wallet_top_up' | 'order' | 'tip'; amount: number; client: Client; order: Order | null; discount: number; writerShare: number }
type PayoutRequest = { id: number; writer: Person; amount: number; open: boolean; busy: boolean; secondTried: boolean }
type PayoutRecord = { id: number; amount: number; paid: boolean }

const MEASURES = ['revenue', 'writerPay', 'refunds', 'tips', 'fines', 'discounts'] as const
type Measure = (typeof MEASURES)[number]
/** What the succeeded operations should have moved on one website: the summary's measures, debits per entry type, wallet totals. */
type Tally = { measures: Record<Measure, number>; byType: Map<string, number>; clientWallets: number; writerWallets: number; writerHeld: number }

type Site = {
  slug: string
  id: number
  host: string
  /** The website's fixed 5.00 code (ALPHA5, BETA5). */
  code: string
  tipPercent: number
  admin: Person
  editor: Person
  clients: Client[]
  writers: Person[]
  /** Orders the platform holds money for: refundable. */
  paid: Order[]
  /** Manual payments waiting for the admin. */
  pending: Pending[]
  fines: Fine[]
  requests: PayoutRequest[]
  records: PayoutRecord[]
  tally: Tally
}

const newTally = (): Tally => ({ measures: { revenue: 0, writerPay: 0, refunds: 0, tips: 0, fines: 0, discounts: 0 }, byType: new Map(), clientWallets: 0, writerWallets: 0, writerHeld: 0 })
const debit = (site: Site, type: string, amount: number) => site.tally.byType.set(type, (site.tally.byType.get(type) ?? 0) + amount)

// ---------------------------------------------------------------- answers

const ErrorBody = z.object({ errors: z.array(z.object({ message: z.string() })).min(1) })
const PaymentDoc = z.object({ id: z.number(), amount: z.number(), status: z.string() })
const CheckoutAnswer = z.object({ payment: PaymentDoc })
const ConfirmAnswer = z.object({ applied: z.boolean(), payment: PaymentDoc })
const OrderDoc = z.object({ id: z.number(), total: z.number(), subtotal: z.number().nullable().optional() })
const Placed = z.object({ doc: OrderDoc })
const Acted = z.object({ doc: z.object({ id: z.number(), status: z.string() }) })
const RefundAnswer = z.object({ refund: z.object({ id: z.number(), amount: z.number() }) })
const AdjustAnswer = z.object({ entry: z.object({ type: z.string() }), wallet: z.object({ id: z.number(), balance: z.number() }) })
const FineAnswer = z.object({ doc: z.object({ id: z.number(), amount: z.number() }) })
const ConvertAnswer = z.object({ credited: z.number(), points: z.number() })
const RequestAnswer = z.object({ request: z.object({ id: z.number(), amount: z.number(), status: z.string() }) })
const RecordAnswer = z.object({ record: z.object({ id: z.number(), status: z.string() }) })
const WalletAnswer = z.object({ balance: z.number(), held: z.number() })
const LoyaltyAnswer = z.object({ points: z.number() })
const SummaryAnswer = z.object({ revenue: z.number(), writerPay: z.number(), refunds: z.number(), tips: z.number(), fines: z.number(), discounts: z.number() })

const messageOf = (body: unknown) => {
  const parsed = ErrorBody.safeParse(body)
  return parsed.success ? parsed.data.errors[0]!.message : (JSON.stringify(body) ?? '').slice(0, 300)
}

// ---------------------------------------------------------------- counts

const KINDS = ['topup', 'pay', 'tip', 'convert', 'confirm', 'refund', 'adjust', 'fine', 'waive', 'payoutRequest', 'payoutApprove', 'payoutReject', 'recordPay'] as const
type Kind = (typeof KINDS)[number]
type Stat = { attempted: number; succeeded: number; refused: Map<number, number>; errors: number; reasons: Map<string, number> }
const stats = new Map<Kind, Stat>(KINDS.map((kind) => [kind, { attempted: 0, succeeded: 0, refused: new Map(), errors: 0, reasons: new Map() }]))
const statOf = (kind: Kind) => stats.get(kind)!
/** 5xx answers, answers of an unexpected shape, exceptions: each with the request. */
const faults: string[] = []
/** Answers the API document does not allow. */
const contractFaults: string[] = []
/** Answers whose amounts differ from what the drill expected. */
const mismatches: string[] = []
let placements = 0

const query = async (payload: Payload, q: ReturnType<typeof sql>) =>
  (await (payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> } }).drizzle.execute(q)).rows

const wallStart = Date.now()
say(`money drill: ${ops} operations, ${actorCount} actors, seed ${seed} (repeat with --seed ${seed})`)
const { payload, close } = await scratchPayload('money', say)
const { createApi: makeApi } = await import('../tests/helpers/api')
const { contractOf: contractFor } = await import('../tests/helpers/apiContract')
const { inTransaction } = await import('@/operations/inTransaction')
const { ensureWallet } = await import('@/operations/ledger/wallets')
const { ledgerViolations } = await import('@/operations/ledger/invariants')
const { openWindow, closeWindow } = await import('@/operations/payouts/windows')

const api: ReturnType<typeof createApi> = makeApi(payload, { validate: false })
const contract: ReturnType<typeof contractOf> = contractFor(payload.config)

type Answer = { status: number; body: unknown }
type Method = 'GET' | 'POST'

/** One request through Payload's REST handlers, its answer checked against the API document. */
const send = async (method: Method, url: string, options: ApiOptions): Promise<Answer> => {
  const res = method === 'GET' ? await api.get(url, options) : await api.post(url, options)
  const body: unknown = res.body
  try {
    contract.check({ method, url, status: res.status, body, contentType: res.headers.get('content-type') })
  } catch (error) {
    contractFaults.push(`${method} ${url} → ${res.status}: ${(error as Error).message.split('\n')[0]}`)
  }
  return { status: res.status, body }
}

/** Request options as `who` on the website, with a fresh Idempotency-Key (as a frontend sends on money POSTs). */
const as = (site: Site, who: Person, body?: unknown): ApiOptions => ({ host: site.host, token: who.token, address: who.address, body, headers: { 'idempotency-key': randomUUID() } })

/** A set-up request that must succeed: its parsed answer, or it throws with the answer. */
const must = async <T>(schema: z.ZodType<T>, method: Method, url: string, options: ApiOptions): Promise<T> => {
  const answer = await send(method, url, options)
  if (answer.status >= 300) throw new Error(`set-up: ${method} ${url} ${JSON.stringify(options.body ?? null)} → ${answer.status} ${messageOf(answer.body)}`)
  return schema.parse(answer.body)
}

// ---------------------------------------------------------------- progress

let issued = 0
let finished = 0
let runStart = 0
/** Takes one operation of the run's budget; false once it is spent. */
const ticket = () => {
  if (issued >= ops) return false
  issued += 1
  return true
}
const totals = () => {
  let succeeded = 0
  let refused = 0
  let errors = 0
  for (const s of stats.values()) {
    succeeded += s.succeeded
    refused += [...s.refused.values()].reduce((a, b) => a + b, 0)
    errors += s.errors
  }
  return { succeeded, refused, errors }
}
const progressed = () => {
  finished += 1
  if (finished % 500 === 0 || finished === ops) {
    const t = totals()
    const elapsed = Date.now() - runStart
    say(`  ${String(finished).padStart(String(ops).length)}/${ops} operations in ${seconds(elapsed)} s (${((finished * 1000) / Math.max(elapsed, 1)).toFixed(0)} ops/s): ${t.succeeded} succeeded, ${t.refused} refused, ${t.errors} errors`)
  }
}

/**
 * One money request of `kind`, counted: its parsed answer when it succeeded (2xx), null
 * when it was refused (4xx, counted by status) or failed (5xx, an exception, an answer
 * of another shape: listed with the request).
 */
const attempt = async <T>(kind: Kind, schema: z.ZodType<T>, method: Method, url: string, options: ApiOptions): Promise<T | null> => {
  const stat = statOf(kind)
  stat.attempted += 1
  const request = `${kind}: ${method} ${url} ${JSON.stringify(options.body ?? null)}`
  try {
    const answer = await send(method, url, options)
    if (answer.status >= 500) {
      stat.errors += 1
      faults.push(`${request} → ${answer.status} ${messageOf(answer.body)}`)
      return null
    }
    if (answer.status >= 300) {
      stat.refused.set(answer.status, (stat.refused.get(answer.status) ?? 0) + 1)
      // The reason without its numbers, so that alike refusals count together.
      const reason = `${answer.status} ${messageOf(answer.body).replace(/\d+/g, 'N').slice(0, 110)}`
      stat.reasons.set(reason, (stat.reasons.get(reason) ?? 0) + 1)
      return null
    }
    const parsed = schema.safeParse(answer.body)
    if (!parsed.success) {
      stat.errors += 1
      faults.push(`${request} → ${answer.status} but the answer is not as expected: ${parsed.error.message.slice(0, 300)}`)
      return null
    }
    stat.succeeded += 1
    return parsed.data
  } catch (error) {
    stat.errors += 1
    faults.push(`${request} threw ${(error as Error).stack ?? String(error)}`)
    return null
  } finally {
    progressed()
  }
}

const expectEqual = (site: Site, what: string, answered: number, expected: number) => {
  if (answered !== expected) mismatches.push(`${site.slug}: ${what}: answered ${answered}, expected ${expected}`)
}

// ---------------------------------------------------------------- what each success moves

const orderPaid = (site: Site, order: Order, amount: number, discount: number, fromWallet: boolean) => {
  const t = site.tally
  t.measures.revenue += amount
  t.measures.discounts += discount
  debit(site, 'order_payment', amount)
  if (discount > 0) debit(site, 'discount_given', discount)
  if (fromWallet) t.clientWallets -= amount
  order.total = amount
  order.paid = amount
  site.paid.push(order)
}

const tipPaid = (site: Site, amount: number, writerShare: number, fromWallet: boolean) => {
  site.tally.measures.tips += amount
  debit(site, 'tip_settlement', amount)
  site.tally.writerWallets += writerShare
  if (fromWallet) site.tally.clientWallets -= amount
}

const settled = (site: Site, p: Pending) => {
  if (p.purpose === 'wallet_top_up') {
    debit(site, 'client_wallet_top_up', p.amount)
    site.tally.clientWallets += p.amount
  } else if (p.purpose === 'order') orderPaid(site, p.order!, p.amount, p.discount, false)
  else tipPaid(site, p.amount, p.writerShare, false)
}

/** A refund: out of revenue, and the order's pending earning lowered by the refunded share (voided when nothing stays paid). */
const refunded = (site: Site, order: Order, amount: number, destination: 'wallet' | 'external') => {
  const t = site.tally
  t.measures.revenue -= amount
  t.measures.refunds += amount
  debit(site, destination === 'wallet' ? 'client_wallet_refund' : 'external_refund', amount)
  if (destination === 'wallet') t.clientWallets += amount
  const earning = order.earning
  if (earning?.status === 'pending') {
    if (order.paid - amount <= 0) {
      t.measures.writerPay -= earning.amount
      debit(site, 'reversal', earning.amount)
      earning.status = 'voided'
    } else {
      const deduction = Math.min(earning.amount, Math.round((earning.amount * amount) / Math.max(1, order.total)))
      if (deduction > 0) {
        t.measures.writerPay -= deduction
        debit(site, 'reversal', deduction)
        earning.amount -= deduction
      }
    }
  }
  order.paid -= amount
}

/** A fine issued: taken from the order's pending earning as far as it goes, the rest owed by the writer. */
const fined = (site: Site, id: number, amount: number, order: Order | null) => {
  const earning = order?.earning
  const take = earning?.status === 'pending' ? Math.min(amount, earning.amount) : 0
  if (earning && take > 0) earning.amount -= take
  site.tally.measures.fines += amount
  debit(site, 'writer_fine', amount)
  site.fines.push({ id, amount, order, fromEarning: take, receivable: amount - take, lifted: false, busy: false })
}

/** A fine waived: its income reversed; the earning part raises a pending earning again, or comes off writer pay when the earning was voided. */
const lifted = (site: Site, fine: Fine) => {
  const t = site.tally
  t.measures.fines -= fine.amount
  debit(site, 'writer_fine_reversal', fine.amount)
  const earning = fine.order?.earning
  if (fine.fromEarning > 0 && earning) {
    if (earning.status === 'pending') earning.amount += fine.fromEarning
    else if (earning.status === 'voided') t.measures.writerPay -= fine.fromEarning
  }
  fine.lifted = true
}

// ---------------------------------------------------------------- operations

/** The admin confirms a manual payment over REST; the money moves when it applies. */
const confirm = async (site: Site, p: Pending) => {
  const answer = await attempt('confirm', ConfirmAnswer, 'POST', `/api/payments/${p.payment}/confirm`, as(site, site.admin, { bankReference: `DRILL-${p.payment}` }))
  if (!answer) {
    // Not confirmed: the order stays payable.
    if (p.purpose === 'order' && p.order) p.client.unpaid.push(p.order)
    return
  }
  if (answer.applied) settled(site, p)
}

/** A manual payment started: confirmed by the admin at once most of the time, else left for an admin actor. */
const awaitConfirmation = async (site: Site, rng: Rng, p: Pending) => {
  if (rng.chance(0.7) && ticket()) await confirm(site, p)
  else site.pending.push(p)
}

const ESSAY = { topic: 'The drill of money', instructions: 'Three pages, sources in APA.', spacing: 'double', paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities' }

/** A client places an order over REST (not a money operation). */
const place = async (site: Site, client: Client, rng: Rng): Promise<Order | null> => {
  const body = { ...ESSAY, pages: rng.int(1, 5), deadlineHours: rng.pick([72, 120, 240]) }
  const answer = await send('POST', '/api/orders', as(site, client, body))
  if (answer.status !== 201) {
    faults.push(`placement: POST /api/orders ${JSON.stringify(body)} → ${answer.status} ${messageOf(answer.body)}`)
    return null
  }
  placements += 1
  const doc = Placed.parse(answer.body).doc
  const subtotal = doc.subtotal ?? doc.total
  return { id: doc.id, client, writer: null, subtotal, total: subtotal, paid: 0, earning: null, busy: false }
}

const topUp = async (site: Site, client: Client, rng: Rng) => {
  if (!ticket()) return
  const amount = rng.chance(0.03) ? rng.int(1, 99) : rng.int(100, 20_000)
  const answer = await attempt('topup', CheckoutAnswer, 'POST', '/api/payments/checkout', as(site, client, { purpose: 'wallet_top_up', amount, provider: 'manual' }))
  if (!answer) return
  expectEqual(site, `top-up payment ${answer.payment.id}`, answer.payment.amount, amount)
  await awaitConfirmation(site, rng, { payment: answer.payment.id, purpose: 'wallet_top_up', amount, client, order: null, discount: 0, writerShare: 0 })
}

/** A fixed code's or a percentage's discount on a subtotal, in cents (half up), as the website's codes define them. */
const discountOf = (site: Site, code: string | undefined, subtotal: number) => {
  if (code === site.code) return Math.min(500, subtotal)
  if (code === 'WELCOME10') return Math.floor((subtotal * 1000 + 5000) / 10_000)
  return 0
}

const payOrder = async (site: Site, client: Client, rng: Rng) => {
  const again = client.unpaid.length > 0 && rng.chance(0.5) ? client.unpaid.splice(rng.int(0, client.unpaid.length - 1), 1)[0]! : null
  const order = again ?? (await place(site, client, rng))
  if (!order) return
  if (!ticket()) {
    client.unpaid.push(order)
    return
  }
  const provider = rng.chance(0.6) ? 'wallet' : 'manual'
  const code = rng.weighted([[site.code, 20], ['WELCOME10', 4], ['NO-SUCH-CODE', 2], ['', 74]] as const) || undefined
  const answer = await attempt('pay', CheckoutAnswer, 'POST', '/api/payments/checkout', as(site, client, { purpose: 'order', order: order.id, provider, ...(code ? { discountCode: code } : {}) }))
  if (!answer) {
    client.unpaid.push(order)
    return
  }
  const discount = discountOf(site, code, order.subtotal)
  const amount = order.subtotal - discount
  expectEqual(site, `order ${order.id} payment ${answer.payment.id} (${code ?? 'no code'}, subtotal ${order.subtotal})`, answer.payment.amount, amount)
  if (provider === 'wallet') {
    if (answer.payment.status !== 'succeeded') mismatches.push(`${site.slug}: wallet payment ${answer.payment.id} answered ${answer.payment.status}`)
    orderPaid(site, order, amount, discount, true)
  } else await awaitConfirmation(site, rng, { payment: answer.payment.id, purpose: 'order', amount, client, order, discount, writerShare: 0 })
}

const tip = async (site: Site, client: Client, rng: Rng) => {
  if (!ticket()) return
  const order = rng.pick(client.delivered)
  const amount = rng.chance(0.03) ? rng.int(1, 99) : rng.int(100, 3000)
  const provider = rng.chance(0.6) ? 'wallet' : 'manual'
  const writerShare = Math.round((amount * site.tipPercent) / 100)
  const answer = await attempt('tip', CheckoutAnswer, 'POST', '/api/payments/checkout', as(site, client, { purpose: 'tip', order: order.id, amount, provider, message: 'Thank you!' }))
  if (!answer) return
  expectEqual(site, `tip payment ${answer.payment.id}`, answer.payment.amount, amount)
  if (provider === 'wallet') tipPaid(site, amount, writerShare, true)
  else await awaitConfirmation(site, rng, { payment: answer.payment.id, purpose: 'tip', amount, client, order, discount: 0, writerShare })
}

const convert = async (site: Site, client: Client, rng: Rng) => {
  if (!ticket()) return
  const points = rng.pick([100, 100, 200, 300, 150])
  const answer = await attempt('convert', ConvertAnswer, 'POST', '/api/loyalty/convert', as(site, client, { points }))
  if (!answer) return
  expectEqual(site, `conversion of ${points} points`, answer.credited, points * 10)
  debit(site, 'loyalty_conversion', points * 10)
  site.tally.clientWallets += points * 10
  client.points -= points
}

const requestPayout = async (site: Site, writer: Person, rng: Rng) => {
  // What the wallet holds now: a read, not a money operation.
  const wallet = await send('GET', '/api/wallets/me', as(site, writer))
  const balance = wallet.status === 200 ? WalletAnswer.parse(wallet.body).balance : 0
  if (balance < 100 && rng.chance(0.9)) return sleep(25)
  if (!ticket()) return
  const amount = rng.chance(0.1) ? balance + rng.int(1, 1000) : rng.int(1, Math.max(1, balance))
  const answer = await attempt('payoutRequest', RequestAnswer, 'POST', '/api/payout-requests', as(site, writer, { amount }))
  if (!answer) return
  expectEqual(site, `payout request ${answer.request.id}`, answer.request.amount, amount)
  site.tally.writerHeld += amount
  site.requests.push({ id: answer.request.id, writer, amount, open: true, busy: false, secondTried: false })
}

const decidePayout = async (site: Site, request: PayoutRequest, rng: Rng) => {
  try {
    if (!ticket()) return
    if (rng.chance(0.7)) {
      const answer = await attempt('payoutApprove', RequestAnswer, 'POST', `/api/payout-requests/${request.id}/approve`, as(site, site.admin, { method: 'bank_transfer', externalReference: `PAYOUT-${request.id}` }))
      if (!answer) return
      debit(site, 'writer_payout', request.amount)
      site.tally.writerWallets -= request.amount
      site.tally.writerHeld -= request.amount
    } else {
      const answer = await attempt('payoutReject', RequestAnswer, 'POST', `/api/payout-requests/${request.id}/reject`, as(site, site.admin, { reason: 'Bank details missing (drill).' }))
      if (!answer) return
      site.tally.writerHeld -= request.amount
    }
    request.open = false
  } finally {
    request.busy = false
  }
}

const payRecord = async (site: Site, record: PayoutRecord) => {
  if (!ticket()) return
  const answer = await attempt('recordPay', RecordAnswer, 'POST', `/api/payout-records/${record.id}/pay`, as(site, site.admin, { method: 'wise', externalReference: `WISE-${record.id}` }))
  if (!answer) return
  debit(site, 'payout_settled', record.amount)
  debit(site, 'writer_payout', record.amount)
  record.paid = true
}

const refund = async (site: Site, order: Order, rng: Rng) => {
  try {
    if (!ticket()) return
    const roll = rng.next()
    const amount = roll < 0.15 ? order.paid : roll < 0.3 ? order.paid + rng.int(1, 500) : rng.int(1, order.paid)
    const destination = rng.chance(0.7) ? 'wallet' : 'external'
    const body = { amount, destination, reason: 'Late delivery (drill).', ...(destination === 'external' ? { externalReference: `BANK-${order.id}-${rng.int(1, 1e6)}` } : {}) }
    const answer = await attempt('refund', RefundAnswer, 'POST', `/api/orders/${order.id}/refunds`, as(site, site.admin, body))
    if (!answer) return
    expectEqual(site, `refund ${answer.refund.id} of order ${order.id}`, answer.refund.amount, amount)
    refunded(site, order, amount, destination)
  } finally {
    order.busy = false
  }
}

const adjust = async (site: Site, rng: Rng) => {
  if (!ticket()) return
  const toWriter = rng.chance(0.25)
  const who = toWriter ? rng.pick(site.writers) : rng.pick(site.clients)
  const direction = rng.chance(0.6) ? 'credit' : 'debit'
  const amount = rng.int(100, 5000)
  const answer = await attempt('adjust', AdjustAnswer, 'POST', `/api/wallets/${who.wallet}/adjust`, as(site, site.admin, { direction, amount, reason: 'Goodwill (drill).' }))
  if (!answer) return
  debit(site, direction === 'credit' ? 'admin_credit' : 'admin_debit', amount)
  const signed = direction === 'credit' ? amount : -amount
  if (toWriter) site.tally.writerWallets += signed
  else site.tally.clientWallets += signed
}

const fine = async (site: Site, order: Order | null, rng: Rng) => {
  try {
    if (!ticket()) return
    const writer = order?.writer ?? rng.pick(site.writers)
    const amount = rng.int(100, 2500)
    const body = { writer: writer.id, ...(order ? { order: order.id } : {}), type: order ? 'quality_issue' : 'comm_breach', amount, reason: 'Drill fine.' }
    const answer = await attempt('fine', FineAnswer, 'POST', '/api/fines', as(site, site.admin, body))
    if (!answer) return
    expectEqual(site, `fine ${answer.doc.id}`, answer.doc.amount, amount)
    fined(site, answer.doc.id, amount, order)
  } finally {
    if (order) order.busy = false
  }
}

const waive = async (site: Site, target: Fine) => {
  try {
    if (!ticket()) return
    const answer = await attempt('waive', Acted, 'POST', `/api/fines/${target.id}/actions/waive`, as(site, site.admin, { reason: 'Waived (drill).' }))
    if (!answer) return
    if (target.lifted) mismatches.push(`${site.slug}: fine ${target.id} waived a second time`)
    else lifted(site, target)
  } finally {
    target.busy = false
    if (target.order) target.order.busy = false
  }
}

// ---------------------------------------------------------------- actors

type Actor = { site: Site; role: 'client' | 'writer' | 'admin'; person: Person | Client; rng: Rng }

/** The next operation of a client: what its state allows. */
const clientStep = (site: Site, client: Client, rng: Rng): (() => Promise<unknown>) | null => {
  const choice = rng.weighted([
    ['topup', 22],
    ['pay', 35],
    ['tip', client.delivered.length > 0 ? 15 : 0],
    ['convert', client.points >= 100 ? 8 : 0.5],
  ] as const)
  if (choice === 'topup') return () => topUp(site, client, rng)
  if (choice === 'pay') return () => payOrder(site, client, rng)
  if (choice === 'tip') return () => tip(site, client, rng)
  return () => convert(site, client, rng)
}

const writerStep = (site: Site, writer: Person, rng: Rng): (() => Promise<unknown>) | null => {
  const open = site.requests.find((r) => r.open && r.writer === writer)
  // One open request at a time (the website's maxOpenRequests); for one open request in ten, a second anyway (409).
  if (open) {
    if (open.secondTried) return null
    open.secondTried = true
    if (!rng.chance(0.1)) return null
  }
  return () => requestPayout(site, writer, rng)
}

/** The admin's next operation; the subject (order, fine, request) is reserved at once so that no other actor works on it meanwhile. */
const adminStep = (site: Site, rng: Rng): (() => Promise<unknown>) | null => {
  const refundable = site.paid.filter((o) => !o.busy && o.paid > 0)
  const fineable = site.paid.filter((o) => !o.busy && o.writer)
  const waivable = site.fines.filter((f) => !f.busy && !f.lifted && !f.order?.busy)
  const decidable = site.requests.filter((r) => r.open && !r.busy)
  const choice = rng.weighted([
    ['confirm', site.pending.length > 0 ? 30 : 0],
    ['refund', refundable.length > 0 ? 14 : 0],
    ['adjust', 14],
    ['fine', 10],
    ['waive', waivable.length > 0 ? 5 : 0],
    ['decide', decidable.length > 0 ? 15 : 0],
    // Paying a record twice is a 409: now and then, once they are all paid.
    ['recordPay', site.records.some((r) => !r.paid) ? 3 : site.records.length > 0 ? 0.3 : 0],
  ] as const)
  if (choice === 'confirm') {
    const p = site.pending.shift()!
    return async () => {
      if (ticket()) await confirm(site, p)
      else site.pending.push(p)
    }
  }
  if (choice === 'refund') {
    const order = rng.pick(refundable)
    order.busy = true
    return () => refund(site, order, rng)
  }
  if (choice === 'adjust') return () => adjust(site, rng)
  if (choice === 'fine') {
    const order = fineable.length > 0 && rng.chance(0.6) ? rng.pick(fineable) : null
    if (order) order.busy = true
    return () => fine(site, order, rng)
  }
  if (choice === 'waive') {
    // Now and then one already waived (409).
    const done = site.fines.filter((f) => f.lifted && !f.busy && !f.order?.busy)
    const target = done.length > 0 && rng.chance(0.05) ? rng.pick(done) : rng.pick(waivable)
    target.busy = true
    if (target.order) target.order.busy = true
    return () => waive(site, target)
  }
  if (choice === 'decide') {
    const request = rng.pick(decidable)
    request.busy = true
    return () => decidePayout(site, request, rng)
  }
  if (choice === 'recordPay') return () => payRecord(site, rng.pick(site.records))
  return null
}

const runActor = async (actor: Actor) => {
  while (issued < ops) {
    const step =
      actor.role === 'client' ? clientStep(actor.site, actor.person as Client, actor.rng) : actor.role === 'writer' ? writerStep(actor.site, actor.person, actor.rng) : adminStep(actor.site, actor.rng)
    if (!step) {
      await sleep(20)
      continue
    }
    await step()
  }
}

// ---------------------------------------------------------------- the run

let failed = false
try {
  const tag = `m${seed.toString(36)}${Date.now().toString(36).slice(-4)}`
  const setupRng = prng(seed)
  let addresses = 0
  const nextAddress = () => {
    addresses += 1
    return `10.77.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`
  }
  const req = await createLocalReq({}, payload)

  // Websites: the wallet, manual payments, tips and point conversions on; writers without an active-order limit.
  const sites: Site[] = []
  for (const [slug, tipPercent] of [['alpha', 80], ['beta', 70]] as const) {
    const { docs } = await payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, depth: 0, limit: 1, ...asSystem(proof) })
    const tenant = docs[0]
    if (!tenant) throw new Error(`no website ${slug} in the seed`)
    await payload.update({
      collection: 'tenants',
      id: tenant.id,
      data: {
        settings: {
          features: { allowWallet: true },
          payments: { manualEnabled: true },
          tips: { writerPercent: tipPercent, perDay: 1000, allowWallet: true, allowCard: true },
          loyalty: { enabled: true, conversion: { enabled: true } },
        },
      },
      depth: 0,
      ...asSystem(proof),
    })
    const levels = await payload.find({ collection: 'writer-levels', where: { tenant: { equals: tenant.id } }, depth: 0, limit: 0, ...asSystem(proof) })
    for (const level of levels.docs) await payload.update({ collection: 'writer-levels', id: level.id, data: { maxActiveOrders: 100_000, maxManualTakes: 100_000 }, depth: 0, ...asSystem(proof) })
    const host = `${slug}.test`
    const staff = async (local: string): Promise<Person> => {
      const email = demoEmail(local, slug)
      const address = nextAddress()
      const token = await api.login(email, DEMO_PASSWORD, { host, address })
      const { docs: users } = await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1, ...asSystem(proof) })
      return { id: users[0]!.id, email, token, address, wallet: 0 }
    }
    sites.push({
      slug,
      id: tenant.id,
      host,
      code: `${slug.toUpperCase()}5`,
      tipPercent,
      admin: await staff('admin'),
      editor: await staff('editor'),
      clients: [],
      writers: [],
      paid: [],
      pending: [],
      fines: [],
      requests: [],
      records: [],
      tally: newTally(),
    })
  }

  // Actors: round the websites; per website one admin in six, one writer in six after it, the rest clients.
  const actors: Actor[] = []
  let t0 = Date.now()
  for (let i = 0; i < actorCount; i += 1) {
    const site = sites[i % sites.length]!
    const j = Math.floor(i / sites.length)
    const role = j % 6 === 0 ? 'admin' : j % 6 === 1 ? 'writer' : 'client'
    const rng = prng((seed + Math.imul(i + 1, 0x9e3779b9)) >>> 0)
    if (role === 'admin') {
      actors.push({ site, role, person: site.admin, rng })
      continue
    }
    const email = `${tag}-${role}-${i}@${site.slug}.drill.example`
    const user = await payload.create({
      collection: 'users',
      data: { email, password: DEMO_PASSWORD, name: `Drill ${role} ${i}`, roles: [role], tenants: [{ tenant: site.id }], ...(role === 'writer' ? { penName: `Drill Pen ${i}` } : {}) },
      depth: 0,
      ...asSystem(proof),
    })
    const address = nextAddress()
    const token = await api.login(email, DEMO_PASSWORD, { host: site.host, address })
    const wallet = await inTransaction(req, () => ensureWallet(req, site.id, user.id, role))
    const person: Person = { id: user.id, email, token, address, wallet: wallet.id }
    if (role === 'writer') {
      site.writers.push(person)
      actors.push({ site, role, person, rng })
    } else {
      const client: Client = { ...person, points: 0, unpaid: [], delivered: [] }
      site.clients.push(client)
      actors.push({ site, role, person: client, rng })
    }
  }
  for (const site of sites) say(`${site.slug}: ${actors.filter((a) => a.site === site && a.role === 'admin').length} admin actors (as ${site.admin.email}), ${site.writers.length} writers, ${site.clients.length} clients`)
  say(`actors created and logged in in ${Date.now() - t0} ms`)

  // Loyalty points to convert, given by the admin over REST (points only: no money moves).
  t0 = Date.now()
  for (const site of sites) {
    for (const client of site.clients) {
      const given = await must(LoyaltyAnswer, 'POST', '/api/loyalty/adjust', as(site, site.admin, { client: client.id, points: 400, reason: 'Drill points' }))
      client.points = given.points
    }
  }

  // Completed orders, driven over REST as the people who do each step.
  const completeOrder = async (site: Site, client: Client, writer: Person): Promise<Order> => {
    const placed = await place(site, client, setupRng)
    if (!placed) throw new Error(`set-up: ${site.slug} order placement refused`)
    const act = (who: Person, action: string) => must(Acted, 'POST', `/api/orders/${placed.id}/actions/${action}`, as(site, who, {}))
    await act(site.admin, 'markPaid')
    await act(writer, 'take')
    await act(writer, 'submit')
    await act(site.editor, 'editorApprove')
    await act(client, 'complete')
    const earning = (await payload.find({ collection: 'writer-earnings', where: { and: [{ order: { equals: placed.id } }, { kind: { equals: 'order_earning' } }] }, depth: 0, limit: 1, ...asSystem(proof) })).docs[0]
    const order: Order = { ...placed, writer, paid: placed.total, earning: earning ? { status: 'pending', amount: earning.amount } : null }
    client.delivered.push(order)
    site.paid.push(order)
    return order
  }
  const inBatches = async <T>(work: (() => Promise<T>)[], size = 8): Promise<T[]> => {
    const out: T[] = []
    for (let i = 0; i < work.length; i += size) out.push(...(await Promise.all(work.slice(i, i + size).map((w) => w()))))
    return out
  }
  // One client in four stays without a paid order (a first order can take WELCOME10).
  const pooled = (site: Site) => site.clients.filter((_, k) => k % 4 !== 3)

  // Phase A: two orders per writer, whose earnings a closed payment window batches into payout records.
  for (const site of sites) {
    const window = (await inTransaction(req, () => openWindow(req, site.id, new Date()))) ?? (await payload.find({ collection: 'payment-windows', where: { and: [{ tenant: { equals: site.id } }, { status: { equals: 'open' } }] }, depth: 0, limit: 1, ...asSystem(proof) })).docs[0]
    if (!window) throw new Error(`set-up: no payment window on ${site.slug}`)
    const clients = pooled(site)
    const work = site.writers.flatMap((writer, w) => [0, 1].map((n) => () => completeOrder(site, clients[(w * 2 + n) % clients.length]!, writer)))
    const orders = await inBatches(work)
    const batch = await inTransaction(req, () => closeWindow(req, window.id, new Date(new Date(window.closesAt).getTime() + 60_000)))
    if (!batch) throw new Error(`set-up: the payment window of ${site.slug} did not close`)
    for (const order of orders) if (order.earning) order.earning.status = 'batched'
    const records = await payload.find({ collection: 'payout-records', where: { batch: { equals: batch.id } }, depth: 0, limit: 0, ...asSystem(proof) })
    site.records = records.docs.map((r) => ({ id: r.id, amount: r.amount, paid: false }))
  }
  // Phase B: two orders per pooled client, their earnings pending (refunds and fines reach them).
  for (const site of sites) {
    let w = 0
    const work = pooled(site).flatMap((client) => [0, 1].map(() => {
      const writer = site.writers[w++ % site.writers.length]!
      return () => completeOrder(site, client, writer)
    }))
    await inBatches(work)
  }
  for (const site of sites) {
    const orders = site.paid.length
    say(`${site.slug}: ${orders} completed orders (${site.paid.filter((o) => o.earning?.status === 'pending').length} with pending earnings), ${site.records.length} payout records of ${site.records.reduce((s, r) => s + r.amount, 0)} cents, 400 points per client`)
  }
  say(`pool prepared over REST in ${Date.now() - t0} ms`)

  // The wallets as the run starts.
  const walletTotals = async (site: Site) => {
    const rows = await query(payload, sql`SELECT kind::text AS kind, COALESCE(SUM(balance), 0) AS balance, COALESCE(SUM(held), 0) AS held FROM wallets WHERE tenant_id = ${site.id} GROUP BY kind`)
    const of = (kind: string) => rows.find((r) => r.kind === kind)
    return { clients: Number(of('client')?.balance ?? 0) + Number(of('client')?.held ?? 0), writers: Number(of('writer')?.balance ?? 0) + Number(of('writer')?.held ?? 0), writerHeld: Number(of('writer')?.held ?? 0) }
  }
  const startWallets = new Map<Site, Awaited<ReturnType<typeof walletTotals>>>()
  for (const site of sites) startWallets.set(site, await walletTotals(site))

  await sleep(5)
  const from = new Date()
  await sleep(5)
  say(`\nrun: ${ops} operations by ${actorCount} actors from ${from.toISOString()}`)
  runStart = Date.now()
  await Promise.all(actors.map((actor) => runActor(actor)))
  const runMs = Date.now() - runStart
  await sleep(5)
  const to = new Date(Date.now() + 1000)

  // ---------------------------------------------------------------- checks
  say(`\noperations (${finished} in ${seconds(runMs)} s: ${((finished * 1000) / Math.max(runMs, 1)).toFixed(1)} ops/s; plus ${placements} order placements)`)
  say(`  ${'kind'.padEnd(14)} ${'attempted'.padStart(9)} ${'succeeded'.padStart(9)} ${'refused'.padStart(8)} ${'errors'.padStart(6)}  refusals by status`)
  for (const kind of KINDS) {
    const s = statOf(kind)
    const refused = [...s.refused.values()].reduce((a, b) => a + b, 0)
    const byStatus = [...s.refused.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')
    say(`  ${kind.padEnd(14)} ${String(s.attempted).padStart(9)} ${String(s.succeeded).padStart(9)} ${String(refused).padStart(8)} ${String(s.errors).padStart(6)}  ${byStatus}`)
  }
  const all = totals()
  say(`  ${'total'.padEnd(14)} ${String(finished).padStart(9)} ${String(all.succeeded).padStart(9)} ${String(all.refused).padStart(8)} ${String(all.errors).padStart(6)}`)
  say(`  refusals by reason (the commonest per kind):`)
  for (const kind of KINDS) {
    const reasons = [...statOf(kind).reasons.entries()].sort(([, a], [, b]) => b - a).slice(0, 3)
    for (const [reason, n] of reasons) say(`    ${kind.padEnd(14)} ${String(n).padStart(5)}× ${reason}`)
  }
  for (const site of sites) say(`  ${site.slug}: ${site.pending.length} manual payments left pending (no money moved)`)

  const violations = await ledgerViolations(payload)
  say(`\nledgerViolations: ${violations.length === 0 ? 'none (every entry balances, every wallet equals its account, none negative)' : `${violations.length}`}`)
  for (const v of violations.slice(0, 30)) say(`  ${v}`)

  let differences = 0
  const line = (what: string, ledger: number, tally: number) => {
    const same = ledger === tally
    if (!same) differences += 1
    say(`  ${what.padEnd(28)} ${String(ledger).padStart(12)} ${String(tally).padStart(12)}  ${same ? 'equal' : `DIFFERS by ${ledger - tally}`}`)
  }
  for (const site of sites) {
    say(`\n${site.slug}: GET /api/ledger/summary?from=${from.toISOString()}&to=${to.toISOString()} vs the drill's tally`)
    say(`  ${''.padEnd(28)} ${'ledger'.padStart(12)} ${'tally'.padStart(12)}`)
    const summary = await must(SummaryAnswer, 'GET', `/api/ledger/summary?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`, as(site, site.admin))
    for (const measure of MEASURES) line(measure, summary[measure], site.tally.measures[measure])
    say(`  debits by journal entry type:`)
    const rows = await query(
      payload,
      sql`SELECT e.type, COALESCE(SUM(l.debit), 0) AS debit FROM journal_entries e JOIN journal_entries_lines l ON l._parent_id = e.id
          WHERE e.tenant_id = ${site.id} AND e.created_at >= ${from.toISOString()} AND e.created_at < ${to.toISOString()} GROUP BY e.type ORDER BY e.type`,
    )
    const ledgerTypes = new Map(rows.map((r) => [String(r.type), Number(r.debit)]))
    for (const type of [...new Set([...ledgerTypes.keys(), ...site.tally.byType.keys()])].sort()) line(`  ${type}`, ledgerTypes.get(type) ?? 0, site.tally.byType.get(type) ?? 0)
    const start = startWallets.get(site)!
    const end = await walletTotals(site)
    say(`  wallets (balance + held):`)
    line('  clients', end.clients, start.clients + site.tally.clientWallets)
    line('  writers', end.writers, start.writers + site.tally.writerWallets)
    line('  writers held', end.writerHeld, start.writerHeld + site.tally.writerHeld)
  }

  if (mismatches.length > 0) {
    say(`\nanswers that differ from the drill's expectation (${mismatches.length}):`)
    for (const m of mismatches.slice(0, 30)) say(`  ${m}`)
  }
  if (contractFaults.length > 0) {
    say(`\nanswers the API document does not allow (${contractFaults.length}):`)
    for (const c of [...new Set(contractFaults)].slice(0, 30)) say(`  ${c}`)
  }
  if (faults.length > 0) {
    say(`\nerrors (${faults.length}):`)
    for (const f of faults.slice(0, 40)) say(`  ${f}`)
  }
  const wall = Date.now() - wallStart
  say(`\nthroughput ${((finished * 1000) / Math.max(runMs, 1)).toFixed(1)} ops/s over ${seconds(runMs)} s with ${actorCount} actors; wall time ${seconds(wall)} s (set-up and checks included)`)
  say(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; seed ${seed}`)
  failed = violations.length > 0 || differences > 0 || faults.length > 0 || mismatches.length > 0 || contractFaults.length > 0
  say(failed ? 'FAILED' : 'OK: no violation, every line equal, no 5xx')
} catch (error) {
  failed = true
  say(`drill aborted: ${(error as Error).stack ?? String(error)}`)
} finally {
  await close()
}
process.exit(failed ? 1 : 0)
