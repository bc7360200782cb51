/**
 * What an audit row records: the kind of event and its action.
 *
 * - `change`: a create, update or delete of a business record, named after what it
 *   means where that is more than the write (a refund's create is a `refund`, a user's
 *   roles changed is a `role_change`).
 * - `workflow`: a workflow action, by its name (`approve`, `waive`, `cancel`…).
 * - `security`: logins, failed and rate-limited logins, logouts, password resets (written
 *   on a connection of their own: a refused request keeps its trace).
 * - `access`: reads worth a trace (a private file downloaded; every request made while
 *   impersonating, `impersonated_request`, with the method and path).
 */
export const AUDIT_KINDS = ['change', 'workflow', 'security', 'access'] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

/**
 * `login_throttled` / `password_reset_throttled`: a login or reset refused by a rate limit
 * (429); one row per address and minute, however many were refused (an attacker's flood
 * must not grow an append-only table at its own rate).
 * `lockout`: an (account, address) pair locked out by its failed logins (the address, the
 * how-manieth lockout and its minutes in `changes`); `unlock`: every lockout of an account
 * lifted, by the owner's link or by staff (`changes.by`).
 */
export const SECURITY_ACTIONS = [
  'login',
  'login_failed',
  'login_throttled',
  'lockout',
  'unlock',
  'logout',
  'password_reset_requested',
  'password_reset',
  'password_reset_throttled',
  // Email verification and changes (issue 16); `registration_existing_email`: someone
  // registered with an address that has an account (answered as a fresh registration).
  'email_verification_sent',
  'email_verified',
  'email_change_requested',
  'email_changed',
  'registration_existing_email',
  // Sessions and two-factor sign-in (issue 16).
  'session_revoked',
  'sessions_revoked_all',
  'session_limit',
  'second_factor_challenged',
  'second_factor_failed',
  'second_factor_enrolled',
  'second_factor_used',
  'second_factor_removed',
  // Staff took away someone's lost second factor (with the reason).
  'second_factor_reset',
  'impersonation_started',
  'impersonation_stopped',
] as const
export type SecurityAction = (typeof SECURITY_ACTIONS)[number]

export type WriteOperation = 'create' | 'update' | 'delete'

/** A create in these collections is the money or discipline event it records. */
const CREATE_MEANS: Readonly<Record<string, string>> = {
  refunds: 'refund',
  'payout-records': 'payout',
  'payout-batches': 'payout',
  'payout-requests': 'payout_request',
  fines: 'fine',
  tips: 'tip',
  'journal-entries': 'ledger_entry',
}

/** Writes in these collections are settings. */
const SETTINGS = new Set(['tenants', 'pricing-options', 'fine-types', 'writer-levels', 'loyalty-rewards'])

/** The action of a write: `create` / `update` / `delete`, or what the write means. */
/** Journal entry types of an admin's wallet adjustment (src/operations/money/adjustWallet.ts). */
const WALLET_ADJUSTMENTS = new Set(['admin_credit', 'admin_debit'])

export const actionOfWrite = (collection: string, operation: WriteOperation, changed: readonly string[], data?: { type?: unknown } | null): string => {
  if (collection === 'users' && operation === 'update') {
    if (changed.includes('roles')) return 'role_change'
    if (changed.includes('tenants')) return 'website_change'
    if (changed.includes('password')) return 'password_change'
    if (changed.includes('email')) return 'email_change'
  }
  if (operation === 'create') {
    if (collection === 'journal-entries' && typeof data?.type === 'string' && WALLET_ADJUSTMENTS.has(data.type)) return 'wallet_adjustment'
    const meaning = CREATE_MEANS[collection]
    if (meaning) return meaning
  }
  if (SETTINGS.has(collection) && operation === 'update') return 'setting_change'
  return operation
}
