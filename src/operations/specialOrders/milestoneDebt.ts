import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { ClientError } from '@/errors'

/**
 * The installment a client's milestone is paid through (checkout's
 * `special_order_milestone`): another website's or another client's milestone does not
 * exist for the payer (404); one that takes no money (paid, waived, cancelled) → 422.
 * The installment path (`lockInvoiceDebt`) then locks the invoice and says what is owed.
 */
export const milestoneInstallment = async (req: PayloadRequest, tenant: number, payer: number, milestone: number): Promise<number> => {
  const { docs } = await req.payload.find({ collection: 'funding-milestones', where: { and: [{ id: { equals: milestone } }, { tenant: { equals: tenant } }, { client: { equals: payer } }] }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })
  const row = docs[0]
  if (!row) throw new ClientError(`milestone: there is no special order milestone ${milestone} of yours here.`, 404, { field: 'milestone' })
  if (row.status !== 'pending') throw new ClientError(`milestone: milestone ${row.sequence} (${row.label}) is ${row.status}; it takes no payment.`, 422, { field: 'milestone' })
  return idOf(row.installment)!
}
