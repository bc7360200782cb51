import type { Endpoint } from 'payload'

import { writerSuggestions } from '@/operations/orders/writerSuggestions'

import { routeId } from './routeId'

/**
 * GET /api/orders/:id/writer-suggestions (admins of the order's website) →
 * `{ order: { id, number, status, writerDeadline, hoursLeft, deadline }, suggestions:
 * [{ writer: { id, name, email }, eligible, load: { active, limit }, onTimeRate, reasons }] }`.
 */
export const writerSuggestionsEndpoint: Endpoint = {
  path: '/:id/writer-suggestions',
  method: 'get',
  handler: async (req) => Response.json(await writerSuggestions(req, routeId(req))),
}
