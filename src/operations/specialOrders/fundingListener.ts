import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { fundingStatusOf, statusAfterFunding } from '@/domain/specialOrders/funding'
import { WAITING_FOR_MONEY } from '@/domain/specialOrders/workflow'

import type { FundingMilestone } from '@/payload-types'

import type { PlanListener } from '../funding/planListeners'
import { recordEvent } from '../workflow/recordEvent'

import { lockSpecialOrder } from './lock'
import { factOf, milestonesOf } from './milestones'
import { tellParties } from './tell'

/**
 * Money landed on a special order's plan invoice (in the settlement's transaction): each
 * installment now paid marks its milestone paid, the plan's funding status follows, and
 * an order waiting for its money moves to partially funded, or ready for staffing once
 * every milestone required before staffing is paid. On the order's timeline (`fund`) and
 * told to the client. Invoices of anything else are not this listener's.
 */
export const fundSpecialOrder: PlanListener = async (req, { invoice, installments, now }) => {
  const orderId = idOf(invoice.specialOrder)
  if (!orderId) return
  const order = await lockSpecialOrder(req, orderId)
  const rows = await milestonesOf(req, orderId)
  const paidNow = installments.filter((i) => i.status === 'paid').map((i) => i.id)
  const marked: FundingMilestone[] = []
  for (const m of rows) {
    if (m.status !== 'paid' && paidNow.includes(idOf(m.installment)!)) {
      marked.push(await req.payload.update({ collection: 'funding-milestones', id: m.id, data: { status: 'paid', paidAt: now.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req }))
    }
  }
  const facts = rows.map((m) => factOf(marked.find((x) => x.id === m.id) ?? m))
  const fundingStatus = fundingStatusOf(facts)
  const status = WAITING_FOR_MONEY.includes(order.status) ? statusAfterFunding(facts) : order.status
  const updated = await req.payload.update({ collection: 'special-orders', id: orderId, data: { amountPaid: invoice.amountPaid, fundingStatus, status }, depth: 0, ...asSystem(proofOf(req)), req })
  const paid = marked.reduce((sum, m) => sum + m.amount, 0)
  const event = await recordEvent(req, { collection: 'special-orders', document: orderId, tenant: idOf(order.tenant)!, action: 'fund', actor: null, from: order.status, to: status, data: { milestones: marked.map((m) => m.id), amountPaid: invoice.amountPaid, fundingStatus } })
  for (const m of marked) await tellParties(req, updated, 'milestonePaid', ['client'], null, `${event.id}:${m.id}`, { amount: m.amount, milestone: m.label })
  if (fundingStatus === 'funded' && order.fundingStatus !== 'funded') await tellParties(req, updated, 'funded', ['client'], null, event.id, { amount: paid })
}
