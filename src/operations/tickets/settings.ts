import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { DEFAULT_TICKET_SETTINGS, type TicketSettings } from '@/domain/tickets/sla'
import { withDefaults } from '@/domain/withDefaults'

/** The website's ticket settings, the defaults filling what it did not set. */
export const websiteTickets = async (req: PayloadRequest, tenant: number): Promise<TicketSettings> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  return withDefaults(DEFAULT_TICKET_SETTINGS, (website.settings as { tickets?: Partial<TicketSettings> | null } | null | undefined)?.tickets)
}
