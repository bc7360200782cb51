import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockFineEarnings, lockRow } from '@/db/locks'
import { ClientError } from '@/errors'
import type { Fine, WriterEarning } from '@/payload-types'

import { post } from '../ledger/post'

import { orderEarningOf } from './issue'


const receivableRowOf = async (req: PayloadRequest, fine: Fine): Promise<WriterEarning | null> => {
  const id = idOf(fine.effect?.receivableRow)
  return id ? req.payload.findByID({ collection: 'writer-earnings', id, depth: 0, ...asSystem(proofOf(req)), req }) : null
}

/** The order, then the fine's earning rows in id order: a window closing meanwhile either batched them before or waits. */
const lockFine = async (req: PayloadRequest, fine: Fine) => {
  const orderId = idOf(fine.order)
  if (orderId) await lockRow(req, 'orders', orderId)
  await lockFineEarnings(req, orderId, idOf(fine.effect?.receivableRow))
}

/** A receivable the writer still owes: pending, in no payout, not written off. */
export const receivableOutstanding = (fine: Fine, row: WriterEarning | null): boolean =>
  Boolean(row && row.status === 'pending' && !row.payoutRecord && !(fine.effect?.writtenOff ?? 0))

export const fineReceivableOutstanding = async (req: PayloadRequest, fine: Fine): Promise<boolean> => receivableOutstanding(fine, await receivableRowOf(req, fine))

/** A `fine_refund` row: money of a lifted fine the writer had already lost, paid with their next payout. */
const refundRow = async (req: PayloadRequest, fine: Fine, part: 'earning' | 'receivable', amount: number) => {
  const tenant = idOf(fine.tenant)!
  const reference = `fine:${fine.id}:refund:${part}`
  await req.payload.create({
    collection: 'writer-earnings',
    data: { tenant, writer: idOf(fine.writer)!, order: idOf(fine.order), fine: fine.id, kind: 'fine_refund', amount, status: 'pending', reference },
    depth: 0, ...asSystem(proofOf(req)), req,
  })
  await post(req, tenant, {
    reference,
    type: 'writer_fine_reversal',
    memo: `Fine ${fine.id} lifted: ${amount} cents given back with the next payout`,
    lines: [{ account: { system: 'fines_recovery' }, debit: amount }, { account: { system: 'writer_payable' }, credit: amount }],
  })
}

/**
 * A fine is waived or voided (reference §7: "waiving or voiding adds it back"), once
 * (a waived fine later voided gives nothing back twice), with reversing entries:
 * - the part taken from the order's earning raises that earning again while it is
 *   pending and unbatched; once batched or paid it comes back as a `fine_refund` row for
 *   the next payout; when the earning was voided (the order cancelled) nothing was lost
 *   and only the fine's income is reversed;
 * - the receivable part: still owed → its row is voided; written off → the write-off is
 *   undone; recovered (in a payout) → a `fine_refund` row.
 * A fine still waiting for the order's earning has taken nothing; `netOrderFines` skips
 * lifted fines. Returns what the writer gets back.
 */
