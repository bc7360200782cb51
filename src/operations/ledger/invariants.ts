import type { Payload } from 'payload'

import { sql } from '@/db/execute'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/** Runs one SQL text, answering its rows: Payload's connection or a plain node-postgres client. */
export type RowReader = (text: string) => Promise<Record<string, unknown>[]>

const UNBALANCED_ENTRIES = `SELECT e.reference, COALESCE(SUM(l.debit), 0) AS debit, COALESCE(SUM(l.credit), 0) AS credit, COUNT(l.id) AS lines
  FROM journal_entries e LEFT JOIN journal_entries_lines l ON l._parent_id = e.id GROUP BY e.id, e.reference
  HAVING COALESCE(SUM(l.debit), 0) <> COALESCE(SUM(l.credit), 0) OR COUNT(l.id) < 2`

const WALLETS_OFF_LEDGER = `SELECT w.id, w.balance, w.held, COALESCE(SUM(l.credit) - SUM(l.debit), 0) AS ledger
  FROM wallets w LEFT JOIN journal_entries_lines l ON l.account_id = w.account_id GROUP BY w.id
  HAVING w.balance + w.held <> COALESCE(SUM(l.credit) - SUM(l.debit), 0) OR w.balance < 0 OR w.held < 0`

/**
 * Everything that must hold of the money, whatever happened (DESIGN §7): every entry
 * has two lines or more and balances, every wallet's balance plus holds equals its
 * account in the ledger, and no balance is negative. Returns the violations (empty when
 * all is well); tests run it after every money test file, the bench after its run.
 */
export const ledgerViolationsOf = async (rows: RowReader): Promise<string[]> => {
  const out: string[] = []
  for (const r of await rows(UNBALANCED_ENTRIES)) {
    out.push(`entry ${String(r.reference)}: debit ${String(r.debit)} credit ${String(r.credit)} over ${String(r.lines)} lines`)
  }
  for (const r of await rows(WALLETS_OFF_LEDGER)) {
    out.push(`wallet ${String(r.id)}: balance ${String(r.balance)} + held ${String(r.held)} but ledger ${String(r.ledger)}`)
  }
  return out
}

export const ledgerViolations = async (payload: Payload): Promise<string[]> => {
  const db = (payload.db as unknown as { drizzle: Executor }).drizzle
  return ledgerViolationsOf(async (text) => (await db.execute(sql.raw(text))).rows)
}
