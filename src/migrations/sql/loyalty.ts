/**
 * Hand-written SQL of loyalty (issue 14) that Payload cannot declare: points are whole
 * numbers, a balance is never negative whatever writes the row, and the money settings
 * follow the money columns' rule (./moneyChecks).
 */
const CHECKS: ReadonlyArray<readonly [table: string, name: string, check: string]> = [
  ['loyalty_accounts', 'loyalty_accounts_balance_not_negative', '"balance" = trunc("balance") AND "balance" >= 0'],
  ['loyalty_accounts', 'loyalty_accounts_lifetime_earned_whole', '"lifetime_earned" = trunc("lifetime_earned") AND "lifetime_earned" >= 0'],
  ['loyalty_transactions', 'loyalty_transactions_points_whole', '"points" = trunc("points")'],
  ['loyalty_transactions', 'loyalty_transactions_balance_after_not_negative', '"balance_after" = trunc("balance_after") AND "balance_after" >= 0'],
  ['loyalty_rewards', 'loyalty_rewards_stock_not_negative', '"stock" IS NULL OR ("stock" = trunc("stock") AND "stock" >= 0)'],
  ['loyalty_redemptions', 'loyalty_redemptions_points_positive', '"points" = trunc("points") AND "points" >= 1'],
  ['tenants', 'tenants_settings_loyalty_conversion_cents_per_point_minor_units', '"settings_loyalty_conversion_cents_per_point" = trunc("settings_loyalty_conversion_cents_per_point") AND "settings_loyalty_conversion_cents_per_point" >= 1'],
  [
    'tenants',
    'tenants_settings_loyalty_conversion_max_cents_minor_units',
    '"settings_loyalty_conversion_max_cents" = trunc("settings_loyalty_conversion_max_cents") AND "settings_loyalty_conversion_max_cents" >= 1',
  ],
]

export const loyaltyUp = CHECKS.map(([table, name, check]) => `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK (${check});`).join('\n')

export const loyaltyDown = CHECKS.map(([table, name]) => `ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${name}";`)
  .reverse()
  .join('\n')
