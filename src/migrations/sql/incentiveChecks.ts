/**
 * Hand-written CHECKs of issue 14's fines and referrals money columns (whole minor units,
 * never negative), named `<table>_<column>_minor_units` as ./moneyChecks names the others;
 * Payload stores numbers as `numeric` and cannot declare them.
 */
const MONEY_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['fines', 'amount'],
  ['fines', 'effect_from_earning'],
  ['fines', 'effect_receivable'],
  ['fines', 'effect_recovered'],
  ['fines', 'effect_written_off'],
  ['fines', 'effect_restored'],
  ['fine_types', 'amount'],
  ['fine_types', 'min'],
  ['fine_types', 'max'],
  ['referrals', 'reward_wallet_cents'],
  ['tenants', 'settings_referrals_referrer_wallet_bonus'],
  ['tenants', 'settings_referrals_max_bonus_per_month'],
]

const name = (table: string, column: string) => `${table}_${column}_minor_units`

export const incentiveChecksUp = MONEY_COLUMNS.map(([t, c]) => `ALTER TABLE "${t}" ADD CONSTRAINT "${name(t, c)}" CHECK ("${c}" = trunc("${c}") AND "${c}" >= 0);`).join('\n')

export const incentiveChecksDown = MONEY_COLUMNS.map(([t, c]) => `ALTER TABLE "${t}" DROP CONSTRAINT IF EXISTS "${name(t, c)}";`)
  .reverse()
  .join('\n')
