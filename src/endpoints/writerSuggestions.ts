import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { writerSuggestions } from '@/operations/orders/writerSuggestions'

import { idParams, routeId } from './routeId'

/** GET /api/orders/:id/writer-suggestions's answer: the order's deadline, and the website's writers ranked for it. */
export const writerSuggestionsAnswer = z.object({
  order: z.object({
    id: z.number().int(),
    number: z.string(),
    status: z.enum(ORDER_STATUSES),
    writerDeadline: schemas.isoDate,
    hoursLeft: z.number().int().describe('Whole hours to the writer deadline (negative once past).'),
    deadline: z.string().describe('How the deadline weighs in the ranking, in words.'),
  }),
  suggestions: z.array(
    z.object({
      writer: z.object({ id: z.number().int(), name: z.string(), email: z.string() }),
      eligible: z.boolean(),
      load: z.object({ active: z.number().int().min(0), limit: z.number().int().min(0) }),
      onTimeRate: z.number().min(0).max(1).nullable().describe('Share of delivered orders submitted by the writer deadline; null with no history.'),
      reasons: z.array(z.string()),
    }),
  ),
})

/**
 * GET /api/orders/:id/writer-suggestions (admins of the order's website) →
 * `{ order: { id, number, status, writerDeadline, hoursLeft, deadline }, suggestions:
 * [{ writer: { id, name, email }, eligible, load: { active, limit }, onTimeRate, reasons }] }`.
 */
export const writerSuggestionsEndpoint: Endpoint = documented(
  {
    path: '/:id/writer-suggestions',
    method: 'get',
    handler: async (req) => Response.json(await writerSuggestions(req, routeId(req))),
  },
  {
    summary: 'Writers to assign to an order, ranked',
    description: [
      'For admins of the order’s website: its writers, eligible first (not suspended, under their level’s limit of active orders: the assign action’s rule and words in `reasons`), then by on-time rate (submitted by the writer deadline) and spare capacity, the rate weighing more under 24 hours to the deadline. The order’s writer, or the one it waits on, is not suggested again.',
      '**403** for other roles, **404** when the caller cannot see the order.',
    ].join('\n\n'),
    auth: 'required',
    params: idParams,
    responses: { 200: writerSuggestionsAnswer },
    errors: [401, 403, 404],
  },
)
