import type { Config } from 'payload'

import { actorOf, hasRole } from '@/access/actor'

/**
 * The minimal `jobs` settings that scheduled publishing (posts and pages) brings with it;
 * the jobs runtime (the worker calling `payload.jobs.run()`) owns the rest of this key.
 * Payload's HTTP routes `GET /api/payload-jobs/run` and `/handle-schedules` would let any
 * signed-in user run every due job: they are removed (the worker runs jobs in-process),
 * and running, queueing or cancelling through the API is for superadmins only. The admin's
 * schedule drawer queues through the Local API, which these rules do not stop.
 */
const superadmin = ({ req }: { req: Parameters<typeof actorOf>[0] }): boolean => hasRole(actorOf(req), 'superadmin')

export const contentJobs: NonNullable<Config['jobs']> = {
  access: { run: superadmin, queue: superadmin, cancel: superadmin },
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({ ...defaultJobsCollection, endpoints: [] }),
}
