import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockOrderEarning, lockRow } from '@/db/locks'
import { hoursLate, latenessPercent } from '@/domain/fines/lateness'
import { latenessRuleOf } from '@/domain/fines/settings'
import { DEFAULT_FINE_TYPES, type FineBase, fineAmount, LATE_SUBMISSION, needsBase } from '@/domain/fines/types'
import type { OrderStatus } from '@/domain/orders/statuses'
import { orderEarning, type RateCard } from '@/domain/writers/earnings'
import { refuseField } from '@/errors'
import type { Fine, Order, WriterEarning } from '@/payload-types'

import { post } from '../ledger/post'
import { staffOf } from '../gate'
import { notify } from '../notifications/notify'
import { websiteCurrency } from '../notifications/websiteCurrency'

import { websiteFines, websiteFineType } from './settings'

/** Order statuses after which no earning is still to come: a fine on such an order cannot wait for one. */
const NO_EARNING_TO_COME: readonly OrderStatus[] = ['completed', 'cancelled', 'refunded', 'archived']

/** The writer's pay for the order by its frozen rate card (0 without one): the default base of a percentage fine. */
export const writerPayOf = (order: Order): number => {
  const card = order.rateCard as RateCard | null | undefined
  if (!card) return 0
  const assignedAt = new Date(order.timestamps?.assignedAt ?? order.createdAt)
  return orderEarning(card, { pages: order.pages, total: order.total, assignedAt, writerDeadline: new Date(order.writerDeadline) }).total
}

const baseOf = (order: Order, base: FineBase): number => (base === 'order_total' ? order.total : writerPayOf(order))

/** The order's live earning (kind `order_earning`, not voided), or null. */
export const orderEarningOf = async (req: PayloadRequest, orderId: number): Promise<WriterEarning | null> =>
  (await req.payload.find({ collection: 'writer-earnings', where: { and: [{ order: { equals: orderId } }, { kind: { equals: 'order_earning' } }, { status: { not_equals: 'voided' } }] }, depth: 0, limit: 1, ...asSystem(proofOf(req)), req })).docs[0] ?? null

const refuse = (path: string, message: string) => refuseField('fines', path, message, 400)

type FineData = Partial<Fine> & Record<string, unknown>

/**
 * Checks a new fine and completes it (the `fines` collection's beforeChange on create).
 * The platform's own fines (the lateness rule) arrive complete, with their reference,
 * which no API body can set. A staff member's: an admin or support of the website;
 * the writer a writer of the website; the order, when given, of the website and of that
 * writer; the type one of the website's active types. The amount is the staff's when
 * given, else computed from the type (a percentage needs the order for its base).
 */
export const prepareFine = async (req: PayloadRequest, data: FineData): Promise<FineData> => {
  if (typeof data.reference === 'string') return { ...data, status: 'issued' }
  const actor = actorOf(req)
  const tenant = idOf(data.tenant as number | { id: number } | null | undefined)
  if (!tenant) throw refuse('tenant', 'Required: the website the fine belongs to.')
  if (!actor || !staffOf(actor, tenant, ['admin', 'support'])) throw refuseField('fines', 'tenant', 'Only admins and support of the website issue fines.', 403)
  const writerId = idOf(data.writer as number | { id: number } | null | undefined)
  if (!writerId) throw refuse('writer', 'Required: the writer fined.')
  const writer = await req.payload.findByID({ collection: 'users', id: writerId, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req, select: { roles: true, tenants: true } })
  const member = writer?.tenants?.some((row) => idOf(row.tenant) === tenant) ?? false
  if (!writer || !writer.roles?.includes('writer') || !member) throw refuse('writer', 'Must be a writer of this website.')
  const orderId = idOf(data.order as number | { id: number } | null | undefined)
  let order: Order | null = null
  if (orderId) {
    order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req })
    if (!order || idOf(order.tenant) !== tenant) throw refuse('order', 'Must be an order of this website.')
    if (idOf(order.writer) !== writerId) throw refuse('order', 'Must be an order of the writer fined (its current writer).')
  }
  const code = typeof data.type === 'string' ? data.type.trim() : ''
  const type = code ? await websiteFineType(req, tenant, code) : null
  if (!type || !type.active) {
    throw refuse('type', `Must be an active fine type of this website (${DEFAULT_FINE_TYPES.map((t) => t.code).join(', ')} or the website’s own).`)
  }
  let amount = typeof data.amount === 'number' ? data.amount : null
  if (amount === null) {
    if (type.calculation === 'progressive_hourly') throw refuse('amount', `Required for ${type.code}: the platform computes lateness fines itself; a staff one gives its amount.`)
    if (needsBase(type) && !order) throw refuse('amount', `Required without an order: ${type.code} is ${type.percent} % of an order’s ${type.base === 'order_total' ? 'total' : 'writer pay'}.`)
    amount = fineAmount(type, order ? baseOf(order, type.base) : 0)
  }
  return { ...data, type: code, amount, status: 'issued', issuedBy: actor.id, reference: `fine:manual:${randomUUID()}` }
}


