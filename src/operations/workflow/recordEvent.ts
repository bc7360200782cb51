import type { PayloadRequest } from 'payload'

import { enqueue } from '@/jobs/enqueue'
import type { WorkflowEvent } from '@/payload-types'

import { asSystem, proofOf } from '@/access/system'
import type { WorkflowCollection } from '@/domain/workflow/collections'

export type EventInput = {
  collection: WorkflowCollection
  document: number
  tenant: number
  action: string
  actor: number | null
  from: string
  to: string
  reason?: string | null
  data?: Record<string, unknown> | null
}

/**
 * One row of a record's business timeline, and the live event that tells the website's
 * staff (`<collection>.<action>`), in the caller's transaction: a rolled-back action
 * leaves neither.
 */
export const recordEvent = async (req: PayloadRequest, event: EventInput): Promise<WorkflowEvent> => {
  const written = await req.payload.create({
    collection: 'workflow-events',
    data: { ...event, reason: event.reason ?? null, data: event.data ?? null },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  const { tenant, collection, document, action, from, to } = event
  await enqueue(req, { type: 'live.event', tenant, payload: { audience: { staffOfTenant: tenant }, event: `${collection}.${action}`, data: { id: document, from, to, event: written.id } } })
  return written
}
