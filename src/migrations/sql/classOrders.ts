/**
 * Hand-written SQL of class orders (issue 17): every money column holds whole minor units
 * (the field vocabulary's `<table>_<column>_minor_units`), and what a class costs is never
 * more than its accepted amount.
 */
const MONEY_COLUMNS = ['quoted_amount', 'accepted_amount', 'discount', 'total', 'amount_paid'] as const

const name = (column: string) => `class_orders_${column}_minor_units`

export const classOrdersUp = [
  ...MONEY_COLUMNS.map((column) => `ALTER TABLE "class_orders" ADD CONSTRAINT "${name(column)}" CHECK ("${column}" = trunc("${column}") AND "${column}" >= 0);`),
  'ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_discount_within_amount" CHECK ("discount" <= "accepted_amount" OR "accepted_amount" = 0);',
].join('\n')

export const classOrdersDown = [
  'ALTER TABLE "class_orders" DROP CONSTRAINT IF EXISTS "class_orders_discount_within_amount";',
  ...MONEY_COLUMNS.map((column) => `ALTER TABLE "class_orders" DROP CONSTRAINT IF EXISTS "${name(column)}";`).reverse(),
].join('\n')
