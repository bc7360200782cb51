import type { Cents } from '../money'

/** A website's special-order terms (`settings.specialOrders`, reference §10.1). */
export type SpecialOrderSettings = {
  /** Whole percent of the accepted total asked as the deposit. */
  defaultDepositPercent: number
  /** The smallest deposit, in cents (0: none). */
  minimumDeposit: Cents
  requireDepositBeforeStaffing: boolean
  requireFullPaymentBeforeDelivery: boolean
  quoteExpiryHours: number
  /** Off: the plan is one milestone, the whole total, before staffing. */
  allowInstallments: boolean
}

export const DEFAULT_SPECIAL_ORDER_SETTINGS: SpecialOrderSettings = {
  defaultDepositPercent: 50,
  minimumDeposit: 0,
  requireDepositBeforeStaffing: true,
  requireFullPaymentBeforeDelivery: true,
  quoteExpiryHours: 72,
  allowInstallments: true,
}
