import type { Cents } from '../money'

/** How a level's pay for an order is computed (reference §12.1). */
export const EARNING_MODES = ['fixed_per_page', 'percentage_of_order_total'] as const
export type EarningMode = (typeof EARNING_MODES)[number]

/** A writer level's settings: pay card and intake limits. */
export type WriterLevelSettings = {
  code: string
  name: string
  displayOrder: number
  isDefault: boolean
  earningMode: EarningMode
  payPerPage: Cents
  payPerSlide: Cents
  /** Used when `earningMode` is a percentage: basis points of the order total. */
  percentOfTotalBp: number
  urgentThresholdHours: number
  urgentSurchargePerPage: Cents
  /** Basis points, 11_000 = ×1.10. */
  urgentMultiplierBp: number
  tipPercent: number
  maxActiveOrders: number
  maxManualTakes: number
}

const level = (
  code: string,
  name: string,
  displayOrder: number,
  payPerPage: Cents,
  payPerSlide: Cents,
  urgentThresholdHours: number,
  urgentSurchargePerPage: Cents,
  urgentMultiplierBp: number,
  maxActiveOrders: number,
  maxManualTakes: number,
): WriterLevelSettings => ({
  code,
  name,
  displayOrder,
  isDefault: displayOrder === 1,
  earningMode: 'fixed_per_page',
  payPerPage,
  payPerSlide,
  percentOfTotalBp: 0,
  urgentThresholdHours,
  urgentSurchargePerPage,
  urgentMultiplierBp,
  tipPercent: 100,
  maxActiveOrders,
  maxManualTakes,
})

/** The reference's seeded levels (WritersCreek): every website starts with these. */
export const DEFAULT_WRITER_LEVELS: readonly WriterLevelSettings[] = [
  level('entry', 'Entry', 1, 400, 300, 12, 50, 11_000, 3, 2),
  level('standard', 'Standard', 2, 600, 450, 12, 75, 11_500, 6, 4),
  level('senior', 'Senior', 3, 900, 700, 8, 100, 12_000, 10, 6),
  level('expert', 'Expert', 4, 1300, 1000, 6, 150, 12_500, 15, 10),
]

/** When a writer has no level and the website no default level (reference fallback). */
export const FALLBACK_MAX_ACTIVE_ORDERS = 10

/**
 * Whether a writer may take on another order (reference §3.4): null when eligible,
 * else the reason shown to them (`barredBecause`: what the suspension or blacklist says).
 */
export const writerIneligibility = (writer: { suspended: boolean; activeOrders: number; maxActiveOrders: number | null; barredBecause?: string | null }): string | null => {
  // The discipline record's words when one bars the writer; the flag alone (set by hand) otherwise.
  if (writer.suspended) return writer.barredBecause ?? 'The writer account is suspended.'
  const max = writer.maxActiveOrders ?? FALLBACK_MAX_ACTIVE_ORDERS
  if (writer.activeOrders >= max) return `The writer already has ${writer.activeOrders} active orders; the level allows ${max}.`
  return null
}
