import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { DEPOSIT_DUE_DAYS, fundingStatusOf } from '@/domain/specialOrders/funding'
import { ClientError, refuseField } from '@/errors'
import type { OrderRequest, SpecialOrder } from '@/payload-types'

import { issuePlanInvoice } from '../funding/issuePlanInvoice'

import { factOf, milestonesOf } from './milestones'
import { websiteSpecialOrders } from './settings'

const DAY_MS = 24 * 3600 * 1000

/** The special order's change request named in the input, in the status the action needs (400 naming `request`, 409 otherwise). */
const changeOf = async (req: PayloadRequest, order: SpecialOrder, id: number, status: OrderRequest['status']): Promise<OrderRequest> => {
  const { docs } = await req.payload.find({ collection: 'order-requests', where: { and: [{ id: { equals: id } }, { specialOrder: { equals: order.id } }, { kind: { equals: 'change' } }] }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })
  const found = docs[0]
  if (!found) throw refuseField('special-orders', 'request', `Must be a change request of special order ${order.number}.`, 400)
  if (found.status !== status) throw new ClientError(`The change request is ${found.status === 'in_progress' ? 'priced' : found.status}; it must be ${status === 'in_progress' ? 'priced' : status} for this.`, 409, { field: 'request' })
  return found
}

/** The client asks for a change (an `order-requests` row of kind change, pending). */
export const requestChange = (req: PayloadRequest, order: SpecialOrder, actor: number | null, description: string) =>
  req.payload.create({ collection: 'order-requests', data: { tenant: idOf(order.tenant)!, specialOrder: order.id, kind: 'change', status: 'pending', requestedBy: actor, description }, depth: 0, ...asSystem(proofOf(req)), req })

/** Staff put a price on a pending change: it waits for the client (in_progress). */
export const priceChange = async (req: PayloadRequest, order: SpecialOrder, id: number, amount: number, note: string | null) => {
  await changeOf(req, order, id, 'pending')
  return req.payload.update({ collection: 'order-requests', id, data: { status: 'in_progress', amount, ...(note ? { resolution: note } : {}) }, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * The client accepts a priced change: one more plan invoice (`issuePlanInvoice`, one
 * installment, linked to the special order) and a `change_request` milestone paid through
 * it, required before delivery where the website requires full payment; the order's
 * total grows by the change and its funding status follows. The request is done.
 */
export const acceptChange = async (req: PayloadRequest, order: SpecialOrder, id: number, actor: number | null, now: Date) => {
  const change = await changeOf(req, order, id, 'in_progress')
  const amount = change.amount ?? 0
  const tenant = idOf(order.tenant)!
  const { website, settings } = await websiteSpecialOrders(req, tenant)
  const rows = await milestonesOf(req, order.id)
  const sequence = rows.reduce((max, m) => Math.max(max, m.sequence), 0) + 1
  const label = `Change ${id}`
  const dueAt = new Date(now.getTime() + DEPOSIT_DUE_DAYS * DAY_MS)
  const { invoice, installments } = await issuePlanInvoice(req, {
    tenant: website,
    client: idOf(order.client)!,
    title: `Special order ${order.number}: change ${id}`,
    lines: [{ description: `Special order ${order.number}, change ${id}: ${(change.description ?? '').slice(0, 300)}`, quantity: 1, unitAmount: amount }],
    installments: [{ amount, dueAt }],
    createdBy: actor,
    link: { specialOrder: order.id },
  })
  const milestone = await req.payload.create({
    collection: 'funding-milestones',
    data: { tenant, specialOrder: order.id, client: idOf(order.client)!, installment: installments[0]!.id, sequence, kind: 'change_request', label, amount, requiredBeforeStaffing: false, requiredBeforeDelivery: settings.requireFullPaymentBeforeDelivery || (order.requiresFullPayment ?? false), status: 'pending', dueAt: dueAt.toISOString() },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await req.payload.update({ collection: 'order-requests', id, data: { status: 'done', decidedBy: actor, decidedAt: now.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req })
  const facts = [...rows.map(factOf), factOf(milestone)]
  return { data: { total: (order.total ?? 0) + amount, fundingStatus: fundingStatusOf(facts) }, invoice: invoice.id, milestone: milestone.id, amount }
}

/** The client turns a priced change down. */
export const rejectChange = async (req: PayloadRequest, order: SpecialOrder, id: number, actor: number | null, reason: string | null, now: Date) => {
  await changeOf(req, order, id, 'in_progress')
  return req.payload.update({ collection: 'order-requests', id, data: { status: 'rejected', decidedBy: actor, decidedAt: now.toISOString(), ...(reason ? { resolution: reason } : {}) }, depth: 0, ...asSystem(proofOf(req)), req })
}
