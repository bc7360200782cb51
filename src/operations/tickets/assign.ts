import type { PayloadRequest } from 'payload'

import { lockKey } from '@/db/locks'
import { execute, sql } from '@/db/execute'
import { type AgentLoad, pickAgent } from '@/domain/tickets/assignment'
import { LIVE_TICKET_STATUSES } from '@/domain/tickets/workflow'

/**
 * The website's support agents (role support, member of the website) with their load:
 * tickets of the website in their hands and not closed, and when they were last given
 * one. One statement, in the request's transaction.
 */
export const agentLoads = async (req: PayloadRequest, tenant: number): Promise<AgentLoad[]> => {
  const live = sql.join(
    LIVE_TICKET_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )
  const rows = await execute<{ id: number; load: string; last: string | Date | null }>(
    req,
    sql`SELECT u.id,
          (SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = ${tenant} AND t.assignee_id = u.id AND t.status IN (${live})) AS load,
          (SELECT MAX(t.assigned_at) FROM tickets t WHERE t.tenant_id = ${tenant} AND t.assignee_id = u.id) AS last
        FROM users u
        WHERE EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value = 'support')
          AND EXISTS (SELECT 1 FROM users_tenants m WHERE m._parent_id = u.id AND m.tenant_id = ${tenant})`,
  )
  return rows.map((row) => ({ id: Number(row.id), load: Number(row.load), lastAssignedAt: row.last ? new Date(row.last) : null }))
}

/** Whether `user` is a support agent or admin of the website (who may hold a ticket). */
export const mayHoldTickets = async (req: PayloadRequest, tenant: number, user: number): Promise<boolean> => {
  const rows = await execute(
    req,
    sql`SELECT 1 FROM users u
        WHERE u.id = ${user}
          AND EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value IN ('support', 'admin'))
          AND EXISTS (SELECT 1 FROM users_tenants m WHERE m._parent_id = u.id AND m.tenant_id = ${tenant})`,
  )
  return rows.length > 0
}

/**
 * The agent the next ticket of the website goes to (round-robin by load), or null when
 * it has none. Assignments on one website are serialised by an advisory lock held to the
 * end of the transaction, so two tickets opened at once see each other's load.
 */
export const nextAgent = async (req: PayloadRequest, tenant: number, except: number | null = null): Promise<number | null> => {
  await lockKey(req, `tickets:assign:${tenant}`)
  return pickAgent((await agentLoads(req, tenant)).filter((agent) => agent.id !== except))
}
