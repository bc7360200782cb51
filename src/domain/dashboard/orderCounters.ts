import { ORDER_STATUSES, type OrderStatus, TERMINAL_STATUSES } from '@/domain/orders/statuses'

import { adminListLink, tenantCondition } from './adminLinks'

/** The order counters of the admin dashboard. */
export const ORDER_COUNTERS = ['overdue', 'unpaid', 'awaitingStaffing', 'inQa'] as const
export type OrderCounter = (typeof ORDER_COUNTERS)[number]

/** Done with: nothing is overdue once completed or closed. */
const FINISHED: readonly OrderStatus[] = ['completed', ...TERMINAL_STATUSES]

/** The statuses each counter counts; `overdue` counts those past the client deadline only. */
export const COUNTER_STATUSES: Readonly<Record<OrderCounter, readonly OrderStatus[]>> = {
  overdue: ORDER_STATUSES.filter((status) => !FINISHED.includes(status)),
  unpaid: ['created', 'unpaid', 'pending_payment'],
  awaitingStaffing: ['ready_for_staffing'],
  inQa: ['qa_review', 'under_editing'],
}

/** Orders of one website and status, as the dashboard's one aggregate query answers them. */
export type OrderCountRow = { tenant: number; status: string; count: number; pastDeadline: number }

export type Counter = { count: number; link: string }

export type OrderFigures = { byStatus: Record<OrderStatus, number>; counters: Record<OrderCounter, Counter> }

const zeroByStatus = (): Record<OrderStatus, number> => Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>

/**
 * Counts by status and the counters, each with a link to the admin list of exactly its
 * rows: the counter's statuses, the deadline passed at `now` for `overdue`, and the
 * websites when the caller named one (`tenants`; null: all they see).
 */
export const orderFigures = (rows: readonly OrderCountRow[], now: Date, tenants: readonly number[] | null): OrderFigures => {
  const byStatus = zeroByStatus()
  const pastDeadline = zeroByStatus()
  for (const row of rows) {
    if (!(row.status in byStatus)) continue
    byStatus[row.status as OrderStatus] += row.count
    pastDeadline[row.status as OrderStatus] += row.pastDeadline
  }
  const count = (counter: OrderCounter, from: Record<OrderStatus, number>) => COUNTER_STATUSES[counter].reduce((sum, status) => sum + from[status], 0)
  const link = (counter: OrderCounter) =>
    adminListLink('orders', [
      { field: 'status', operator: 'in', value: COUNTER_STATUSES[counter] },
      ...(counter === 'overdue' ? [{ field: 'clientDeadline', operator: 'less_than' as const, value: now.toISOString() }] : []),
      ...tenantCondition(tenants),
    ])
  const counters = Object.fromEntries(
    ORDER_COUNTERS.map((counter) => [counter, { count: count(counter, counter === 'overdue' ? pastDeadline : byStatus), link: link(counter) }]),
  ) as Record<OrderCounter, Counter>
  return { byStatus, counters }
}
