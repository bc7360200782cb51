/** A website's class-order settings (tenants' `settings.classOrders`) and their defaults (§10.2 ClassServiceConfig). */
export const DEFAULT_CLASS_ORDER_SETTINGS = {
  depositPercent: 50,
  installmentsCount: 3,
  quoteExpiryHours: 72,
  allowInstallments: true,
  requireDepositBeforeStart: true,
  pauseWhenOverdue: true,
} as const

export type ClassOrderSettings = { -readonly [K in keyof typeof DEFAULT_CLASS_ORDER_SETTINGS]: (typeof DEFAULT_CLASS_ORDER_SETTINGS)[K] extends boolean ? boolean : number }

/** The website's settings with the defaults filled in (what an admin left empty is the default). */
export const classOrderSettings = (stored: Partial<Record<keyof ClassOrderSettings, number | boolean | null>> | null | undefined): ClassOrderSettings => {
  const pick = <K extends keyof ClassOrderSettings>(key: K): ClassOrderSettings[K] => {
    const value = stored?.[key]
    return (value === null || value === undefined ? DEFAULT_CLASS_ORDER_SETTINGS[key] : value) as ClassOrderSettings[K]
  }
  return {
    depositPercent: pick('depositPercent'),
    installmentsCount: pick('allowInstallments') ? pick('installmentsCount') : 0,
    quoteExpiryHours: pick('quoteExpiryHours'),
    allowInstallments: pick('allowInstallments'),
    requireDepositBeforeStart: pick('requireDepositBeforeStart'),
    pauseWhenOverdue: pick('pauseWhenOverdue'),
  }
}
