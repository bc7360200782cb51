import { z } from 'zod'

import { TICKET_CATEGORIES, TICKET_PRIORITIES } from './workflow'

/**
 * What a client or writer gives to open a ticket (`POST /api/tickets`, GraphQL
 * `createTicket`). Everything else (number, opener, status, assignee, SLA) is the
 * server's; unknown keys are dropped.
 */
export const OPEN_TICKET = z.object({
  subject: z.string({ error: 'Required: what the ticket is about.' }).trim().min(3, 'At least 3 characters.').max(200, 'At most 200 characters.'),
  description: z.string({ error: 'Required: describe the problem.' }).trim().min(1, 'Required: describe the problem.').max(10_000, 'At most 10,000 characters.'),
  category: z.enum(TICKET_CATEGORIES, { error: `One of: ${TICKET_CATEGORIES.join(', ')}.` }).default('general'),
  priority: z.enum(TICKET_PRIORITIES, { error: `One of: ${TICKET_PRIORITIES.join(', ')}.` }).default('normal'),
  order: z.number({ error: 'An order id (a whole number).' }).int().positive().nullish(),
  attachments: z.array(z.number().int().positive(), { error: 'A list of attachment ids.' }).max(10, 'At most 10 attachments.').optional(),
})
export type OpenTicketInput = z.infer<typeof OPEN_TICKET>

/** `POST /api/ticket-messages`: a reply (or, for staff, an internal note) on a ticket. */
export const TICKET_MESSAGE = z.object({
  ticket: z.number({ error: 'Required: the ticket’s id.' }).int().positive(),
  body: z.string({ error: 'Required: the message.' }).trim().min(1, 'Required: the message.').max(10_000, 'At most 10,000 characters.'),
  internal: z.boolean({ error: 'true or false.' }).default(false),
  attachments: z.array(z.number().int().positive(), { error: 'A list of attachment ids.' }).max(10, 'At most 10 attachments.').optional(),
})
export type TicketMessageInput = z.infer<typeof TICKET_MESSAGE>
