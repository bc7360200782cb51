import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { formatDocumentNumber } from '@/domain/invoices/schedule'
import { defaultOrderPrefix, formatOrderNumber } from '@/domain/orders/number'
import { formatTicketNumber } from '@/domain/tickets/workflow'

/** Each numbered kind's counter column on the website's row. */
const COUNTERS = { order: 'order_sequence', invoice: 'invoice_sequence', receipt: 'receipt_sequence', ticket: 'ticket_sequence', classOrder: 'class_order_sequence' } as const

/**
 * The next value of one of a website's counters: an atomic increment in the request's
 * transaction. The row lock it takes orders concurrent allocations on one website (no
 * duplicates, and no gaps: a rolled-back change gives its number back) and is released
 * when the change commits.
 */
const nextSequence = async (req: PayloadRequest, tenantId: number, kind: keyof typeof COUNTERS) => {
  const column = sql.raw(COUNTERS[kind])
  const rows = await execute<{ seq: string; prefix: string | null; slug: string }>(
    req,
    sql`UPDATE tenants SET ${column} = COALESCE(${column}, 0) + 1 WHERE id = ${tenantId} RETURNING ${column} AS seq, order_prefix AS prefix, slug`,
  )
  const row = rows[0]
  if (!row) throw new Error(`website ${tenantId} does not exist`)
  return { sequence: Number(row.seq), prefix: row.prefix, slug: row.slug }
}

/** The next order number of a website (ALPHA-00042). */
export const allocateOrderNumber = async (req: PayloadRequest, tenantId: number): Promise<string> => {
  const row = await nextSequence(req, tenantId, 'order')
  return formatOrderNumber(row.prefix || defaultOrderPrefix(row.slug), row.sequence)
}

/** The next invoice (INV-000123) or receipt (RCT-000001) number of a website. */
export const allocateDocumentNumber = async (req: PayloadRequest, tenantId: number, kind: 'invoice' | 'receipt'): Promise<string> =>
  formatDocumentNumber(kind === 'invoice' ? 'INV' : 'RCT', (await nextSequence(req, tenantId, kind)).sequence)

/** The next ticket number of a website (TCK-000123). */
export const allocateTicketNumber = async (req: PayloadRequest, tenantId: number): Promise<string> => formatTicketNumber((await nextSequence(req, tenantId, 'ticket')).sequence)

/** The next class order number of a website (CLS-00001). */
export const allocateClassOrderNumber = async (req: PayloadRequest, tenantId: number): Promise<string> => formatOrderNumber('CLS', (await nextSequence(req, tenantId, 'classOrder')).sequence)
