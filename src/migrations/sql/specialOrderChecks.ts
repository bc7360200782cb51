/**
 * Hand-written CHECKs of the special orders' money columns (whole minor units, not below
 * the field's minimum), named `<table>_<column>_minor_units` as ./moneyChecks names the
 * others; Payload stores numbers as `numeric` and cannot declare them.
 */
const MONEY_COLUMNS: ReadonlyArray<readonly [table: string, column: string, min: 0 | 1]> = [
  ['special_orders', 'total', 0],
  ['special_orders', 'amount_paid', 0],
  ['special_order_quotes', 'subtotal', 0],
  ['special_order_quotes', 'discount', 0],
  ['special_order_quotes', 'total', 1],
  ['funding_milestones', 'amount', 1],
  ['special_order_configs_durations', 'price', 1],
  ['tenants', 'settings_special_orders_minimum_deposit', 0],
  ['order_requests', 'amount', 0],
]

const name = (table: string, column: string) => `${table}_${column}_minor_units`

export const specialOrderChecksUp = MONEY_COLUMNS.map(([t, c, min]) => `ALTER TABLE "${t}" ADD CONSTRAINT "${name(t, c)}" CHECK ("${c}" = trunc("${c}") AND "${c}" >= ${min});`).join('\n')

export const specialOrderChecksDown = MONEY_COLUMNS.map(([t, c]) => `ALTER TABLE "${t}" DROP CONSTRAINT IF EXISTS "${name(t, c)}";`)
  .reverse()
  .join('\n')
