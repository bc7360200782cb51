import type { Payload } from 'payload'

import { LIVE_TICKET_STATUSES } from '@/domain/tickets/workflow'
import { performAction } from '@/operations/workflow/performAction'

import type { Schedule } from './schedules'
import { idsMatching, sweep } from './sweep'

const MINUTE_MS = 60 * 1000

/**
 * Live tickets with an SLA target past due and not flagged yet get the platform's
 * `flagBreach` (reference §9.2): flagged once under the ticket's lock (a second run, or
 * a reply meanwhile, finds nothing due: 422, counted as neither done nor failed),
 * alerted, a missed first response reassigned by load, a missed resolution escalated.
 */
export const flagTicketBreaches = (payload: Payload, now: Date) => {
  const at = now.toISOString()
  return sweep(
    payload,
    'tickets-sla',
    idsMatching(payload, 'tickets', {
      and: [
        { status: { in: [...LIVE_TICKET_STATUSES] } },
        {
          or: [
            { and: [{ 'sla.firstRespondedAt': { exists: false } }, { 'sla.firstResponseBreachedAt': { exists: false } }, { 'sla.firstResponseDueAt': { less_than_equal: at } }] },
            { and: [{ 'sla.resolutionBreachedAt': { exists: false } }, { 'sla.resolutionDueAt': { less_than_equal: at } }] },
          ],
        },
      ],
    }),
    async (id, req) => {
      await performAction(req, 'tickets', id, 'flagBreach', {}, { system: true, now })
      return true
    },
  )
}

/** Support tickets (reference §9.2). */
export const TICKET_SCHEDULES: Schedule[] = [{ id: 'tickets-sla', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => flagTicketBreaches(payload, now) }]
