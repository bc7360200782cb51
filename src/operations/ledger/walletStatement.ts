import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { asSystem, proofOf } from '@/access/system'

type Line = { reference: string; type: string; memo: string | null; debit: number; credit: number; created_at: string }

/**
 * A wallet as its owner sees it: the cached balances and the latest entries on its
 * account (credits positive). No wallet yet reads as an empty one.
 */
export const walletStatement = async (req: PayloadRequest, tenant: number, owner: number, kind: 'client' | 'writer', currency: string, limit = 50) => {
  const { docs } = await req.payload.find({ collection: 'wallets', where: { and: [{ tenant: { equals: tenant } }, { owner: { equals: owner } }, { kind: { equals: kind } }] }, depth: 0, limit: 1, ...asSystem(proofOf(req)), req })
  const wallet = docs[0]
  if (!wallet?.account) return { balance: 0, held: 0, currency, entries: [] }
  const rows = await execute<Line>(
    req,
    sql`SELECT e.reference, e.type, e.memo, l.debit, l.credit, e.created_at
        FROM journal_entries_lines l JOIN journal_entries e ON e.id = l._parent_id
        WHERE l.account_id = ${typeof wallet.account === 'object' ? wallet.account.id : wallet.account}
        ORDER BY e.created_at DESC, e.id DESC LIMIT ${limit}`,
  )
  return {
    balance: wallet.balance,
    held: wallet.held,
    currency: wallet.currency,
    entries: rows.map((r) => ({ reference: r.reference, type: r.type, memo: r.memo, amount: Number(r.credit) - Number(r.debit), at: new Date(r.created_at).toISOString() })),
  }
}
