import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { refuseField } from '@/errors'
import type { ClassOrder, ClassTask } from '@/payload-types'

import { allocateClassOrderNumber } from '../allocateOrderNumber'
import { staffOf } from '../gate'
import { websiteFeature } from '../websiteFeature'

type Ref = number | { id: number } | null | undefined
type ClassOrderData = Partial<ClassOrder> & Record<string, unknown>
type ClassTaskData = Partial<ClassTask> & Record<string, unknown>

const STAFF = ['admin', 'support'] as const

/** Whether `userId` is a user of website `tenant` with `role`. */
const memberWithRole = async (req: PayloadRequest, userId: number, tenant: number, role: 'client' | 'writer'): Promise<boolean> => {
  const user = await req.payload.findByID({ collection: 'users', id: userId, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req, select: { roles: true, tenants: true } })
  return Boolean(user?.roles?.includes(role) && user.tenants?.some((row) => idOf(row.tenant) === tenant))
}

/**
 * Checks a new class order and completes it (the collection's beforeChange on create):
 * the website offers class orders (`settings.features.allowClassOrders`, else 403); a
 * client's class is their own, staff name a client of the website (the class ending after it
 * starts is the field's own rule). The server numbers it and starts it `submitted`, unpaid.
 */
export const prepareClassOrder = async (req: PayloadRequest, data: ClassOrderData): Promise<ClassOrderData> => {
  const actor = actorOf(req)
  const tenant = idOf(data.tenant as Ref)
  if (!tenant) throw refuseField('class-orders', 'tenant', 'Required: the website the class order belongs to.', 400)
  if (!actor && req.payloadAPI !== 'local') throw refuseField('class-orders', 'client', 'Log in first.', 403)
  if (!(await websiteFeature(req, tenant, 'allowClassOrders'))) {
    throw refuseField('class-orders', 'tenant', 'Class orders are switched off on this website (settings.features.allowClassOrders).', 403)
  }
  let client: number | null
  // The server's own create (seed, fixtures) names the client as staff do.
  if (!actor || staffOf(actor, tenant, STAFF)) {
    client = idOf(data.client as Ref)
    if (!client) throw refuseField('class-orders', 'client', 'Required: the client the class is for.', 400)
    if (!(await memberWithRole(req, client, tenant, 'client'))) throw refuseField('class-orders', 'client', 'Must be a client of this website.', 400)
  } else if (actor.roles.includes('client') && actor.tenantIds.includes(tenant)) {
    client = actor.id
  } else {
    throw refuseField('class-orders', 'client', 'Only clients, admins and support of the website create class orders.', 403)
  }
  const number = await allocateClassOrderNumber(req, tenant)
  return { ...data, client, number, status: 'submitted', paymentStatus: 'unpaid', writer: null, amountPaid: 0, total: 0 }
}

/**
 * Checks a new class task (staff only, `POST /api/class-tasks`): its class is one of the
 * website and not over; the class's writer and client are copied onto it.
 */
export const prepareClassTask = async (req: PayloadRequest, data: ClassTaskData): Promise<ClassTaskData> => {
  const actor = actorOf(req)
  const tenant = idOf(data.tenant as Ref)
  if (!tenant) throw refuseField('class-tasks', 'tenant', 'Required: the website the task belongs to.', 400)
  // Staff add tasks; the server's own create (seed, fixtures) too.
  if (actor ? !staffOf(actor, tenant, STAFF) : req.payloadAPI !== 'local') throw refuseField('class-tasks', 'tenant', 'Only admins and support of the website add class tasks.', 403)
  const classId = idOf(data.classOrder as Ref)
  const found = classId ? await req.payload.findByID({ collection: 'class-orders', id: classId, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req }) : null
  if (!found || idOf(found.tenant) !== tenant) throw refuseField('class-tasks', 'classOrder', 'Must be a class order of this website.', 400)
  if (['completed', 'cancelled', 'archived'].includes(found.status)) throw refuseField('class-tasks', 'classOrder', `The class is ${found.status}: no new tasks.`, 409)
  return { ...data, status: 'pending', writer: idOf(found.writer), client: idOf(found.client), earned: 0 }
}
