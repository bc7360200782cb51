import { sql } from '@/db/execute'
import type { SystemAccount } from '@/domain/ledger/accounts'
import { REFUND_ENTRY_TYPES } from '@/domain/payments/types'

const account = (code: SystemAccount) => code

/** Journal entries `e` with their lines `l` on accounts `a`: what the ledger's figures are summed over. */
export const LEDGER_LINES = sql`journal_entries e
  JOIN journal_entries_lines l ON l._parent_id = e.id
  JOIN ledger_accounts a ON a.id = l.account_id`

/**
 * A website's money from the ledger alone (never from business tables), as aggregates
 * over LEDGER_LINES, in cents: revenue = net credits to platform revenue less the net
 * debits to discounts given (refunds to clients come out of it), discounts = net debits
 * to discounts given (a contra-revenue account), writer pay = net debits to compensation expense, refunds =
 * refunds wherever they went (wallet, card, paid outside the platform), tips = what clients gave (writer and platform shares),
 * fines = credits to their account. The one definition the summary and the dashboard share.
 */
export const LEDGER_MEASURES = {
  revenue: sql`SUM(CASE WHEN a.code = ${account('platform_revenue')} THEN l.credit - l.debit WHEN a.code = ${account('discounts_given')} THEN l.credit - l.debit END)`,
  discounts: sql`SUM(CASE WHEN a.code = ${account('discounts_given')} THEN l.debit - l.credit END)`,
  writerPay: sql`SUM(CASE WHEN a.code = ${account('writer_compensation_expense')} THEN l.debit - l.credit END)`,
  refunds: sql`SUM(CASE WHEN e.type IN ${Object.values(REFUND_ENTRY_TYPES)} AND a.code = ${account('platform_revenue')} THEN l.debit END)`,
  tips: sql`SUM(CASE WHEN e.type = 'tip_settlement' THEN l.debit END)`,
  fines: sql`SUM(CASE WHEN a.code = ${account('fines_recovery')} THEN l.credit - l.debit END)`,
}

/** A measure's SUM as a JavaScript number (no lines: 0). */
export const cents = (value: unknown): number => Number(value ?? 0)
