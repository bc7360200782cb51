import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import type { NotificationPriority } from '@/domain/notifications/types'
import type { Ticket } from '@/payload-types'

import { notify } from '../notifications/notify'

/** The admins of a website: told of escalations and SLA breaches. */
export const websiteAdmins = async (req: PayloadRequest, tenant: number): Promise<number[]> => {
  const rows = await execute<{ id: number }>(
    req,
    sql`SELECT u.id FROM users u
        WHERE EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value = 'admin')
          AND EXISTS (SELECT 1 FROM users_tenants m WHERE m._parent_id = u.id AND m.tenant_id = ${tenant})
        ORDER BY u.id`,
  )
  return rows.map((row) => Number(row.id))
}

/**
 * Tells `recipients` of a ticket's event (never the actor, who knows), in the caller's
 * transaction, under `key`: one key per occurrence, so a second reply is never taken for
 * a retry of the first.
 */
export const tellOfTicket = async (
  req: PayloadRequest,
  ticket: Ticket,
  event: string,
  recipients: readonly (number | { id: number } | null | undefined)[],
  { actor, key, data = {}, priority }: { actor: number | null; key: string; data?: Record<string, unknown>; priority?: NotificationPriority },
): Promise<void> => {
  const to = [...new Set(recipients.map((r) => idOf(r ?? null)).filter((id): id is number => id !== null && id !== actor))]
  if (to.length === 0) return
  await notify(req, {
    event,
    recipients: to,
    tenant: idOf(ticket.tenant)!,
    data: { id: ticket.id, number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority, ...data },
    key,
    ...(priority ? { priority } : {}),
  })
}
