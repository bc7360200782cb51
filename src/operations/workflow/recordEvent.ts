import type { PayloadRequest } from 'payload'

import type { WorkflowEvent } from '@/payload-types'

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

/** One row of a record's business timeline, in the caller's transaction. */
export const recordEvent = (req: PayloadRequest, event: EventInput): Promise<WorkflowEvent> =>
  req.payload.create({
    collection: 'workflow-events',
    data: { ...event, reason: event.reason ?? null, data: event.data ?? null },
    depth: 0,
    overrideAccess: true,
    req,
  })
