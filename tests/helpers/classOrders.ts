import { createLocalReq, type Payload } from 'payload'

import { performAction } from '@/operations/workflow/performAction'
import type { ClassOrder } from '@/payload-types'

import { userOf } from './tenantFixtures'

const DAY = 86_400_000

/** A submitted class order of the website's first client (the server's own create, through the collection's hook). */
export const classOrderFor = async (payload: Payload, tenantId: number, over: Partial<ClassOrder> = {}): Promise<ClassOrder> =>
  payload.create({
    collection: 'class-orders',
    data: {
      tenant: tenantId,
      client: await userOf(payload, tenantId, 'client'),
      title: `Class of website ${tenantId}`,
      institution: 'State University',
      className: 'Introduction to Statistics',
      classCode: 'STAT-101',
      academicLevel: 'undergrad',
      startDate: new Date(Date.now() + 7 * DAY).toISOString(),
      endDate: new Date(Date.now() + 107 * DAY).toISOString(),
      ...over,
    } as never,
    depth: 0,
  })

/** The class's price proposed by the platform (`review`, then `proposePrice`), and its open proposal's id. */
export const proposedClassFor = async (payload: Payload, tenantId: number, amount = 30_000) => {
  const classOrder = await classOrderFor(payload, tenantId)
  const req = await createLocalReq({}, payload)
  await performAction(req, 'class-orders', classOrder.id, 'review', {}, { system: true })
  await performAction(req, 'class-orders', classOrder.id, 'proposePrice', { amount }, { system: true })
  const { docs } = await payload.find({ collection: 'class-proposals', where: { classOrder: { equals: classOrder.id } }, depth: 0, limit: 1 })
  return { classOrder, proposal: docs[0]! }
}

/** A class whose proposal was accepted: its plan invoice and class installments exist. */
export const acceptedClassFor = async (payload: Payload, tenantId: number, amount = 30_000) => {
  const { classOrder, proposal } = await proposedClassFor(payload, tenantId, amount)
  await performAction(await createLocalReq({}, payload), 'class-proposals', proposal.id, 'accept', {}, { system: true })
  return { classOrder: await payload.findByID({ collection: 'class-orders', id: classOrder.id, depth: 0 }), proposal }
}

/**
 * A class of the website put straight into `status` with `writer` assigned (written as the
 * system after its create): for the credentials tests, which are not about the workflow.
 */
export const assignedClassFor = async (
  payload: Payload,
  tenantId: number,
  { client, writer = null, status = 'assigned' }: { client?: number; writer?: number | null; status?: ClassOrder['status'] } = {},
): Promise<ClassOrder> => {
  const created = await classOrderFor(payload, tenantId, client ? { client } : {})
  return payload.update({ collection: 'class-orders', id: created.id, data: { status, writer }, depth: 0 })
}
