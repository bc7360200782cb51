import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { buildFundingPlan, fundingStatusOf, type PlannedMilestone, type PlanTerms } from '@/domain/specialOrders/funding'
import type { FundingMilestone, SpecialOrder } from '@/payload-types'

import { discountRefusal } from '../discounts/evaluate'
import { issuePlanInvoice } from '../funding/issuePlanInvoice'
import { notify } from '../notifications/notify'

import { factOf } from './milestones'
import { websiteSpecialOrders } from './settings'

/**
 * The special order's funding plan for its accepted `price`, less the discount code the
 * client entered (refused where `discounts.allowOnSpecialOrders` is off), in the caller's transaction:
 * the milestones the website's settings give (`buildFundingPlan`), one plan invoice whose
 * installments they are (`issuePlanInvoice`, linked to the order), one milestone row per
 * installment, and the order awaiting its payment. The client is told the plan is ready.
 */
export const issueFundingPlan = async (req: PayloadRequest, order: SpecialOrder, price: number, terms: PlanTerms, actor: number | null, discountCode?: string): Promise<{ order: SpecialOrder; milestones: FundingMilestone[] }> => {
  const tenant = idOf(order.tenant)!
  const client = idOf(order.client)!
  const { website, settings } = await websiteSpecialOrders(req, tenant)
  if (discountCode?.trim() && website.settings?.discounts?.allowOnSpecialOrders === false) throw discountRefusal('not_eligible', 'discount codes do not apply to special orders on this website.')
  let planned: PlannedMilestone[] = []
  const { invoice, installments } = await issuePlanInvoice(req, {
    tenant: website,
    client,
    title: `Special order ${order.number}: ${order.title}`.slice(0, 200),
    lines: [{ description: `Special order ${order.number}: ${order.title}`.slice(0, 500), quantity: 1, unitAmount: price }],
    // The milestones are cut from what the client owes once a discount code took its share.
    installments: (owed) => (planned = buildFundingPlan(owed, settings, terms)).map((m) => ({ amount: m.amount, dueAt: m.dueAt })),
    discountCode,
    createdBy: actor,
    link: { specialOrder: order.id },
  })
  const total = invoice.total
  const milestones: FundingMilestone[] = []
  for (const [index, m] of planned.entries()) {
    milestones.push(
      await req.payload.create({
        collection: 'funding-milestones',
        data: { tenant, specialOrder: order.id, client, installment: installments[index]!.id, sequence: m.sequence, kind: m.kind, label: m.label, amount: m.amount, requiredBeforeStaffing: m.requiredBeforeStaffing, requiredBeforeDelivery: m.requiredBeforeDelivery, status: 'pending', dueAt: m.dueAt.toISOString() },
        depth: 0,
        ...asSystem(proofOf(req)),
        req,
      }),
    )
  }
  const updated = await req.payload.update({
    collection: 'special-orders',
    id: order.id,
    data: { total, currency: website.currency ?? 'USD', invoice: invoice.id, fundingStatus: fundingStatusOf(milestones.map(factOf)), status: 'awaiting_payment', acceptedAt: terms.now.toISOString(), requiresFullPayment: terms.requiresFullPayment ?? false },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await notify(req, {
    event: 'specialOrder.planIssued',
    recipients: [client].filter((id) => id !== actor),
    tenant,
    data: { specialOrder: order.id, number: order.number, title: order.title, total, currency: updated.currency, invoice: invoice.id },
    key: `specialOrder.planIssued:${order.id}:${invoice.id}`,
  })
  return { order: updated, milestones }
}
