import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'

type Row = { revenue: string | null; writer_pay: string | null; refunds: string | null; tips: string | null; fines: string | null }

/**
 * A website's money for a period, from the ledger alone (never from business tables):
 * revenue = net credits to platform revenue (refunds to clients come out of it), writer
 * pay = net debits to compensation expense, refunds = wallet and provider refunds, tips =
 * what clients gave (writer and platform shares), fines = credits to their account. Cents.
 */
export const ledgerSummary = async (req: PayloadRequest, tenant: number, from: Date, to: Date) => {
  const [row] = await execute<Row>(
    req,
    sql`SELECT
          SUM(CASE WHEN a.code = 'platform_revenue' THEN l.credit - l.debit END) AS revenue,
          SUM(CASE WHEN a.code = 'writer_compensation_expense' THEN l.debit - l.credit END) AS writer_pay,
          SUM(CASE WHEN e.type IN ('client_wallet_refund', 'provider_refund') AND a.code = 'platform_revenue' THEN l.debit END) AS refunds,
          SUM(CASE WHEN e.type = 'tip_settlement' THEN l.debit END) AS tips,
          SUM(CASE WHEN a.code = 'fines_recovery' THEN l.credit - l.debit END) AS fines
        FROM journal_entries e
        JOIN journal_entries_lines l ON l._parent_id = e.id
        JOIN ledger_accounts a ON a.id = l.account_id
        WHERE e.tenant_id = ${tenant} AND e.created_at >= ${from.toISOString()} AND e.created_at < ${to.toISOString()}`,
  )
  const n = (v: string | null | undefined) => Number(v ?? 0)
  return { from: from.toISOString(), to: to.toISOString(), revenue: n(row?.revenue), writerPay: n(row?.writer_pay), refunds: n(row?.refunds), tips: n(row?.tips), fines: n(row?.fines) }
}
