/**
 * Hand-written SQL of the discounts (issue 14): the money columns' CHECKs (whole minor
 * units, never below the field's `min`, as ./moneyChecks does for older tables), an
 * order's total tied to its subtotal and discount, and the backfill of `subtotal` for
 * orders placed before discounts existed (their total was their price).
 */
const MONEY_COLUMNS: ReadonlyArray<readonly [table: string, column: string, min: 0 | 1]> = [
  ['orders', 'subtotal', 0],
  ['orders', 'discount', 0],
  ['discounts', 'max_discount', 1],
  ['discounts', 'min_payable', 0],
  ['discounts', 'min_lifetime_spend', 0],
  ['discount_campaigns', 'budget', 1],
  ['discount_campaigns', 'spent', 0],
  ['discount_usages', 'subtotal', 0],
  ['discount_usages', 'discount_amount', 0],
  ['discount_usages', 'total', 0],
  ['tenants', 'settings_discounts_first_order_max_discount', 1],
  ['tenants', 'settings_discounts_first_order_min_payable', 0],
]

const name = (table: string, column: string) => `${table}_${column}_minor_units`

export const discountsUp = [
  'UPDATE "orders" SET "subtotal" = "total", "discount" = 0 WHERE "subtotal" IS NULL;',
  ...MONEY_COLUMNS.map(([table, column, min]) => `ALTER TABLE "${table}" ADD CONSTRAINT "${name(table, column)}" CHECK ("${column}" = trunc("${column}") AND "${column}" >= ${min});`),
  // What the client owes is the price less the discount, whatever writes the row; a discount never exceeds the price.
  'ALTER TABLE "orders" ADD CONSTRAINT "orders_total_after_discount" CHECK ("subtotal" IS NULL OR ("total" = "subtotal" - COALESCE("discount", 0) AND COALESCE("discount", 0) <= "subtotal"));',
  'ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_total_after_discount" CHECK ("total" = "subtotal" - "discount_amount");',
].join('\n')

export const discountsDown = [
  'ALTER TABLE "discount_usages" DROP CONSTRAINT IF EXISTS "discount_usages_total_after_discount";',
  'ALTER TABLE "orders" DROP CONSTRAINT IF EXISTS "orders_total_after_discount";',
  ...MONEY_COLUMNS.map(([table, column]) => `ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${name(table, column)}";`).reverse(),
].join('\n')
