import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { classOrderSettings, type ClassOrderSettings } from '@/domain/classOrders/settings'
import { partiesBut } from '@/domain/notifications/recipients'
import type { ClassInstallment, ClassOrder, Tenant } from '@/payload-types'

import { notify } from '../notifications/notify'
import { websiteCurrency } from '../notifications/websiteCurrency'
import { recordEvent } from '../workflow/recordEvent'

/** The class order, locked for the rest of the transaction. */
export const lockClassOrder = async (req: PayloadRequest, id: number): Promise<ClassOrder> => {
  await lockRow(req, 'class_orders', id)
  return req.payload.findByID({ collection: 'class-orders', id, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * The class's plan invoice first, then the class: the order a payment's settlement takes
 * them in (invoice, then the plan listener's class), so a workflow action that touches the
 * invoice (cancel, refund) queues behind a payment instead of deadlocking with it.
 */
export const lockClassOrderAndPlan = async (req: PayloadRequest, id: number): Promise<ClassOrder> => {
  await execute(req, sql`SELECT id FROM invoices WHERE class_order_id = ${id} ORDER BY id FOR UPDATE`)
  return lockClassOrder(req, id)
}

/** The website's class-order settings, the defaults filling what it did not set, and the website. */
export const websiteClassSettings = async (req: PayloadRequest, tenant: number): Promise<{ settings: ClassOrderSettings; website: Tenant }> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req })
  return { settings: classOrderSettings(website.settings?.classOrders), website }
}

/** The class's installments, in plan order. */
export const classInstallmentsOf = async (req: PayloadRequest, classOrder: number): Promise<ClassInstallment[]> =>
  (await req.payload.find({ collection: 'class-installments', where: { classOrder: { equals: classOrder } }, sort: 'sequence', limit: 0, depth: 0, ...asSystem(proofOf(req)), req })).docs

/** The plan's first installment (the deposit, or the first part without one) is paid or waived. */
export const depositPaidOf = (installments: readonly ClassInstallment[]): boolean => {
  const first = installments[0]
  return first !== undefined && (first.status === 'paid' || first.status === 'waived')
}

/** A change of the class made by another record's action or by a payment: its timeline row. */
export const classEvent = (req: PayloadRequest, doc: ClassOrder, action: string, actor: number | null, to: string, data: Record<string, unknown> = {}, reason: string | null = null) =>
  recordEvent(req, { collection: 'class-orders', document: doc.id, tenant: idOf(doc.tenant)!, action, actor, from: doc.status, to, reason, data })

/** Tells the class's people (never the actor) of `event`, with the class's facts; `occurrence` (a timeline event's id) makes it once per occurrence. */
export const tellClass = async (req: PayloadRequest, doc: ClassOrder, event: string, who: readonly (number | null)[], actor: number | null, occurrence: number | string, data: Record<string, unknown> = {}) => {
  const recipients = partiesBut(actor, who)
  if (recipients.length === 0) return
  const tenant = idOf(doc.tenant)!
  await notify(req, {
    event,
    recipients,
    tenant,
    data: { classOrder: doc.id, number: doc.number, title: doc.title, currency: await websiteCurrency(req, tenant), ...data },
    key: `${event}:${doc.id}:${occurrence}`,
  })
}
