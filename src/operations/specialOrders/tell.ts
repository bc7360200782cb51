import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { partiesBut } from '@/domain/notifications/recipients'
import type { SpecialOrder } from '@/payload-types'

import { notify } from '../notifications/notify'

/**
 * Tells the special order's client and/or writer (never the actor) of one of its main
 * steps (`specialOrder.<what>`, declared in the notification catalogue), once per
 * timeline event.
 */
export const tellParties = async (req: PayloadRequest, order: SpecialOrder, what: string, who: readonly ('client' | 'writer')[], actor: number | null, eventId: number | string, data: Record<string, unknown> = {}) => {
  const recipients = partiesBut(actor, who.map((role) => idOf(order[role])))
  if (recipients.length === 0) return
  await notify(req, {
    event: `specialOrder.${what}`,
    recipients,
    tenant: idOf(order.tenant)!,
    data: { specialOrder: order.id, number: order.number, title: order.title, total: order.total, currency: order.currency, ...data },
    key: `specialOrder.${what}:${order.id}:${eventId}`,
  })
}
