import type { Role } from '@/domain/roles'

import type { PaymentPurpose } from './types'

/**
 * Who may open a checkout (`POST /api/payments/checkout`) for each purpose. Every
 * purpose pays a client's own debt (their order, invoice, installment), gives from a
 * client to the writer of their order (tip), or fills a client's own wallet: so only
 * clients check out, and the subject must be theirs (checked when it is looked up).
 *
 * Staff never pay through checkout, for themselves or for a client. Money a client paid
 * outside the platform is recorded by an admin: an order with its `markPaid` action, a
 * manual payment (bank transfer, cash) the client started by confirming it
 * (`POST /api/payments/:id/confirm`). A wallet is corrected with an adjustment
 * (`POST /api/wallets/:id/adjust`), money goes back with a refund. An invoice's public
 * pay link pays for the invoice's client with nobody signed in: the link stands for them.
 */
export const CHECKOUT_ROLES: Readonly<Record<PaymentPurpose, readonly Role[]>> = {
  order: ['client'],
  invoice: ['client'],
  installment: ['client'],
  special_order_milestone: ['client'],
  tip: ['client'],
  wallet_top_up: ['client'],
}

/** Why `roles` may not check out for `purpose` (names the field), or null when they may. */
export const checkoutRefusal = (purpose: PaymentPurpose, roles: readonly Role[]): string | null => {
  const allowed = CHECKOUT_ROLES[purpose]
  if (roles.some((role) => allowed.includes(role))) return null
  const who = roles.length ? roles.join(', ') : 'user without a role'
  return `purpose: ${purpose} is paid by the ${allowed.join(' or ')} it belongs to; a ${who} may not check out for it.`
}
