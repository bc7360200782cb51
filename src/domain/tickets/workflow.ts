import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { nobody, PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { dueBreaches, reopenRefusal, type SlaState } from './sla'

/** A support ticket's life (reference §9.2): opened, worked, waiting for the opener, escalated, closed. */
export const TICKET_STATUSES = ['open', 'in_progress', 'awaiting_response', 'escalated', 'closed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'critical'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

export const TICKET_CATEGORIES = ['general', 'payment', 'technical', 'order', 'feedback', 'other'] as const
export type TicketCategory = (typeof TICKET_CATEGORIES)[number]

/** Every status but closed: the ticket is still being worked. */
export const LIVE_TICKET_STATUSES = ['open', 'in_progress', 'awaiting_response', 'escalated'] as const satisfies readonly TicketStatus[]

/** Who the actor is to a ticket: staff of its website, its opener, its assignee. */
export type TicketActor = WebsiteActor & { opener: boolean; assignee: boolean }

export type TicketFacts = {
  status: TicketStatus
  /** When it was last closed (for the reopen window). */
  closedAt: Date | null
  /** The website's reopen window, in hours. */
  reopenWindowHours: number
  /** The SLA clock: a breach past due and not flagged yet is the schedule's `flagBreach`. */
  sla: SlaState
}

/** Support and admins of the ticket's website (superadmins anywhere): the people who work tickets. */
export const ticketStaff = staffOf('admin', 'support')
const opener = (actor: TicketActor): boolean => actor.opener
const openerOrStaff = (actor: TicketActor): boolean => opener(actor) || ticketStaff(actor)

const body = z.object({
  body: z.string({ error: 'Required: the message.' }).trim().min(1, 'Required: the message.').max(10_000, 'At most 10,000 characters.'),
  attachments: z.array(z.number().int().positive(), { error: 'A list of attachment ids.' }).max(10, 'At most 10 attachments.').optional(),
})

const reason = (what: string) => z.object({ reason: z.string({ error: `Required: ${what}.` }).trim().min(1, `Required: ${what}.`).max(2000) })

/**
 * Tickets as a workflow table. Opening is not an action (`POST /api/tickets`, the create
 * of a client or writer). Support and admins of the website take or assign a ticket;
 * a staff reply answers the opener (awaiting_response), the opener's reply hands it
 * back (in_progress); internal notes are staff-only and move nothing. Staff escalate;
 * staff or the opener close; the opener reopens within the website's window (staff at
 * any time). The platform flags SLA breaches (`flagBreach`), once each.
 */
export const TICKET_WORKFLOW = defineWorkflow<TicketStatus, TicketFacts, TicketActor, 'take' | 'assign' | 'reply' | 'note' | 'escalate' | 'close' | 'reopen' | 'flagBreach'>({
  noun: 'ticket',
  statuses: TICKET_STATUSES,
  system: { ...PLATFORM, opener: false, assignee: false },
  actions: {
    take: {
      label: 'Take it',
      from: LIVE_TICKET_STATUSES,
      who: ticketStaff,
      guard: (_facts, actor) => (actor.assignee ? 'The ticket is yours already.' : null),
      targets: ['in_progress'],
    },
    assign: {
      label: 'Assign to an agent',
      from: LIVE_TICKET_STATUSES,
      who: ticketStaff,
      targets: [],
      input: z.object({ assignee: z.number({ error: 'Required: the support agent’s id.' }).int().positive() }),
    },
    reply: { label: 'Reply', from: LIVE_TICKET_STATUSES, who: openerOrStaff, targets: ['in_progress', 'awaiting_response'], input: body },
    note: { label: 'Internal note', from: LIVE_TICKET_STATUSES, who: ticketStaff, targets: [], input: body },
    escalate: { label: 'Escalate', from: ['open', 'in_progress', 'awaiting_response'], who: ticketStaff, targets: ['escalated'], input: reason('why it is escalated') },
    close: {
      label: 'Close',
      from: LIVE_TICKET_STATUSES,
      who: openerOrStaff,
      targets: ['closed'],
      input: z.object({ resolution: z.string().trim().max(2000).optional() }),
    },
    reopen: {
      label: 'Reopen',
      from: ['closed'],
      who: openerOrStaff,
      guard: (facts, actor, now) => (ticketStaff(actor) ? null : reopenRefusal(facts.closedAt, facts.reopenWindowHours, now)),
      targets: ['open', 'in_progress'],
      input: z.object({ reason: z.string().trim().max(2000).optional() }),
    },
    flagBreach: {
      label: 'Flag an SLA breach',
      from: LIVE_TICKET_STATUSES,
      who: nobody,
      guard: (facts, _actor, now) => (dueBreaches(facts.sla, now).length > 0 ? null : 'No SLA target of the ticket is past due unflagged.'),
      targets: ['escalated'],
    },
  },
})

/**
 * Where a reply leads: a staff reply answers the opener (awaiting_response); the
 * opener's reply on an answered ticket hands it back (in_progress); otherwise it stays.
 */
export const statusAfterReply = (status: TicketStatus, byStaff: boolean): TicketStatus => {
  if (byStaff) return 'awaiting_response'
  return status === 'awaiting_response' ? 'in_progress' : status
}

/** TCK-000123: a website's ticket number from its counter. */
export const formatTicketNumber = (sequence: number): string => `TCK-${String(sequence).padStart(6, '0')}`
