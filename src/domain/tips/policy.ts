import type { OrderStatus } from '@/domain/orders/statuses'

/**
 * A website's tip policy (reference §6.6 TipPolicy). Percentages are whole numbers; the
 * writer's share is rounded to the cent and the platform keeps the remainder, so the
 * two always add up to the tip.
 */
export type TipPolicy = {
  writerPercent: number
  /** Cents. */
  minimum: number
  /** Cents: larger tips are refused (the reference's risk-review threshold). */
  maximum: number
  /** Tips one client may give in 24 hours. */
  perDay: number
  allowWallet: boolean
  allowCard: boolean
}

/** The reference's defaults: minimum 1.00, at most 25 a day, review above 1 000.00; the writer level's tip share of 100 %. */
export const DEFAULT_TIP_POLICY: TipPolicy = { writerPercent: 100, minimum: 100, maximum: 100_000, perDay: 25, allowWallet: true, allowCard: true }

/** A client tips the writer of an order whose work has been delivered. */
export const TIPPABLE_STATUSES: readonly OrderStatus[] = ['submitted', 'completed', 'revision_requested', 'archived']

export type TipSplit = { writer: number; platform: number }

export const splitTip = (amount: number, writerPercent: number): TipSplit => {
  const writer = Math.round((amount * writerPercent) / 100)
  return { writer, platform: amount - writer }
}

export type TipProvider = 'wallet' | 'stripe' | 'manual'

/** Why a tip cannot be given, or null. `field` names the input at fault. */
export const tipRefusal = (policy: TipPolicy, amount: number, provider: TipProvider, tipsInLastDay: number): { field: string; message: string; status: 400 | 422 } | null => {
  if (amount < policy.minimum) return { field: 'amount', message: `amount: at least ${policy.minimum} cents.`, status: 400 }
  if (amount > policy.maximum) return { field: 'amount', message: `amount: at most ${policy.maximum} cents on this website.`, status: 400 }
  if (provider === 'wallet' && !policy.allowWallet) return { field: 'provider', message: 'provider: tips from the wallet are switched off on this website.', status: 400 }
  if (provider !== 'wallet' && !policy.allowCard) return { field: 'provider', message: 'provider: only tips from the wallet are taken on this website.', status: 400 }
  if (tipsInLastDay >= policy.perDay) return { field: 'amount', message: `amount: at most ${policy.perDay} tips in 24 hours.`, status: 422 }
  return null
}

/** A tip follows its payment; `cancelled` when nothing will be paid. */
export const TIP_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const
