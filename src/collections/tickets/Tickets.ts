import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody } from '@/access/rules'
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES } from '@/domain/tickets/workflow'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { actionPanelField } from '@/fields/actionPanel'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { stampTenant } from '@/hooks/stampTenant'
import { afterTicketOpened, prepareTicket } from '@/operations/tickets/open'

import { ticketRows, ticketStaffField } from './access'

const serverDate = (name: string, description: string) => serverOnlyField({ name, type: 'date' as const, admin: { description, date: { pickerAppearance: 'dayAndTime' as const } } })

/**
 * Support tickets (reference §9.2) on the workflow `tickets`: a client or writer of the
 * website opens one (`POST /api/tickets`, GraphQL `createTicket`: `prepareTicket`
 * validates it, numbers it TCK-000123 from the website's counter and sets its SLA
 * clock; `afterTicketOpened` assigns it round-robin by load). Everything after is a
 * workflow action (`/api/tickets/:id/actions`) or a message (`POST /api/ticket-messages`).
 * Support and admins read their websites' tickets; openers their own.
 */
export const Tickets: CollectionConfig<'tickets'> = {
  slug: 'tickets',
  lockDocuments: false,
  endpoints: workflowEndpoints('tickets'),
  admin: { ...navigation('People'), useAsTitle: 'subject', defaultColumns: ['number', 'subject', 'priority', 'status', 'assignee', 'opener', 'createdAt'] },
  access: { read: ticketRows('opener'), create: hasAnyRole('client', 'writer'), update: nobody, delete: nobody },
  hooks: {
    beforeValidate: [stampTenant],
    beforeChange: [({ data, req, operation }) => (operation === 'create' ? prepareTicket(req, data) : data)],
    afterChange: [({ doc, req, operation }) => (operation === 'create' ? afterTicketOpened(req, doc) : doc)],
  },
  fields: [
    actionPanelField(),
    // Set by the server on every create (not `required`: the admin's Create form would ask for it).
    serverOnlyField({ name: 'number', type: 'text', index: true, admin: { description: 'TCK-000123, numbered per website.' } }),
    setOnCreateField({ name: 'subject', type: 'text', required: true, maxLength: 200 }),
    setOnCreateField({ name: 'category', type: 'select', options: [...TICKET_CATEGORIES], defaultValue: 'general', required: true, index: true }),
    setOnCreateField({ name: 'priority', type: 'select', options: [...TICKET_PRIORITIES], defaultValue: 'normal', required: true, index: true }),
    setOnCreateField({ name: 'description', type: 'textarea', required: true, maxLength: 10_000 }),
    setOnCreateField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true, validate: () => true as const, admin: { description: 'An order of the opener’s, when the ticket is about one.' } }),
    setOnCreateField({
      name: 'attachments',
      type: 'relationship',
      relationTo: 'ticket-attachments',
      hasMany: true,
      // Checked by `prepareTicket`: files the opener uploaded and attached nowhere yet.
      validate: () => true as const,
    }),
    userRefField('opener', { serverOnly: true, description: 'The client or writer who opened it.' }),
    serverOnlyField({ name: 'openerRole', type: 'select', options: ['client', 'writer'] }),
    userRefField('assignee', { serverOnly: true, roles: ['support', 'admin'], description: 'The support agent working it (round-robin by load when opened; the take and assign actions).' }),
    serverDate('assignedAt', 'When the present assignee got it.'),
    statusField({ statuses: TICKET_STATUSES, defaultValue: 'open' }),
    {
      name: 'sla',
      type: 'group',
      admin: { description: 'Service-level targets by priority (the website’s settings) and their breaches, each flagged once by the schedule.' },
      fields: [
        serverDate('firstResponseDueAt', 'A staff reply is due by then.'),
        serverDate('resolutionDueAt', 'The ticket is due to be closed by then.'),
        serverDate('firstRespondedAt', 'The first staff reply.'),
        readableBy(ticketStaffField, serverDate('firstResponseBreachedAt', 'When the schedule flagged the missed first response.')),
        readableBy(ticketStaffField, serverDate('resolutionBreachedAt', 'When the schedule flagged the missed resolution.')),
      ],
    },
    readableBy(ticketStaffField, serverOnlyField({ name: 'escalationReason', type: 'textarea' })),
    serverOnlyField({ name: 'resolution', type: 'textarea', admin: { description: 'Given when it was closed.' } }),
    serverDate('closedAt', 'When it was last closed (the reopen window runs from here).'),
    serverOnlyField({ name: 'reopenCount', type: 'number', defaultValue: 0 }),
  ],
}
