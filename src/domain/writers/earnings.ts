import { BASIS, type Cents, multiply } from '../money'

import type { WriterLevelSettings } from './levels'

/** The part of a writer level frozen onto an order at assignment (reference §12.3 RateCardSnapshot). */
export type RateCard = Pick<WriterLevelSettings, 'code' | 'earningMode' | 'payPerPage' | 'percentOfTotalBp' | 'urgentThresholdHours' | 'urgentSurchargePerPage' | 'urgentMultiplierBp'>

const HOUR_MS = 3600 * 1000

/**
 * A writer's pay for a completed order: per page (or a share of the order total), plus
 * the urgency uplift when the writer had at most the level's urgent threshold between
 * assignment and writer deadline: pages × surcharge + base × (multiplier − 1).
 */
export const orderEarning = (card: RateCard, order: { pages: number; total: Cents; assignedAt: Date; writerDeadline: Date }): { base: Cents; uplift: Cents; total: Cents; urgent: boolean } => {
  const base = card.earningMode === 'percentage_of_order_total' ? multiply(order.total, card.percentOfTotalBp) : order.pages * card.payPerPage
  const hours = (order.writerDeadline.getTime() - order.assignedAt.getTime()) / HOUR_MS
  const urgent = hours <= card.urgentThresholdHours
  const uplift = urgent ? order.pages * card.urgentSurchargePerPage + multiply(base, Math.max(card.urgentMultiplierBp - BASIS, 0)) : 0
  return { base, uplift, total: base + uplift, urgent }
}
