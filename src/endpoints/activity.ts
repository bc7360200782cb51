import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { activityFeed } from '@/operations/audit/activity'

import { parseQuery } from './parseQuery'

const activityQuery = z.object({
  before: schemas.id.optional().describe('Items older than this activity id (the previous answer’s `nextBefore`).'),
  limit: z.coerce.number().int().min(1, { error: 'From 1 to 50.' }).max(50, { error: 'From 1 to 50.' }).default(20).describe('Items per answer, 1–50 (20 by default).'),
})

export const activityAnswer = z.object({
  docs: z
    .array(
      z.object({
        id: z.number().int(),
        at: schemas.isoDate,
        kind: z.enum(['change', 'workflow', 'security', 'access']),
        action: z.string().describe('create, update, delete, a workflow action’s name (approve, cancel…), login, login_failed, login_throttled, logout, password_reset, password_reset_throttled, file_download…'),
        collection: z.string().nullable(),
        record: z.number().int().nullable(),
        by: z.enum(['you', 'staff', 'writer', 'client', 'platform', 'someone']).describe('Who acted: you, staff, a writer, a client, the platform, or someone unknown (a failed login to your account).'),
        fields: z.array(z.string()).describe('The fields the change touched that you may read: names only, never values.'),
      }),
    )
    .max(50),
  nextBefore: z.number().int().nullable().describe('Pass as `before` for older items; null at the end.'),
})

/** GET /api/activity → the caller's feed of what happened to their records. */
export const activityEndpoint: Endpoint = documented(
  {
    path: '/activity',
    method: 'get',
    handler: async (req) => Response.json(await activityFeed(req, parseQuery(req, activityQuery))),
  },
  {
    summary: 'My activity',
    tags: ['activity'],
    description: [
      'What happened to the records that name the caller (their orders, payments, fines, files, their own account — logins included), newest first, from the audit trail.',
      'Only records the caller may read now appear, and a change lists only the names of the fields the caller may read: never the values, never another person’s record.',
      '**400** naming `before` or `limit` when out of range, **401** without a login.',
    ].join('\n\n'),
    auth: 'required',
    query: activityQuery,
    responses: { 200: activityAnswer },
    errors: [400, 401],
  },
)
