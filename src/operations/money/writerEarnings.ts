import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { lockEarningOf } from '@/db/locks'
import { orderEarning, type RateCard } from '@/domain/writers/earnings'
import type { EarningKind } from '@/domain/payouts/windows'
import type { Order, SpecialOrder, WriterEarning } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

import { netOrderFines } from '../fines/issue'
import { post } from '../ledger/post'

/** The writer level's pay card as it stands now, to freeze onto an order at assignment. */
export const rateCardFor = async (req: PayloadRequest, tenant: number, writerId: number): Promise<RateCard | null> => {
  const writer = await req.payload.findByID({ collection: 'users', id: writerId, depth: 0, ...asSystem(proofOf(req)), req, select: { writerLevel: true } })
  const levelId = idOf(writer.writerLevel)
  const { docs } = await req.payload.find({
    collection: 'writer-levels',
    where: { and: [{ tenant: { equals: tenant } }, levelId ? { id: { equals: levelId } } : { isDefault: { equals: true } }] },
    depth: 0,
    limit: 1,
    ...asSystem(proofOf(req)),
    req,
  })
  const level = docs[0]
  if (!level) return null
  return {
    code: level.code,
    earningMode: level.earningMode,
    payPerPage: level.payPerPage,
    percentOfTotalBp: level.percentOfTotalBp ?? 0,
    urgentThresholdHours: level.urgentThresholdHours,
    urgentSurchargePerPage: level.urgentSurchargePerPage,
    urgentMultiplierBp: level.urgentMultiplierBp,
  }
}

/**
 * Work whose one earning refunds and cancellations take back: an order (`order_earning`)
 * or a special order (`special_order_earning`). Class earnings are per approved task and
 * stand once approved.
 */
export type EarnedWork = { link: 'order' | 'specialOrder'; kind: 'order_earning' | 'special_order_earning'; id: number; tenant: number; noun: string; number: string; total: number; amountPaid: number }

export const earnedOrder = (order: Order): EarnedWork => ({ link: 'order', kind: 'order_earning', id: order.id, tenant: idOf(order.tenant)!, noun: 'Order', number: order.number ?? String(order.id), total: order.total, amountPaid: order.amountPaid })

export const earnedSpecialOrder = (order: SpecialOrder): EarnedWork => ({
  link: 'specialOrder',
  kind: 'special_order_earning',
  id: order.id,
  tenant: idOf(order.tenant)!,
  noun: 'Special order',
  number: order.number ?? String(order.id),
  total: order.total ?? 0,
  amountPaid: order.amountPaid ?? 0,
})

const earningOfWork = async (req: PayloadRequest, work: Pick<EarnedWork, 'link' | 'kind' | 'id'>) =>
  (await req.payload.find({ collection: 'writer-earnings', where: { and: [{ [work.link]: { equals: work.id } }, { kind: { equals: work.kind } }, { status: { not_equals: 'voided' } }] }, depth: 0, limit: 1, ...asSystem(proofOf(req)), req })).docs[0] ?? null

const earningOf = (req: PayloadRequest, orderId: number) => earningOfWork(req, { link: 'order', kind: 'order_earning', id: orderId })

export type EarningPosting = {
  tenant: number
  writer: number
  /** What it pays for: an order, or a class and its task. */
  link: Pick<Partial<WriterEarning>, 'order' | 'classOrder' | 'classTask' | 'specialOrder'>
  kind: Extract<EarningKind, 'order_earning' | 'class_earning' | 'special_order_earning'>
  amount: number
  /** Unique: the same work never earns twice. */
  reference: string
  memo: string
  breakdown: Record<string, unknown>
}

/**
 * A writer's earning, pending for the next payout window, with its journal entry
 * (compensation expense → writer payable): the one way work earns money, for orders and
 * class tasks alike, so payouts and the ledger see them the same.
 */