/**
 * Takes an issued fine from the writer's money: first from the order's earning while it
 * is pending and in no payout (lowered, never below 0; Dr writer payable / Cr fines
 * recovery), the rest, or all of it when the earning is batched or paid or there is no
 * order, as a writer receivable (a `fine` row of writer-earnings netted from the writer's
 * next payout; Dr writer receivable / Cr fines recovery). Caller holds the order's locks.
 */
export const applyFineMoney = async (req: PayloadRequest, fine: Fine, earning: WriterEarning | null, now = new Date()): Promise<Fine> => {
  const tenant = idOf(fine.tenant)!
  const writer = idOf(fine.writer)!
  const amount = fine.amount ?? 0
  const take = earning && earning.status === 'pending' && !earning.payoutRecord ? Math.min(amount, earning.amount) : 0
  if (earning && take > 0) {
    const breakdown = (earning.breakdown ?? {}) as Record<string, unknown>
    const fines = [...((breakdown.fines as unknown[] | undefined) ?? []), { fine: fine.id, amount: take }]
    await req.payload.update({ collection: 'writer-earnings', id: earning.id, data: { amount: earning.amount - take, breakdown: { ...breakdown, fines } }, depth: 0, ...asSystem(proofOf(req)), req })
    await post(req, tenant, {
      reference: `fine:${fine.id}:earning`,
      type: 'writer_fine',
      memo: `Fine ${fine.id} (${fine.type}) taken from the earning of order ${idOf(fine.order)}`,
      lines: [{ account: { system: 'writer_payable' }, debit: take }, { account: { system: 'fines_recovery' }, credit: take }],
    })
  }
  const rest = amount - take
  let receivableRow: number | null = null
  if (rest > 0) {
    const reference = `fine:${fine.id}:receivable`
    const row = await req.payload.create({
      collection: 'writer-earnings',
      data: { tenant, writer, order: idOf(fine.order), fine: fine.id, kind: 'fine', amount: rest, status: 'pending', reference },
      depth: 0, ...asSystem(proofOf(req)), req,
    })
    receivableRow = row.id
    await post(req, tenant, {
      reference,
      type: 'writer_fine',
      memo: `Fine ${fine.id} (${fine.type}) owed by the writer, recovered from their next payout`,
      lines: [{ account: { system: 'writer_receivable' }, debit: rest }, { account: { system: 'fines_recovery' }, credit: rest }],
    })
  }
  return req.payload.update({
    collection: 'fines',
    id: fine.id,
    data: { effect: { ...fine.effect, appliedAt: now.toISOString(), fromEarning: take, receivable: rest, receivableRow } },
    depth: 0, ...asSystem(proofOf(req)), req,
  })
}

/**
 * After a fine is created (the collection's afterChange, in the create's transaction):
 * under the order's locks, its money is taken now when the order has its earning, or
 * will have none (a finished or cancelled order, or no order); otherwise it waits and
 * `netOrderFines` takes it from the earning at completion. The writer is told.
 */
