import type { Access, FieldAccess } from 'payload'

import { actorOf, hasRole } from '@/access/actor'
import { inActorTenants } from '@/access/where'

/** Support and admins of the website (superadmins everywhere) work tickets; other staff see none. */
const TICKET_STAFF = ['admin', 'support'] as const

/**
 * Tickets, their messages and attachments: support and admins read their websites'
 * rows; anyone else only rows of tickets they opened (`ownField`) on their website, and
 * never an internal one (a staff-only note or its files) when `hideInternal`.
 */
export const ticketRows =
  (ownField: string, { hideInternal = false, uploaderField }: { hideInternal?: boolean; uploaderField?: string } = {}): Access =>
  ({ req }) => {
    const actor = actorOf(req)
    if (!actor) return false
    const tenant = inActorTenants(actor)
    if (tenant === true) return true
    if (hasRole(actor, ...TICKET_STAFF)) return tenant
    const own = hideInternal ? { and: [{ [ownField]: { equals: actor.id } }, { internal: { not_equals: true } }] } : { [ownField]: { equals: actor.id } }
    // An uploader reads their own file before it is attached to a ticket.
    const mine = uploaderField ? { or: [own, { [uploaderField]: { equals: actor.id } }] } : own
    return { and: [tenant, mine] }
  }

/** A field only support, admins and superadmins read (breach flags, escalation notes). */
export const ticketStaffField: FieldAccess = ({ req }) => hasRole(actorOf(req), 'superadmin', ...TICKET_STAFF)
