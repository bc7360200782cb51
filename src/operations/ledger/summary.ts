import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'

import { cents, LEDGER_LINES, LEDGER_MEASURES as m } from './measures'

type Row = { revenue: string | null; writer_pay: string | null; refunds: string | null; tips: string | null; fines: string | null; discounts: string | null }

/** A website's money for a period, from the ledger alone (the measures of `LEDGER_MEASURES`), in cents. */
export const ledgerSummary = async (req: PayloadRequest, tenant: number, from: Date, to: Date) => {
  const [row] = await execute<Row>(
    req,
    sql`SELECT ${m.revenue} AS revenue, ${m.writerPay} AS writer_pay, ${m.refunds} AS refunds, ${m.tips} AS tips, ${m.fines} AS fines, ${m.discounts} AS discounts
        FROM ${LEDGER_LINES}
        WHERE e.tenant_id = ${tenant} AND e.created_at >= ${from.toISOString()} AND e.created_at < ${to.toISOString()}`,
  )
  return { from: from.toISOString(), to: to.toISOString(), revenue: cents(row?.revenue), writerPay: cents(row?.writer_pay), refunds: cents(row?.refunds), tips: cents(row?.tips), fines: cents(row?.fines), discounts: cents(row?.discounts) }
}
