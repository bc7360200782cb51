import type { Config } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, superadminRows } from '@/access/rules'

type JobsConfig = NonNullable<Config['jobs']>

// Payload's own job endpoints (/api/payload-jobs/run, /handle-schedules) and the Local
// API's `overrideAccess: false` calls default to "any signed-in user may run, queue or
// cancel jobs". The two routes are removed and nobody does that over the API here: the admin's scheduling goes through
// Payload's server function (Local API, the scheduling user recorded in the job), and
// our worker runs the queue (src/jobs/contentSchedules.ts).
const refuse = () => false

/**
 * The `jobs` key of the Payload config: Payload's queue holds the scheduled publish and
 * unpublish jobs of posts and pages (their `schedulePublish`); no `autoRun`, so the web
 * process never runs them. The `payload-jobs` collection is platform plumbing: superadmins
 * read it (under Platform), nobody writes it through the API.
 */
export const payloadJobs: JobsConfig = {
  access: { run: refuse, queue: refuse, cancel: refuse },
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    endpoints: [],
    admin: {
      ...defaultJobsCollection.admin,
      ...navigation('Platform'),
      defaultColumns: ['id', 'taskSlug', 'waitUntil', 'processing', 'hasError', 'completedAt'],
      description: 'Payload’s job queue: scheduled publishing and unpublishing of posts and pages. Run by the worker.',
    },
    access: { read: superadminRows, create: nobody, update: nobody, delete: nobody },
  }),
}

