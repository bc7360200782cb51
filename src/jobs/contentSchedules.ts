import type { Payload, Where } from 'payload'

import type { Schedule } from './schedules'

/** Payload's task for a document's scheduled publish or unpublish (`versions.drafts.schedulePublish`). */
export const SCHEDULE_PUBLISH_TASK = 'schedulePublish'

/** Jobs one tick runs at most; the rest wait for the next tick, 30 s later. */
export const PUBLISH_BATCH = 50

/**
 * Runs the scheduled publishes and unpublishes that are due at `now` through Payload's
 * queue. Payload picks due jobs itself (`waitUntil` before its clock, marked `processing`
 * as picked, so a job in process is not picked again) and its task updates the document as the user
 * who scheduled it (their access, and the collection's hooks: a publish the pre-publish
 * checks refuse fails, its error is kept on the job and logged, the document stays a
 * draft). The extra `waitUntil ≤ now` keeps a tick to its own clock.
 */
export const runScheduledPublishing = async (payload: Payload, now: Date, limit = PUBLISH_BATCH) => {
  const due: Where = {
    and: [{ taskSlug: { equals: SCHEDULE_PUBLISH_TASK } }, { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: now.toISOString() } }] }],
  }
  const { jobStatus = {}, remainingJobsFromQueried } = await payload.jobs.run({ queue: 'default', limit, where: due })
  const statuses = Object.values(jobStatus).map((s) => s.status)
  const result = { ran: statuses.length, failed: statuses.filter((s) => s !== 'success').length, remaining: remainingJobsFromQueried }
  if (result.failed > 0) payload.logger.warn({ schedule: 'content-scheduled-publishing', ...result }, 'scheduled publishing: some jobs failed (see payload-jobs)')
  return result
}

/** Content's timed jobs (DESIGN §8): the scheduled publishing of posts and pages. */
export const CONTENT_SCHEDULES: Schedule[] = [{ id: 'content-scheduled-publishing', everyMs: 30_000, run: ({ payload, now }) => runScheduledPublishing(payload, now) }]
