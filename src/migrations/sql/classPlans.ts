/**
 * Hand-written SQL of class proposals, installments and tasks (issue 17): money columns in
 * whole minor units (`<table>_<column>_minor_units`), a proposal's final is its amount
 * less its discount, and one class installment per plan installment.
 */
const MONEY_COLUMNS: ReadonlyArray<readonly [table: string, column: string, min: 0 | 1]> = [
  ['class_proposals', 'amount', 1],
  ['class_proposals', 'discount', 0],
  ['class_proposals', 'final', 1],
  ['class_installments', 'amount', 1],
  ['class_tasks', 'earned', 0],
]

const name = (table: string, column: string) => `${table}_${column}_minor_units`

export const classPlansUp = [
  ...MONEY_COLUMNS.map(([table, column, min]) => `ALTER TABLE "${table}" ADD CONSTRAINT "${name(table, column)}" CHECK ("${column}" = trunc("${column}") AND "${column}" >= ${min});`),
  'ALTER TABLE "class_proposals" ADD CONSTRAINT "class_proposals_final_is_amount_less_discount" CHECK ("final" = "amount" - COALESCE("discount", 0));',
  'CREATE UNIQUE INDEX "class_installments_one_per_installment" ON "class_installments" ("installment_id");',
].join('\n')

export const classPlansDown = [
  'DROP INDEX IF EXISTS "class_installments_one_per_installment";',
  'ALTER TABLE "class_proposals" DROP CONSTRAINT IF EXISTS "class_proposals_final_is_amount_less_discount";',
  ...MONEY_COLUMNS.map(([table, column]) => `ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${name(table, column)}";`).reverse(),
].join('\n')
