export const PAYMENT_PURPOSES = ['order', 'wallet_top_up', 'invoice', 'installment', 'tip', 'special_order_milestone'] as const
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number]

export const PAYMENT_PROVIDERS = ['stripe', 'wallet', 'manual'] as const
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number]

/** pending → succeeded | failed | canceled | expired; succeeded is final (refunds live elsewhere). */
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'canceled', 'expired'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** A failure or expiry reported after success changes nothing: money already applied stays applied. */
export const canMoveTo = (from: PaymentStatus, to: PaymentStatus): boolean => from === 'pending' && to !== 'pending'

/** Top-ups: at least 1.00, at most 10 000.00 in the website's currency. */
export const TOP_UP_MIN = 100
export const TOP_UP_MAX = 1_000_000

/** A checkout not paid within this long expires (reference: expires_at = created + 30 min; Stripe's shortest session). */
export const PAYMENT_EXPIRY_MINUTES = 30

/** A refund: pending while the card processor works on it, then succeeded or failed. */
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const


/**
 * Where a refund goes: the client's wallet, back to the card it was paid with (a Stripe
 * refund), or `external`, money staff paid back outside the platform (a bank transfer,
 * cash) that the refund only records, with the reference of that payment.
 */
export const REFUND_DESTINATIONS = ['wallet', 'provider', 'external'] as const
export type RefundDestination = (typeof REFUND_DESTINATIONS)[number]

/** The reference of money paid back outside the platform, at most this long. */
export const EXTERNAL_REFERENCE_MAX = 200

/** A refund's journal entry type, by where the money went (the ledger's refund figures sum these). */
export const REFUND_ENTRY_TYPES: Readonly<Record<RefundDestination, string>> = { wallet: 'client_wallet_refund', provider: 'provider_refund', external: 'external_refund' }