export const applyIssuedFine = async (req: PayloadRequest, fine: Fine): Promise<Fine> => {
  const orderId = idOf(fine.order)
  let earning: WriterEarning | null = null
  let applyNow = true
  if (orderId) {
    await lockRow(req, 'orders', orderId)
    await lockOrderEarning(req, orderId)
    earning = await orderEarningOf(req, orderId)
    if (!earning) {
      const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { status: true } })
      applyNow = NO_EARNING_TO_COME.includes(order.status as OrderStatus)
    }
  }
  const done = applyNow ? await applyFineMoney(req, fine, earning) : fine
  const tenant = idOf(fine.tenant)!
  const number = orderId ? (await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } })).number : null
  // The fined writer is told even when the fine came of their own request (a late submission): the platform fined them, not they.
  await notify(req, {
    event: 'fine.issued',
    recipients: [idOf(fine.writer)!],
    tenant,
    data: { fine: fine.id, order: orderId, number, type: fine.type, amount: fine.amount ?? null, currency: await websiteCurrency(req, tenant), reason: fine.reason },
    key: `fine.issued:${fine.id}`,
  })
  return done
}

/**
 * At completion (`postOrderEarning`): the order's fines issued before it had an earning
 * (a lateness fine at submission) and still standing are taken from the new earning,
 * oldest first; what the earning cannot cover becomes a receivable.
 */
export const netOrderFines = async (req: PayloadRequest, orderId: number, now = new Date()): Promise<void> => {
  const { docs } = await req.payload.find({
    collection: 'fines',
    where: { and: [{ order: { equals: orderId } }, { 'effect.appliedAt': { exists: false } }, { status: { not_in: ['waived', 'voided'] } }] },
    sort: 'id',
    pagination: false,
    depth: 0, ...asSystem(proofOf(req)), req,
  })
  for (const fine of docs) await applyFineMoney(req, fine, await orderEarningOf(req, orderId), now)
}

/**
 * The lateness fine (reference §7, §16: the automation the reference left dead): in the
 * `submit` action's transaction, when the writer submits after the writer deadline and
 * the website fines lateness, once per order — its reference `fine:lateness:order:<id>`
 * means a resubmission after a revision, a retried submit or a waived fine issue no
 * other. The base is the writer's pay by the frozen rate card, or the order's total.
 */
export const issueLatenessFine = async (req: PayloadRequest, order: Order, now: Date): Promise<Fine | null> => {
  const tenant = idOf(order.tenant)!
  const writer = idOf(order.writer)
  if (!writer) return null
  const hours = hoursLate(now, new Date(order.writerDeadline))
  if (hours <= 0) return null
  const settings = await websiteFines(req, tenant)
  if (!settings.latenessEnabled) return null
  const percent = latenessPercent(hours, latenessRuleOf(settings))
  if (percent <= 0) return null
  const reference = `fine:lateness:order:${order.id}`
  const { totalDocs } = await req.payload.count({ collection: 'fines', where: { reference: { equals: reference } }, ...asSystem(proofOf(req)), req })
  if (totalDocs > 0) return null
  const type = await websiteFineType(req, tenant, LATE_SUBMISSION)
  if (!type || !type.active) return null
  const amount = fineAmount(type, baseOf(order, settings.latenessBase), null, percent)
  return req.payload.create({
    collection: 'fines',
    data: {
      tenant,
      writer,
      order: order.id,
      type: LATE_SUBMISSION,
      amount,
      status: 'issued',
      reason: `Submitted ${hours.toFixed(1)} h after the writer deadline: ${percent} % of the ${settings.latenessBase === 'order_total' ? 'order total' : 'writer pay'}.`,
      hoursLate: Math.round(hours * 100) / 100,
      percent,
      reference,
    },
    depth: 0, ...asSystem(proofOf(req)), req,
  })
}
