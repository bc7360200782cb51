import type { NamedGroupField, NumberField } from 'payload'

import { DEFAULT_TICKET_SETTINGS, type TicketSettings } from '@/domain/tickets/sla'

const minutes = (name: Exclude<keyof TicketSettings, 'reopenWindowHours'>, description: string): NumberField => ({
  name,
  type: 'number',
  min: 1,
  max: 60 * 24 * 60,
  defaultValue: DEFAULT_TICKET_SETTINGS[name],
  admin: { description },
})

/** Support tickets (reference §9.2): SLA targets per priority, in minutes, and the reopen window. */
export const ticketFields: NamedGroupField = {
  name: 'tickets',
  type: 'group',
  fields: [
    { name: 'reopenWindowHours', type: 'number', min: 0, max: 24 * 90, defaultValue: DEFAULT_TICKET_SETTINGS.reopenWindowHours, admin: { description: 'How long after closing the opener may reopen a ticket.' } },
    minutes('criticalFirstResponseMinutes', 'Critical: first staff reply within (minutes).'),
    minutes('criticalResolutionMinutes', 'Critical: closed within (minutes).'),
    minutes('highFirstResponseMinutes', 'High: first staff reply within (minutes).'),
    minutes('highResolutionMinutes', 'High: closed within (minutes).'),
    minutes('normalFirstResponseMinutes', 'Normal: first staff reply within (minutes).'),
    minutes('normalResolutionMinutes', 'Normal: closed within (minutes).'),
    minutes('lowFirstResponseMinutes', 'Low: first staff reply within (minutes).'),
    minutes('lowResolutionMinutes', 'Low: closed within (minutes).'),
  ],
}
