import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { MONEY_MEASURES } from '@/domain/dashboard/moneyDays'
import { ORDER_COUNTERS } from '@/domain/dashboard/orderCounters'
import { REQUEST_KINDS, REQUEST_STATUSES } from '@/domain/orders/requests'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { MAX_RECORD_ID } from '@/domain/recordId'
import { actorOf } from '@/access/actor'
import { cachedDashboard, DASHBOARD_CACHE_TTL_MS } from '@/operations/dashboard/answerCache'
import { CONTENT_COLLECTIONS } from '@/operations/dashboard/contentWork'
import { staffDashboard } from '@/operations/dashboard/staffDashboard'

import { parseQuery } from './parseQuery'

const WEBSITE_ID = 'The id of a website.'

/** `?tenant=`: a website's id, or nothing (or empty) for all of the caller's. */
const dashboardQuery = z.object({
  tenant: z
    .union([z.literal(''), z.string().regex(/^\d{1,10}$/, WEBSITE_ID).transform(Number).pipe(z.number().min(1, WEBSITE_ID).max(MAX_RECORD_ID, WEBSITE_ID))], { error: WEBSITE_ID })
    .optional()
    .describe('One of the caller’s websites; none means all of theirs.'),
})

const id = z.number().int()
const count = z.number().int().min(0)
/** A link to the admin list of exactly the rows counted. */
const link = z.string()
const figures = z.object(Object.fromEntries(MONEY_MEASURES.map((measure) => [measure, schemas.minor])) as Record<(typeof MONEY_MEASURES)[number], typeof schemas.minor>)
const queueOrder = z.object({ id, number: z.string(), topic: z.string().nullish(), status: z.enum(ORDER_STATUSES), clientDeadline: z.string().nullish(), writerDeadline: z.string().nullable(), website: id.nullable(), link })
const openRequest = z.object({
  id,
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(REQUEST_STATUSES),
  reason: z.string().nullable(),
  createdAt: schemas.isoDate,
  website: id.nullable(),
  order: z.object({ id: id.nullable(), number: z.string().optional(), status: z.enum(ORDER_STATUSES).optional(), topic: z.string().nullish() }),
  link,
})
const requests = z.object({ count, requests: z.array(openRequest) })
const contentItem = z.object({
  id,
  collection: z.enum(CONTENT_COLLECTIONS),
  title: z.string(),
  website: id.nullable(),
  updatedAt: schemas.isoDate,
  link: link.describe('The document’s edit page in the admin.'),
})
const contentList = <T extends z.ZodRawShape>(extra: T) => z.object({ count, items: z.array(contentItem.extend(extra)) })

/** GET /api/dashboard's answer: the websites covered, one part per role the caller holds. */
export const dashboardAnswer = z.object({
  generatedAt: schemas.isoDate,
  tenant: id.nullable().describe('The website named by `?tenant=`, or null for all of the caller’s.'),
  websites: z.array(z.object({ id, name: z.string(), slug: z.string(), currency: schemas.currency, timeZone: z.string() })),
  admin: z
    .object({
      orders: z.object({
        byStatus: z.object(Object.fromEntries(ORDER_STATUSES.map((status) => [status, count])) as Record<(typeof ORDER_STATUSES)[number], typeof count>),
        counters: z.object(Object.fromEntries(ORDER_COUNTERS.map((counter) => [counter, z.object({ count, link })])) as Record<(typeof ORDER_COUNTERS)[number], z.ZodObject<{ count: typeof count; link: typeof link }>>),
      }),
      money: z.array(z.object({ website: id, currency: schemas.currency, timeZone: z.string(), days: z.array(figures.extend({ day: z.string() })), totals: figures })),
      payoutRequests: z.object({ count, link, byWebsite: z.array(z.object({ website: id, currency: schemas.currency, count, amount: schemas.minor })) }),
      outbox: z.object({ pending: count, dispatched: count, failed: count, oldestPendingSeconds: count.nullable(), link: link.nullable() }),
    })
    .nullable()
    .optional()
    .describe('Admins and superadmins: null when they hold no website.'),
  editor: z.object({ qaQueue: z.object({ count, orders: z.array(queueOrder) }) }).optional().describe('Editors: orders in QA review or editing, the nearest client deadline first.'),
  support: z.object({ disputes: requests, holds: requests }).optional().describe('Support: open disputes and holds, oldest first.'),
  content: z
    .object({
      drafts: contentList({ live: z.boolean().describe('A published version is live: the draft holds unpublished changes.') }).describe('Posts and pages whose latest version is a draft, newest first.'),
      scheduled: contentList({
        job: id,
        action: z.enum(['publish', 'unpublish']),
        at: schemas.isoDate.nullable().describe('When it runs.'),
        error: z.string().nullable().describe('Why it failed (a pre-publish blocker, lost rights…); null while pending.'),
      }).describe('Scheduled publishes and unpublishes not yet done, failures (last 7 days) first, then the soonest.'),
      warnings: contentList({ warningCount: count }).describe('Published posts and pages with pre-publish warnings, newest first.'),
    })
    .optional()
    .describe('Content editors, admins and superadmins: the content work of their websites.'),
})

/** GET /api/dashboard[?tenant=<id>] (staff): role-aware figures, the admin dashboard's source. */
export const dashboardEndpoint: Endpoint = documented(
  {
    path: '/dashboard',
    method: 'get',
    handler: async (req) => {
      const tenant = parseQuery(req, dashboardQuery).tenant || null
      const fresh = /\bno-cache\b/i.test(req.headers.get('cache-control') ?? '')
      const body = await cachedDashboard(actorOf(req), tenant, () => staffDashboard(req, tenant), fresh)
      return new Response(body, { headers: { 'content-type': 'application/json' } })
    },
  },
  {
    summary: 'The staff dashboard’s figures',
    description: [
      'For staff: the admin home’s figures over their websites (or the one named by `?tenant=`), one part per role they hold.',
      `The answer is kept per caller for ${DASHBOARD_CACHE_TTL_MS / 1000} s: figures may be up to that old (\`generatedAt\` says when they were computed); a change of a website's settings shows at once. Send \`Cache-Control: no-cache\` for an answer computed now (the admin home does on each visit; pollers should not).`,
      '- `admin` (admins, superadmins): order counts by status; the overdue, unpaid, awaiting-staffing and in-QA counters, each with a `link` to its filtered admin list; revenue, refunds and writer pay per day over each website’s last 30 days from journal lines, per website in its currency and time zone (never added across websites); open payout requests; outbox health.\n- `editor`: the QA queue.\n- `support`: open disputes and holds.\n- `content` (content editors, admins, superadmins): posts and pages in draft, scheduled publishing (with failures and their reason), published ones with warnings; each links to its edit page.',
      '**400** naming `tenant` when it is not an id, **403** for non-staff, and naming `tenant` for a website not theirs (the admin’s website selector is a filter, never access), **404** naming `tenant` for no such website.',
    ].join('\n\n'),
    tags: ['dashboard'],
    auth: 'required',
    query: dashboardQuery,
    responses: { 200: dashboardAnswer },
    errors: [400, 401, 403, 404],
  },
)
