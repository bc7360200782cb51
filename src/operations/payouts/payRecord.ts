import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { lockRow } from '@/db/locks'
import type { PayoutMethod } from '@/domain/payouts/settings'
import { partiesBut } from '@/domain/notifications/recipients'
import { asSystem, proofOf } from '@/access/system'
import type { PayoutRecord } from '@/payload-types'

import { post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { settleRecoveredFines } from '../fines/recover'
import { notify } from '../notifications/notify'
import { websiteCurrency } from '../notifications/websiteCurrency'

/**
 * An admin of the record's website has paid the writer outside the platform and marks
 * the payout record paid (the `pay` action, in its transaction under the record's row
 * lock): the writer payable is settled into the writer's wallet (`payout_settled`) and the
 * same amount leaves the wallet to platform cash (`writer_payout`), so the writer's
 * statement shows the payout and the wallet keeps only what was there; the record and
 * its earnings become paid; the batch's status follows; the writer is told. Fines the
 * record nets were owed as a receivable: the payable they kept back settles it.
 */
export const markRecordPaid = async (req: PayloadRequest, record: PayoutRecord, input: { method: PayoutMethod; externalReference: string }, by: number | null, now: Date) => {
  const recordId = record.id
  const tenant = idOf(record.tenant)!
  const writer = idOf(record.writer)!
  const wallet = await ensureWallet(req, tenant, writer, 'writer')
  const memo = `Payout record ${recordId} by ${input.method} (${input.externalReference})`
  await post(req, tenant, { reference: `payout:record:${recordId}:settle`, type: 'payout_settled', memo, lines: [{ account: { system: 'writer_payable' }, debit: record.amount }, { account: { wallet: wallet.id }, credit: record.amount }] })
  await post(req, tenant, { reference: `payout:record:${recordId}:disburse`, type: 'writer_payout', memo, lines: [{ account: { wallet: wallet.id }, debit: record.amount }, { account: { system: 'platform_cash' }, credit: record.amount }] })
  await settleRecoveredFines(req, record, tenant)
  const paidAt = now.toISOString()
  const paid = await req.payload.update({
    collection: 'payout-records',
    id: recordId,
    data: { status: 'paid', method: input.method, externalReference: input.externalReference, paidAt, paidBy: by },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  // One by one: a bulk update writes its documents concurrently on the one transaction.
  for (const id of (record.earnings ?? []).map((e) => idOf(e)!)) await req.payload.update({ collection: 'writer-earnings', id, data: { status: 'paid', paidAt }, depth: 0, ...asSystem(proofOf(req)), req })
  const batch = idOf(record.batch)!
  await lockRow(req, 'payout_batches', batch)
  const { totalDocs: unpaid } = await req.payload.count({ collection: 'payout-records', where: { and: [{ batch: { equals: batch } }, { status: { equals: 'pending' } }] }, ...asSystem(proofOf(req)), req })
  await req.payload.update({ collection: 'payout-batches', id: batch, data: { status: unpaid === 0 ? 'paid' : 'partially_paid' }, depth: 0, ...asSystem(proofOf(req)), req })
  await notify(req, {
    event: 'payout.paid',
    recipients: partiesBut(by, [writer]),
    tenant,
    data: { record: recordId, amount: record.amount, currency: await websiteCurrency(req, tenant), method: input.method, externalReference: input.externalReference },
    key: `payout.paid:${recordId}`,
  })
  return paid
}
