import type { PayloadRequest } from 'payload'

import type { NotifyInput } from '@/domain/notifications/types'
import { enqueue } from '@/jobs/enqueue'

/**
 * Tells people of an event, in the caller's transaction (outbox rows: a rolled-back change
 * tells nobody). The one entry point every operation calls; channels, preferences,
 * digests and mail are its business, not the caller's.
 */
export const notify = async (req: PayloadRequest, input: NotifyInput): Promise<void> => {
  for (const user of new Set(input.recipients)) {
    await enqueue(req, { type: 'live.event', tenant: input.tenant, payload: { audience: { user }, event: input.event, data: input.data } })
  }
}
