import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import type { PayoutRecord } from '@/payload-types'

import { post } from '../ledger/post'

/**
 * A payout record is paid: the `fine` rows it nets were kept back from the writer's
 * payable, which now settles the receivable they stood for (Dr writer payable /
 * Cr writer receivable), and each fine records what was recovered. Runs in the pay
 * action's transaction under the record's lock.
 */
export const settleRecoveredFines = async (req: PayloadRequest, record: PayoutRecord, tenant: number) => {
  const ids = (record.earnings ?? []).map((e) => idOf(e)!)
  if (!ids.length) return
  const { docs } = await req.payload.find({ collection: 'writer-earnings', where: { and: [{ id: { in: ids } }, { kind: { equals: 'fine' } }] }, depth: 0, pagination: false, ...asSystem(proofOf(req)), req })
  const total = docs.reduce((sum, row) => sum + row.amount, 0)
  if (total <= 0) return
  await post(req, tenant, {
    reference: `payout:record:${record.id}:fines`,
    type: 'writer_fine_recovered',
    memo: `Payout record ${record.id}: fines recovered from the payout`,
    lines: [{ account: { system: 'writer_payable' }, debit: total }, { account: { system: 'writer_receivable' }, credit: total }],
  })
  for (const row of docs) {
    const fineId = idOf(row.fine)
    if (!fineId) continue
    const fine = await req.payload.findByID({ collection: 'fines', id: fineId, depth: 0, ...asSystem(proofOf(req)), req })
    await req.payload.update({ collection: 'fines', id: fineId, data: { effect: { ...fine.effect, recovered: (fine.effect?.recovered ?? 0) + row.amount } }, depth: 0, ...asSystem(proofOf(req)), req })
  }
}
