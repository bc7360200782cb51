import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody } from '@/access/rules'
import { ticketMessageEndpoint } from '@/endpoints/tickets'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

import { ticketRows } from './access'

/**
 * The conversation of a ticket: replies and staff-only internal notes. Written only by
 * the ticket's `reply` and `note` actions (`POST /api/ticket-messages` or the action
 * panel). Support and admins read their websites'; the opener reads their tickets'
 * replies and never an internal note (rows with `internal` are not theirs to find).
 */
export const TicketMessages: CollectionConfig<'ticket-messages'> = {
  slug: 'ticket-messages',
  lockDocuments: false,
  endpoints: [ticketMessageEndpoint],
  admin: { ...navigation('People'), defaultColumns: ['ticket', 'author', 'internal', 'createdAt'] },
  access: { read: ticketRows('opener', { hideInternal: true }), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'ticket', type: 'relationship', relationTo: 'tickets', required: true, index: true }),
    userRefField('author', { serverOnly: true }),
    serverOnlyField({ name: 'byStaff', type: 'checkbox', defaultValue: false }),
    serverOnlyField({ name: 'internal', type: 'checkbox', defaultValue: false, index: true, admin: { description: 'A staff-only note: never shown to the opener.' } }),
    serverOnlyField({ name: 'body', type: 'textarea', required: true, maxLength: 10_000 }),
    serverOnlyField({ name: 'attachments', type: 'relationship', relationTo: 'ticket-attachments', hasMany: true }),
    // The ticket's opener, copied so that read access is one equality, not a join.
    userRefField('opener', { serverOnly: true }),
  ],
}
