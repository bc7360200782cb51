import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { adminListLink, tenantCondition } from '@/domain/dashboard/adminLinks'
import { ledgerWindowStart, type MoneyDayRow, websiteMoney } from '@/domain/dashboard/moneyDays'
import { type OrderCountRow, orderFigures } from '@/domain/dashboard/orderCounters'
import { cents, LEDGER_LINES, LEDGER_MEASURES as m } from '@/operations/ledger/measures'

import type { DashboardScope } from './scope'

type Num = string | number | null

/**
 * The admin's figures over the scope's websites, in four aggregate statements: orders by
 * website and status (with those past their client deadline), the ledger's revenue,
 * refunds and writer pay by website and the website's own day, open payout requests, and
 * the outbox. Counts are summed over the websites (they have no currency); money stays
 * per website, in its currency and its days, never added across websites.
 */
export const adminFigures = async (req: PayloadRequest, { actor, websites, named }: DashboardScope, now: Date) => {
  const ids = websites.map((w) => w.id)
  if (ids.length === 0) return null
  const orderRows = await execute<{ tenant: number; status: string; count: number; past_deadline: number }>(
    req,
    sql`SELECT tenant_id AS tenant, status, count(*)::int AS count, (count(*) FILTER (WHERE client_deadline < ${now.toISOString()}))::int AS past_deadline
        FROM orders WHERE tenant_id IN ${ids} GROUP BY tenant_id, status`,
  )
  const dayRows = await execute<{ tenant: number; day: string; revenue: Num; refunds: Num; writer_pay: Num }>(
    req,
    sql`SELECT e.tenant_id AS tenant, to_char(e.created_at AT TIME ZONE COALESCE(t.settings_time_zone, 'UTC'), 'YYYY-MM-DD') AS day,
          ${m.revenue} AS revenue, ${m.refunds} AS refunds, ${m.writerPay} AS writer_pay
        FROM ${LEDGER_LINES} JOIN tenants t ON t.id = e.tenant_id
        WHERE e.tenant_id IN ${ids} AND e.created_at >= ${ledgerWindowStart(now).toISOString()}
        GROUP BY 1, 2`,
  )
  const payoutRows = await execute<{ tenant: number; count: number; amount: Num }>(
    req,
    sql`SELECT tenant_id AS tenant, count(*)::int AS count, sum(amount) AS amount FROM payout_requests WHERE status = 'pending' AND tenant_id IN ${ids} GROUP BY tenant_id`,
  )
  // A superadmin over every website also sees the platform's own rows (no website).
  const everything = actor.allTenants && named === null
  const [outbox] = await execute<{ pending: number; dispatched: number; failed: number; oldest_pending: string | Date | null }>(
    req,
    sql`SELECT (count(*) FILTER (WHERE status = 'pending'))::int AS pending, (count(*) FILTER (WHERE status = 'dispatched'))::int AS dispatched,
          (count(*) FILTER (WHERE status = 'failed'))::int AS failed, min(created_at) FILTER (WHERE status = 'pending') AS oldest_pending
        FROM outbox ${everything ? sql`` : sql`WHERE tenant_id IN ${ids}`}`,
  )

  const orders = orderFigures(
    orderRows.map((r): OrderCountRow => ({ tenant: r.tenant, status: r.status, count: r.count, pastDeadline: r.past_deadline })),
    now,
    named,
  )
  const days = dayRows.map((r): MoneyDayRow => ({ tenant: r.tenant, day: r.day, revenue: cents(r.revenue), refunds: cents(r.refunds), writerPay: cents(r.writer_pay) }))
  const payouts = new Map(payoutRows.map((r) => [r.tenant, r]))
  const oldest = outbox?.oldest_pending ? new Date(outbox.oldest_pending) : null
  return {
    orders,
    money: websites.map((website) => websiteMoney(website, days, now)),
    payoutRequests: {
      count: payoutRows.reduce((sum, r) => sum + r.count, 0),
      link: adminListLink('payout-requests', [{ field: 'status', operator: 'equals', value: 'pending' }, ...tenantCondition(named)]),
      byWebsite: websites.map((w) => ({ website: w.id, currency: w.currency, count: payouts.get(w.id)?.count ?? 0, amount: cents(payouts.get(w.id)?.amount) })),
    },
    outbox: {
      pending: outbox?.pending ?? 0,
      dispatched: outbox?.dispatched ?? 0,
      failed: outbox?.failed ?? 0,
      oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
      // The outbox list is the superadmin's (its access and navigation).
      link: actor.allTenants ? adminListLink('outbox', [{ field: 'status', operator: 'equals', value: 'failed' }, ...tenantCondition(named)]) : null,
    },
  }
}
