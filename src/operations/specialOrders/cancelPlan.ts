import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { PAYABLE_STATUSES } from '@/domain/invoices/totals'
import type { SpecialOrder } from '@/payload-types'

import { cancelInvoiceRow } from '../invoices/cancel'
import { recordEvent } from '../workflow/recordEvent'

import { milestonesOf } from './milestones'

/**
 * The order's plans stop asking for money: its invoices still open for payment are
 * cancelled (each on its own timeline, with the why), and its pending milestones too.
 * A cancelled order only had invoices with nothing paid; a refunded one may have a partly
 * paid one, whose balance is owed no more (`partlyPaidToo`). Under the plans' locks
 * (`lockSpecialOrderAndPlans`).
 */
export const cancelPlan = async (req: PayloadRequest, order: SpecialOrder, now: Date, why: { actor: number | null; reason: string; partlyPaidToo?: boolean }) => {
  const { docs: invoices } = await req.payload.find({ collection: 'invoices', where: { specialOrder: { equals: order.id } }, depth: 0, limit: 0, pagination: false, ...asSystem(proofOf(req)), req })
  for (const invoice of invoices) {
    const open = invoice.status === 'draft' || PAYABLE_STATUSES.includes(invoice.status)
    if (open && (invoice.amountPaid === 0 || why.partlyPaidToo)) {
      await cancelInvoiceRow(req, invoice.id, now)
      await recordEvent(req, { collection: 'invoices', document: invoice.id, tenant: idOf(order.tenant)!, action: 'cancel', actor: why.actor, from: invoice.status, to: 'cancelled', reason: why.reason })
    }
  }
  for (const m of await milestonesOf(req, order.id)) {
    if (m.status === 'pending') await req.payload.update({ collection: 'funding-milestones', id: m.id, data: { status: 'cancelled' }, depth: 0, ...asSystem(proofOf(req)), req })
  }
}
