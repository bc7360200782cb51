import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { dueBreaches, type SlaState, slaDueDates, slaTargetsOf } from '@/domain/tickets/sla'
import { statusAfterReply, TICKET_WORKFLOW, type TicketActor, ticketStaff } from '@/domain/tickets/workflow'
import { SYSTEM } from '@/domain/workflow/define'
import { refuseField } from '@/errors'
import type { Ticket, TicketMessage } from '@/payload-types'
import { actorAs } from '@/operations/workflow/websiteActor'

import { partiesOfRecord } from '../audit/parties'
import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'

import { attachableFiles, attachFiles } from './attachments'
import { mayHoldTickets, nextAgent } from './assign'
import { websiteTickets } from './settings'
import { tellOfTicket, websiteAdmins } from './tell'

const lockTicket = async (req: PayloadRequest, id: number): Promise<Ticket> => {
  await lockRow(req, 'tickets', id)
  return req.payload.findByID({ collection: 'tickets', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const date = (value: string | null | undefined): Date | null => (value ? new Date(value) : null)

export const slaOf = (ticket: Ticket): SlaState => ({
  firstResponseDueAt: date(ticket.sla?.firstResponseDueAt),
  resolutionDueAt: date(ticket.sla?.resolutionDueAt),
  firstRespondedAt: date(ticket.sla?.firstRespondedAt),
  firstResponseBreachedAt: date(ticket.sla?.firstResponseBreachedAt),
  resolutionBreachedAt: date(ticket.sla?.resolutionBreachedAt),
})

type Context = { facts: { status: Ticket['status']; closedAt: Date | null; reopenWindowHours: number; sla: SlaState }; actor: TicketActor | typeof SYSTEM }

/** The users a ticket names but its opener: the audit row of a staff-only action (a note, a breach) is not in the opener's activity feed. */
const staffParties = (req: PayloadRequest, ticket: Ticket): number[] => partiesOfRecord(req, 'tickets', ticket as unknown as Record<string, unknown>).filter((id) => id !== idOf(ticket.opener))

const update = (req: PayloadRequest, id: number, data: Partial<Ticket>) => req.payload.update({ collection: 'tickets', id, data, depth: 0, ...asSystem(proofOf(req)), req })

/** A reply or internal note: the message row, its files tied to it. */
const writeMessage = async (req: PayloadRequest, ticket: Ticket, author: number, byStaff: boolean, internal: boolean, input: Record<string, unknown>): Promise<TicketMessage> => {
  const tenant = idOf(ticket.tenant)!
  const files = Array.isArray(input.attachments) ? (input.attachments as number[]) : []
  await attachableFiles(req, files, { tenant, author }, 'ticket-messages')
  const message = await req.payload.create({
    collection: 'ticket-messages',
    data: { tenant, ticket: ticket.id, author, byStaff, internal, body: String(input.body), attachments: files, opener: idOf(ticket.opener) },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await attachFiles(req, files, { tenant, author, ticket: ticket.id, opener: idOf(ticket.opener)!, message: message.id, internal })
  return message
}

/**
 * Tickets on the one workflow pattern: take and assign (the assignee must be support or
 * an admin of the website), reply (a staff reply answers the opener and is the first
 * response; the opener's hands it back), internal notes (staff only, told to the
 * assignee, never to the opener), escalate, close, reopen (its SLA clock for resolution
 * starts again), and the platform's `flagBreach`: each missed target flagged once, the
 * assignee and the website's admins alerted; a missed first response goes to the next
 * agent by load (or escalates when there is none), a missed resolution escalates; a
 * breached ticket nobody holds is given to the next agent by load.
 */
export const TICKET_SUBJECT = defineSubject({
  collection: 'tickets',
  workflow: TICKET_WORKFLOW,
  lock: lockTicket,
  context: async (req, ticket: Ticket, actor): Promise<Context> => {
    const tenant = idOf(ticket.tenant)!
    const settings = await websiteTickets(req, tenant)
    const facts = { status: ticket.status, closedAt: date(ticket.closedAt), reopenWindowHours: settings.reopenWindowHours, sla: slaOf(ticket) }
    const who = actorAs(actor, tenant, { opener: ticket.opener, assignee: ticket.assignee })
    return { facts, actor: who }
  },
  apply: async ({ req, doc, ctx, action, input, actor, now }) => {
    const tenant = idOf(doc.tenant)!
    const me = actor?.id ?? null
    const staff = ctx.actor !== SYSTEM && ticketStaff(ctx.actor)
    const opener = idOf(doc.opener)
    const assignee = idOf(doc.assignee)
    const reason = typeof input.reason === 'string' ? input.reason : null
    const event = (to: string, data: Record<string, unknown> = {}) => recordEvent(req, { collection: 'tickets', document: doc.id, tenant, action, actor: me, from: doc.status, to, reason, data })
    switch (action) {
      case 'take':
      case 'assign': {
        const agent = action === 'take' ? me! : Number(input.assignee)
        if (action === 'assign' && !(await mayHoldTickets(req, tenant, agent))) throw refuseField('tickets', 'assignee', 'assignee: must be a support agent or an admin of this website.', 400)
        const status = action === 'take' && doc.status === 'open' ? 'in_progress' : doc.status
        const ticket = await update(req, doc.id, { assignee: agent, assignedAt: now.toISOString(), status })
        const written = await event(status, { assignee: agent, previous: assignee })
        await tellOfTicket(req, ticket, 'ticket.assigned', [agent, opener], { actor: me, key: `ticket.assigned:${doc.id}:${written.id}` })
        return { doc: ticket, event: written }
      }
      case 'reply':
      case 'note': {
        const internal = action === 'note'
        const message = await writeMessage(req, doc, me!, staff, internal, input)
        const data: Partial<Ticket> = {}
        if (!internal) {
          data.status = statusAfterReply(doc.status, staff)
          if (staff && !doc.sla?.firstRespondedAt) data.sla = { ...doc.sla, firstRespondedAt: now.toISOString() }
          // A staff reply on a ticket nobody holds makes it theirs.
          if (staff && !assignee && me && (await mayHoldTickets(req, tenant, me))) Object.assign(data, { assignee: me, assignedAt: now.toISOString() })
        }
        const ticket = Object.keys(data).length > 0 ? await update(req, doc.id, data) : doc
        const written = await event(ticket.status, { message: message.id, internal })
        if (internal) await tellOfTicket(req, ticket, 'ticket.noted', [idOf(ticket.assignee)], { actor: me, key: `ticket.noted:${message.id}`, data: { message: message.id } })
        else await tellOfTicket(req, ticket, 'ticket.replied', [opener, idOf(ticket.assignee)], { actor: me, key: `ticket.replied:${message.id}`, data: { message: message.id } })
        return { doc: ticket, event: written, extra: { message }, ...(internal ? { parties: staffParties(req, ticket) } : {}) }
      }
      case 'escalate': {
        const ticket = await update(req, doc.id, { status: 'escalated', priority: 'critical', escalationReason: reason })
        const written = await event('escalated', { priority: doc.priority })
        await tellOfTicket(req, ticket, 'ticket.escalated', [opener, assignee, ...(await websiteAdmins(req, tenant))], { actor: me, key: `ticket.escalated:${doc.id}:${written.id}` })
        return { doc: ticket, event: written }
      }
      case 'close': {
        const resolution = typeof input.resolution === 'string' && input.resolution ? input.resolution : null
        const ticket = await update(req, doc.id, { status: 'closed', closedAt: now.toISOString(), resolution })
        const written = await event('closed')
        await tellOfTicket(req, ticket, 'ticket.closed', [opener, assignee], { actor: me, key: `ticket.closed:${doc.id}:${written.id}` })
        return { doc: ticket, event: written }
      }
      case 'reopen': {
        const targets = slaTargetsOf(await websiteTickets(req, tenant))
        const due = slaDueDates(targets, doc.priority, now)
        const status = assignee ? 'in_progress' : 'open'
        const ticket = await update(req, doc.id, {
          status,
          reopenCount: (doc.reopenCount ?? 0) + 1,
          resolution: null,
          sla: { ...doc.sla, resolutionDueAt: due.resolutionDueAt.toISOString(), resolutionBreachedAt: null },
        })
        const written = await event(status)
        await tellOfTicket(req, ticket, 'ticket.reopened', [opener, assignee], { actor: me, key: `ticket.reopened:${doc.id}:${written.id}` })
        return { doc: ticket, event: written }
      }
      case 'flagBreach': {
        const breaches = dueBreaches(ctx.facts.sla, now)
        const sla = { ...doc.sla }
        if (breaches.includes('firstResponse')) sla.firstResponseBreachedAt = now.toISOString()
        if (breaches.includes('resolution')) sla.resolutionBreachedAt = now.toISOString()
        const data: Partial<Ticket> = { sla }
        let reassignedTo: number | null = null
        // Nobody answered in time, or nobody holds the ticket at all (a missed resolution
        // with no assignee): the next agent by load takes over; with nobody else, it escalates.
        if (breaches.includes('firstResponse') || !assignee) {
          reassignedTo = await nextAgent(req, tenant, assignee)
          if (reassignedTo) Object.assign(data, { assignee: reassignedTo, assignedAt: now.toISOString() })
          else data.status = 'escalated'
        }
        if (breaches.includes('resolution')) data.status = 'escalated'
        const ticket = await update(req, doc.id, data)
        const written = await event(ticket.status, { breaches, assignee: reassignedTo, previous: assignee })
        const admins = await websiteAdmins(req, tenant)
        for (const breach of breaches) {
          await tellOfTicket(req, ticket, 'ticket.sla_breached', [idOf(ticket.assignee), assignee, ...admins], {
            actor: null,
            key: `ticket.sla_breached:${doc.id}:${breach}:${written.id}`,
            data: { breach },
            priority: doc.priority === 'critical' ? 'critical' : 'high',
          })
        }
        if (reassignedTo) await tellOfTicket(req, ticket, 'ticket.assigned', [reassignedTo], { actor: null, key: `ticket.assigned:${doc.id}:${written.id}` })
        return { doc: ticket, event: written, parties: staffParties(req, ticket) }
      }
    }
    throw new Error(`tickets: no change for ${String(action)}`)
  },
})
