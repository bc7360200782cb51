import type { PayloadRequest } from 'payload'

import { actorOf, hasRole, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { OPEN_TICKET } from '@/domain/tickets/input'
import { slaDueDates, slaTargetsOf } from '@/domain/tickets/sla'
import { ClientError, refuseField } from '@/errors'
import type { Ticket } from '@/payload-types'

import { allocateTicketNumber } from '../allocateOrderNumber'
import { toValidationError } from '../toValidationError'
import { recordEvent } from '../workflow/recordEvent'

import { attachableFiles, attachFiles } from './attachments'
import { nextAgent } from './assign'
import { websiteTickets } from './settings'
import { tellOfTicket, websiteAdmins } from './tell'

type TicketData = Partial<Ticket> & Record<string, unknown>

const ref = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * Checks a new ticket and completes it (the `tickets` collection's beforeChange on
 * create): the opener is a client or writer of the website; the input passes
 * `OPEN_TICKET` (400 naming the field); the order, when given, is one of the opener's
 * own (the client's, or the writer's current one); attachments are files the opener
 * uploaded and attached nowhere. The server numbers it, starts its SLA clock from the
 * website's targets for its priority, and opens it.
 */
export const prepareTicket = async (req: PayloadRequest, data: TicketData): Promise<TicketData> => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  if (!hasRole(actor, 'client', 'writer')) throw new ClientError('Clients and writers open support tickets.', 403)
  const tenant = idOf(data.tenant as number | { id: number } | null | undefined)
  if (!tenant || !actor.tenantIds.includes(tenant)) throw refuseField('tickets', 'tenant', 'tenant: a ticket belongs to your own website.', 400)
  const attachments = Array.isArray(data.attachments) ? data.attachments.map(ref) : data.attachments
  const parsed = OPEN_TICKET.safeParse({ ...data, order: ref(data.order), attachments })
  if (!parsed.success) throw toValidationError(parsed.error, 'tickets', req)
  const input = parsed.data
  const openerRole = hasRole(actor, 'client') ? 'client' : 'writer'
  if (input.order) {
    const order = await req.payload.findByID({ collection: 'orders', id: input.order, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req, select: { tenant: true, client: true, writer: true } })
    const own = order && idOf(order.tenant) === tenant && (openerRole === 'client' ? idOf(order.client) === actor.id : idOf(order.writer) === actor.id)
    if (!own) throw refuseField('tickets', 'order', 'order: must be one of your own orders on this website.', 400)
  }
  await attachableFiles(req, input.attachments ?? [], { tenant, author: actor.id }, 'tickets')
  const now = new Date()
  const due = slaDueDates(slaTargetsOf(await websiteTickets(req, tenant)), input.priority, now)
  return {
    ...data,
    ...input,
    order: input.order ?? null,
    attachments: input.attachments ?? [],
    tenant,
    number: await allocateTicketNumber(req, tenant),
    opener: actor.id,
    openerRole,
    assignee: null,
    assignedAt: null,
    status: 'open',
    sla: { firstResponseDueAt: due.firstResponseDueAt.toISOString(), resolutionDueAt: due.resolutionDueAt.toISOString(), firstRespondedAt: null, firstResponseBreachedAt: null, resolutionBreachedAt: null },
    closedAt: null,
    reopenCount: 0,
  }
}

/**
 * After a ticket is opened (afterChange, in the create's transaction): its files are
 * tied to it, it goes round-robin to the website's least loaded support agent, it is on
 * its timeline, and the agent is told (the website's admins when there is no agent).
 */
export const afterTicketOpened = async (req: PayloadRequest, doc: Ticket): Promise<Ticket> => {
  const tenant = idOf(doc.tenant)!
  const opener = idOf(doc.opener)!
  const now = new Date()
  const files = (doc.attachments ?? []).map((file) => idOf(file)!)
  await attachFiles(req, files, { tenant, author: opener, ticket: doc.id, opener, internal: false })
  const agent = await nextAgent(req, tenant)
  const ticket = agent
    ? await req.payload.update({ collection: 'tickets', id: doc.id, data: { assignee: agent, assignedAt: now.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req })
    : doc
  const event = await recordEvent(req, { collection: 'tickets', document: doc.id, tenant, action: 'open', actor: opener, from: 'open', to: 'open', data: { priority: doc.priority, category: doc.category, assignee: agent } })
  if (agent) await tellOfTicket(req, ticket, 'ticket.assigned', [agent], { actor: opener, key: `ticket.assigned:${doc.id}:${event.id}` })
  else await tellOfTicket(req, ticket, 'ticket.opened', await websiteAdmins(req, tenant), { actor: opener, key: `ticket.opened:${doc.id}` })
  return ticket
}
