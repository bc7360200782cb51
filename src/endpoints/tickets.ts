import type { Endpoint } from 'payload'
import { z } from 'zod'

import { readableDoc } from '@/access/readableDoc'
import { docOf, documented } from '@/api/openapi/describe'
import { TICKET_MESSAGE } from '@/domain/tickets/input'
import { toValidationError } from '@/operations/toValidationError'
import { performAction } from '@/operations/workflow/performAction'
import type { Ticket, TicketMessage } from '@/payload-types'

import { readJsonBody } from './readJsonBody'

/**
 * `POST /api/ticket-messages` `{ ticket, body, internal?, attachments? }`: a reply on a
 * ticket, or with `internal: true` a staff-only note — the ticket's `reply` or `note`
 * action, so the same rules, lock, timeline and notifications as the action panel.
 */
export const ticketMessageEndpoint: Endpoint = documented(
  {
    path: '/',
    method: 'post',
    handler: async (req) => {
      const parsed = TICKET_MESSAGE.safeParse(await readJsonBody(req))
      if (!parsed.success) throw toValidationError(parsed.error, 'ticket-messages', req)
      const { ticket, internal, ...input } = parsed.data
      const answer = await performAction(req, 'tickets', ticket, internal ? 'note' : 'reply', input)
      // The records as the caller may read them, as every action's answer (an opener never gets the breach flags or the escalation note).
      const doc = await readableDoc(req, 'ticket-messages', answer.extra?.message as TicketMessage)
      return Response.json({ doc, ticket: await readableDoc(req, 'tickets', answer.doc as Ticket), event: answer.event }, { status: 201 })
    },
  },
  {
    summary: 'Reply on a support ticket',
    description: [
      'The ticket’s opener (a client or writer) or its website’s support and admins add a message. `internal: true` makes it a staff-only note (support and admins only: **403** for the opener), which the opener never reads. A staff reply answers the opener (`awaiting_response`) and is the ticket’s first response; the opener’s reply hands it back (`in_progress`). `attachments` are ids of files the author uploaded to `/api/ticket-attachments` and attached nowhere yet.',
      '**400** naming the field; **404** for a ticket the caller cannot read; **409** on a closed ticket (reopen it first).',
    ].join('\n\n'),
    tags: ['tickets'],
    auth: 'required',
    body: TICKET_MESSAGE,
    responses: { 201: z.object({ doc: docOf('ticket-messages'), ticket: docOf('tickets'), event: z.object({}).catchall(z.unknown()) }) },
    errors: [400, 401, 403, 404, 409],
  },
)