export const liftFine = async (req: PayloadRequest, fine: Fine, now: Date): Promise<{ restored: number; fine: Fine }> => {
  if (fine.effect?.liftedAt) return { restored: 0, fine }
  const tenant = idOf(fine.tenant)!
  const orderId = idOf(fine.order)
  const effect = fine.effect ?? {}
  let restored = 0
  if (effect.appliedAt) {
    const fromEarning = effect.fromEarning ?? 0
    await lockFine(req, fine)
    if (fromEarning > 0 && orderId) {
      const earning = await orderEarningOf(req, orderId)
      if (earning && earning.status === 'pending' && !earning.payoutRecord) {
        const breakdown = (earning.breakdown ?? {}) as Record<string, unknown>
        const lifted = [...((breakdown.liftedFines as unknown[] | undefined) ?? []), { fine: fine.id, amount: fromEarning }]
        await req.payload.update({ collection: 'writer-earnings', id: earning.id, data: { amount: earning.amount + fromEarning, breakdown: { ...breakdown, liftedFines: lifted } }, depth: 0, ...asSystem(proofOf(req)), req })
        await post(req, tenant, {
          reference: `fine:${fine.id}:lift:earning`,
          type: 'writer_fine_reversal',
          memo: `Fine ${fine.id} lifted: the earning of order ${orderId} raised back`,
          lines: [{ account: { system: 'fines_recovery' }, debit: fromEarning }, { account: { system: 'writer_payable' }, credit: fromEarning }],
        })
        restored += fromEarning
      } else if (earning) {
        await refundRow(req, fine, 'earning', fromEarning)
        restored += fromEarning
      } else {
        // The earning was voided with the order: the writer lost nothing to this fine.
        await post(req, tenant, {
          reference: `fine:${fine.id}:lift:earning`,
          type: 'writer_fine_reversal',
          memo: `Fine ${fine.id} lifted after order ${orderId} was cancelled: its income reversed`,
          lines: [{ account: { system: 'fines_recovery' }, debit: fromEarning }, { account: { system: 'writer_compensation_expense' }, credit: fromEarning }],
        })
      }
    }
    const receivable = effect.receivable ?? 0
    const row = await receivableRowOf(req, fine)
    if (receivable > 0 && row) {
      const writtenOff = effect.writtenOff ?? 0
      if (writtenOff > 0) {
        await post(req, tenant, {
          reference: `fine:${fine.id}:lift:writeoff`,
          type: 'writer_fine_reversal',
          memo: `Fine ${fine.id} lifted: its write-off undone`,
          lines: [{ account: { system: 'fines_recovery' }, debit: writtenOff }, { account: { system: 'fines_written_off' }, credit: writtenOff }],
        })
      } else if (row.status === 'pending' && !row.payoutRecord) {
        await req.payload.update({ collection: 'writer-earnings', id: row.id, data: { status: 'voided' }, depth: 0, ...asSystem(proofOf(req)), req })
        await post(req, tenant, {
          reference: `fine:${fine.id}:lift:receivable`,
          type: 'writer_fine_reversal',
          memo: `Fine ${fine.id} lifted: what the writer owed is cancelled`,
          lines: [{ account: { system: 'fines_recovery' }, debit: receivable }, { account: { system: 'writer_receivable' }, credit: receivable }],
        })
      } else {
        await refundRow(req, fine, 'receivable', receivable)
        restored += receivable
      }
    }
  }
  const updated = await req.payload.update({ collection: 'fines', id: fine.id, data: { effect: { ...effect, liftedAt: now.toISOString(), restored } }, depth: 0, ...asSystem(proofOf(req)), req })
  return { restored, fine: updated }
}

/**
 * An admin gives up what the writer still owes for a fine (the `writeOff` action): the
 * receivable row is voided so no payout nets it, and the loss is booked
 * (Dr fines written off / Cr writer receivable). The fine's income stays: the fine stands.
 */
export const writeOffFine = async (req: PayloadRequest, fine: Fine, now: Date): Promise<{ writtenOff: number; fine: Fine }> => {
  await lockFine(req, fine)
  const row = await receivableRowOf(req, fine)
  // Read again under the locks: a window may have batched it since the guard looked.
  if (!row || !receivableOutstanding(fine, row)) throw new ClientError('The fine leaves nothing outstanding to write off.', 422, { action: 'writeOff' })
  const tenant = idOf(fine.tenant)!
  await req.payload.update({ collection: 'writer-earnings', id: row.id, data: { status: 'voided' }, depth: 0, ...asSystem(proofOf(req)), req })
  await post(req, tenant, {
    reference: `fine:${fine.id}:writeoff`,
    type: 'writer_fine_writeoff',
    memo: `Fine ${fine.id}: ${row.amount} cents owed by the writer written off`,
    lines: [{ account: { system: 'fines_written_off' }, debit: row.amount }, { account: { system: 'writer_receivable' }, credit: row.amount }],
  })
  const updated = await req.payload.update({ collection: 'fines', id: fine.id, data: { effect: { ...fine.effect, writtenOff: row.amount, writtenOffAt: now.toISOString() } }, depth: 0, ...asSystem(proofOf(req)), req })
  return { writtenOff: row.amount, fine: updated }
}
