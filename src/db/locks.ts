import type { PayloadRequest } from 'payload'

import type { PayoutItem } from '@/domain/payouts/windows'

import { execute, sql } from './execute'

/**
 * Row locks (`SELECT … FOR UPDATE`) for the rest of the request's transaction, in one
 * place: operations name what they lock, never write the SQL. A lock outside a
 * transaction ends with its statement, so callers run these inside `inTransaction`.
 */

/** The tables whose rows are locked, a closed list: a table name never comes from input. */
const TABLES = {
  orders: sql.raw('orders'),
  payments: sql.raw('payments'),
  invoices: sql.raw('invoices'),
  receipts: sql.raw('receipts'),
  refunds: sql.raw('refunds'),
  payout_records: sql.raw('payout_records'),
  payout_batches: sql.raw('payout_batches'),
  payout_requests: sql.raw('payout_requests'),
  users: sql.raw('users'),
  discipline_records: sql.raw('discipline_records'),
  fines: sql.raw('fines'),
  referrals: sql.raw('referrals'),
  discounts: sql.raw('discounts'),
  discount_campaigns: sql.raw('discount_campaigns'),
  tickets: sql.raw('tickets'),
  ticket_attachments: sql.raw('ticket_attachments'),
  email_campaigns: sql.raw('email_campaigns'),
  reviews: sql.raw('reviews'),
  special_orders: sql.raw('special_orders'),
  special_order_quotes: sql.raw('special_order_quotes'),
  class_orders: sql.raw('class_orders'),
  class_proposals: sql.raw('class_proposals'),
  class_tasks: sql.raw('class_tasks'),
} as const

export type LockedTable = keyof typeof TABLES

const tableOf = (table: LockedTable) => {
  if (!Object.hasOwn(TABLES, table)) throw new Error(`no row locks on table ${String(table)}`)
  return TABLES[table]
}

/**
 * Locks one row by id, on one website when `tenant` is given (another website's row is
 * then neither locked nor found). Returns whether the row exists.
 */
export const lockRow = async (req: PayloadRequest, table: LockedTable, id: number, scope: { tenant?: number } = {}): Promise<boolean> => {
  const onTenant = scope.tenant === undefined ? sql`` : sql` AND tenant_id = ${scope.tenant}`
  const rows = await execute(req, sql`SELECT id FROM ${tableOf(table)} WHERE id = ${id}${onTenant} FOR UPDATE`)
  return rows.length > 0
}

/** An invoice of `client` on `tenant` that was issued (no draft), locked; false when there is none. */
export const lockIssuedInvoice = async (req: PayloadRequest, invoiceId: number, scope: { tenant: number; client: number }): Promise<boolean> => {
  const rows = await execute(req, sql`SELECT id FROM invoices WHERE id = ${invoiceId} AND tenant_id = ${scope.tenant} AND client_id = ${scope.client} AND status <> 'draft' FOR UPDATE`)
  return rows.length > 0
}

export type LockedWallet = { id: number; balance: number; held: number; accountId: number | null }

type WalletRow = { id: number; balance: string | number; held: string | number; account_id: number | null }

/** A wallet of `tenant`, locked, with its cached amounts; null when the website has no such wallet. */
export const lockWalletRow = async (req: PayloadRequest, walletId: number, tenant: number): Promise<LockedWallet | null> => {
  const [row] = await execute<WalletRow>(req, sql`SELECT id, balance, held, account_id FROM wallets WHERE id = ${walletId} AND tenant_id = ${tenant} FOR UPDATE`)
  return row ? { id: row.id, balance: Number(row.balance), held: Number(row.held), accountId: row.account_id } : null
}

/** Locks the order's earning row(s) (kind `order_earning`, voided ones too), whether or not there is one yet. */
export const lockOrderEarning = async (req: PayloadRequest, orderId: number): Promise<void> => {
  await execute(req, sql`SELECT id FROM writer_earnings WHERE order_id = ${orderId} AND kind = 'order_earning' FOR UPDATE`)
}

/** The one earning of an order or a special order, locked (as `lockOrderEarning`). */
export const lockEarningOf = async (req: PayloadRequest, link: 'order' | 'specialOrder', id: number): Promise<void> => {
  if (link === 'order') return lockOrderEarning(req, id)
  await execute(req, sql`SELECT id FROM writer_earnings WHERE special_order_id = ${id} AND kind = 'special_order_earning' FOR UPDATE`)
}

/**
 * What a fine touches, locked in id order as a window's close locks them (so the two never
 * deadlock): the order's earning row(s) and the fine's receivable row.
 */
export const lockFineEarnings = async (req: PayloadRequest, orderId: number | null, receivableRow: number | null): Promise<void> => {
  if (!orderId && !receivableRow) return
  await execute(req, sql`SELECT id FROM writer_earnings WHERE (order_id = ${orderId ?? -1} AND kind = 'order_earning') OR id = ${receivableRow ?? -1} ORDER BY id FOR UPDATE`)
}

type EarningRow = { id: number; writer_id: number; kind: PayoutItem['kind']; amount: string | number }

/** A website's pending earnings in no payout yet, earned up to `until`, locked in id order (so two closes never deadlock). */
export const lockUnpaidEarnings = async (req: PayloadRequest, tenant: number, until: Date): Promise<PayoutItem[]> => {
  const rows = await execute<EarningRow>(
    req,
    sql`SELECT id, writer_id, kind, amount FROM writer_earnings
        WHERE tenant_id = ${tenant} AND status = 'pending' AND payout_record_id IS NULL AND created_at <= ${until.toISOString()}
        ORDER BY id FOR UPDATE`,
  )
  return rows.map((r) => ({ id: r.id, writer: r.writer_id, kind: r.kind, amount: Number(r.amount) }))
}

export type LockedWindow = { tenant: number; status: string; closesAt: Date }

/** A payment window, locked, with what closing it needs; null when there is none. */
export const lockPaymentWindow = async (req: PayloadRequest, windowId: number): Promise<LockedWindow | null> => {
  const [row] = await execute<{ tenant_id: number; status: string; closes_at: string }>(req, sql`SELECT tenant_id, status, closes_at FROM payment_windows WHERE id = ${windowId} FOR UPDATE`)
  return row ? { tenant: row.tenant_id, status: row.status, closesAt: new Date(row.closes_at) } : null
}

/**
 * A transaction-scoped advisory lock on a name (`wallet:1:7:client`): serialises work on
 * something that has no row yet (creating a wallet, a website's next window).
 */
export const lockKey = async (req: PayloadRequest, key: string): Promise<void> => {
  await execute(req, sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`)
}

/** The user holding the email link whose hash is `hash`, locked, with when it ends; null when nobody holds it (used, replaced, never issued). */
export const lockUserByEmailToken = async (req: PayloadRequest, hash: string): Promise<{ id: number; expiresAt: Date | null } | null> => {
  const [row] = await execute<{ id: number; email_token_expires_at: string | null }>(req, sql`SELECT id, email_token_expires_at FROM users WHERE email_token_hash = ${hash} FOR UPDATE`)
  return row ? { id: row.id, expiresAt: row.email_token_expires_at ? new Date(row.email_token_expires_at) : null } : null
}