export const postEarning = async (req: PayloadRequest, posting: EarningPosting): Promise<WriterEarning> => {
  const { tenant, writer, link, kind, amount, reference, memo, breakdown } = posting
  const created = await req.payload.create({
    collection: 'writer-earnings',
    data: { tenant, writer, ...link, kind, amount, status: 'pending', reference, breakdown },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await post(req, tenant, { reference, type: 'writer_earning', memo, lines: [{ account: { system: 'writer_compensation_expense' }, debit: amount }, { account: { system: 'writer_payable' }, credit: amount }] })
  return created
}

/**
 * At completion: the writer who completed the order earns what the frozen rate card
 * says, once per order (a reopened and completed again order keeps its one earning),
 * with its journal entry: compensation expense → writer payable; then less the order's
 * standing fines (`netOrderFines`).
 */
export const postOrderEarning = async (req: PayloadRequest, order: Order) => {
  const writer = idOf(order.writer)
  const card = order.rateCard as RateCard | null | undefined
  if (!writer || !card || (await earningOf(req, order.id))) return null
  const tenant = idOf(order.tenant)!
  const assignedAt = new Date(order.timestamps?.assignedAt ?? order.createdAt)
  const breakdown = orderEarning(card, { pages: order.pages, total: order.subtotal ?? order.total, assignedAt, writerDeadline: new Date(order.writerDeadline) })
  if (breakdown.total === 0) {
    // Nothing earned: the order's standing fines are owed as receivables.
    await netOrderFines(req, order.id)
    return null
  }
  const reference = `earning:order:${order.id}`
  const created = await postEarning(req, { tenant, writer, link: { order: order.id }, kind: 'order_earning', amount: breakdown.total, reference, memo: `Order ${order.number}`, breakdown: { ...breakdown, level: card.code } })
  // Fines issued before the earning existed (lateness at submission) are netted from it
  // now: the earning is what the rate card says less those fines, never below 0.
  await netOrderFines(req, order.id)
  return req.payload.findByID({ collection: 'writer-earnings', id: created.id, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * The work is cancelled or refunded after its earning (reference §6.7): an earning still
 * waiting in an open window (pending, in no payout) is voided (its entry reversed); one
 * already in a payout batch or paid is answered by a reversal the writer owes back,
 * netted from their next payout. The earning's row lock is taken first, so a window
 * closing at the same moment either batches it before (→ reversal) or finds it voided.
 */
export const undoEarning = async (req: PayloadRequest, work: EarnedWork, why = 'cancelled') => {
  await lockEarningOf(req, work.link, work.id)
  const earning = await earningOfWork(req, work)
  if (!earning) return null
  const { tenant } = work
  const back = [{ account: { system: 'writer_payable' }, debit: earning.amount }, { account: { system: 'writer_compensation_expense' }, credit: earning.amount }]
  if (earning.status === 'pending' && !earning.payoutRecord) {
    await req.payload.update({ collection: 'writer-earnings', id: earning.id, data: { status: 'voided' }, depth: 0, ...asSystem(proofOf(req)), req })
    // Fines may have taken a pending earning down to nothing: there is nothing left to move back.
    if (earning.amount > 0) await post(req, tenant, { reference: `${earning.reference}:void`, type: 'reversal', memo: `${work.noun} ${work.number} ${why}: earning voided`, lines: back })
    return 'voided' as const
  }
  if (earning.amount <= 0) return null
  const reference = `${earning.reference}:reversal`
  await req.payload.create({
    collection: 'writer-earnings',
    data: { tenant, writer: idOf(earning.writer)!, [work.link]: work.id, kind: 'reversal', amount: earning.amount, status: 'pending', reference },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await post(req, tenant, { reference, type: 'reversal', memo: `${work.noun} ${work.number} ${why} after its earning went to payout: earning reversed`, lines: back })
  return 'reversed' as const
}

export const undoOrderEarning = (req: PayloadRequest, order: Order) => undoEarning(req, earnedOrder(order))

/**
 * Money given back on the work takes the writer's earning down with it while the
 * earning is not yet paid out (reference §6.5): still pending and in no payout batch.
 * A refund of everything the work held voids the earning; a partial one lowers it by
 * the refunded share of the work's total (rounded to the cent), with its own entry, so
 * the ledger and the next payout window see the lower amount. An earning already in a
 * batch or paid is left alone: the writer was paid for work delivered. Runs under the
 * work's lock; takes the earning's, as the window close does.
 */
export const earningAfterRefund = async (req: PayloadRequest, work: EarnedWork, refunded: number, refundId: number) => {
  await lockEarningOf(req, work.link, work.id)
  const earning = await earningOfWork(req, work)
  if (!earning || earning.status !== 'pending' || earning.payoutRecord) return null
  if (work.amountPaid - refunded <= 0) return undoEarning(req, work)
  const deduction = Math.min(earning.amount, Math.round((earning.amount * refunded) / Math.max(1, work.total)))
  if (deduction <= 0) return null
  const breakdown = (earning.breakdown ?? {}) as Record<string, unknown>
  const deductions = [...((breakdown.refundDeductions as unknown[] | undefined) ?? []), { refund: refundId, amount: deduction }]
  await req.payload.update({ collection: 'writer-earnings', id: earning.id, data: { amount: earning.amount - deduction, breakdown: { ...breakdown, refundDeductions: deductions } }, depth: 0, ...asSystem(proofOf(req)), req })
  await post(req, work.tenant, {
    reference: `${earning.reference}:refund:${refundId}`,
    type: 'reversal',
    memo: `${work.noun} ${work.number}: ${refunded} cents refunded, the earning lowered by ${deduction}`,
    lines: [{ account: { system: 'writer_payable' }, debit: deduction }, { account: { system: 'writer_compensation_expense' }, credit: deduction }],
  })
  return 'lowered' as const
}
