import { eventBus } from '@/events/current'

import type { JobHandler } from '../handler'

/** Publishes after commit: the outbox row exists only if the change did. */
export const liveEvent: JobHandler<'live.event'> = async ({ data }) => {
  await eventBus().publish({ event: data.event, data: data.data, audience: data.audience })
}
