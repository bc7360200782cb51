import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem } from '@/access/system'
import { deliveryRefusal } from '@/domain/specialOrders/funding'
import type { SpecialOrderSettings } from '@/domain/specialOrders/settings'

import { visibleRows } from '../gate'

import { factOf } from './milestones'
import { websiteSpecialOrders } from './settings'

/**
 * The client's special orders whose final files he may read: those the delivery gate
 * (`deliveryRefusal`, the one that guards `markReadyForDelivery` and `complete`) lets
 * through, from their milestones, the admin's unlock and the website's settings. Read
 * by the files' access, so the gate is the gate's and not restated as SQL. The orders
 * are read as the client (his own, on his websites); what follows about them as the system.
 */
export const openDeliveriesOf = async (req: PayloadRequest, client: number): Promise<number[]> => {
  const { docs: orders, proof } = await visibleRows(req, 'special-orders', {
    and: [{ client: { equals: client } }, { status: { not_in: ['inquiry', 'quote_pending', 'quote_sent'] } }],
  })
  if (!proof || orders.length === 0) return []
  const { docs: milestones } = await req.payload.find({
    collection: 'funding-milestones',
    where: { specialOrder: { in: orders.map((o) => o.id) } },
    depth: 0,
    limit: 0,
    pagination: false,
    ...asSystem(proof),
    req,
  })
  const settingsOf = new Map<number, SpecialOrderSettings>()
  const open: number[] = []
  for (const order of orders) {
    const tenant = idOf(order.tenant)!
    if (!settingsOf.has(tenant)) settingsOf.set(tenant, (await websiteSpecialOrders(req, tenant)).settings)
    const facts = milestones.filter((m) => idOf(m.specialOrder) === order.id).map(factOf)
    const plan = { milestones: facts, deliveryUnlocked: order.deliveryUnlocked ?? false, requiresFullPayment: order.requiresFullPayment ?? false }
    if (deliveryRefusal(plan, settingsOf.get(tenant)!) === null) open.push(order.id)
  }
  return open
}
