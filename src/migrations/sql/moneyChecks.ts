/**
 * Hand-written SQL of the field vocabulary (issue 11): every money column (a `moneyField`)
 * holds whole minor units, and no less than its field's `min`, whatever writes the row.
 * Payload stores numbers as `numeric` and cannot declare CHECKs. One constraint per
 * column, named `<table>_<column>_minor_units`; tests/int/moneyChecks.test.ts fails when a
 * money field of the config has none. Older constraints that relate columns (amount paid
 * within the total, a tip's split) stay as they are.
 */
const MONEY_COLUMNS: ReadonlyArray<readonly [table: string, column: string, min: 0 | 1]> = [
  ['orders', 'total', 0],
  ['orders', 'amount_paid', 0],
  ['orders', 'cancellation_kept', 0],
  ['orders', 'cancellation_refund_due', 0],
  ['payments', 'amount', 1],
  ['payments', 'amount_refunded', 0],
  ['refunds', 'amount', 1],
  ['tips', 'amount', 1],
  ['tips', 'writer_amount', 0],
  ['tips', 'platform_amount', 0],
  ['wallets', 'balance', 0],
  ['wallets', 'held', 0],
  ['journal_entries_lines', 'debit', 0],
  ['journal_entries_lines', 'credit', 0],
  ['writer_earnings', 'amount', 0],
  ['payout_batches', 'total', 0],
  ['payout_records', 'amount', 1],
  ['payout_requests', 'amount', 1],
  ['invoices', 'total', 0],
  ['invoices', 'amount_paid', 0],
  ['invoices_lines', 'unit_amount', 0],
  ['invoices_lines', 'amount', 0],
  ['installments', 'amount', 1],
  ['installments', 'amount_paid', 0],
  ['receipts', 'amount', 1],
  ['pricing_options', 'amount', 0],
  ['writer_levels', 'pay_per_page', 0],
  ['writer_levels', 'pay_per_slide', 0],
  ['writer_levels', 'urgent_surcharge_per_page', 0],
  ['tenants', 'pricing_base_per_page', 0],
  ['tenants', 'pricing_base_per_slide', 0],
  ['tenants', 'pricing_base_per_diagram', 0],
  ['tenants', 'pricing_minimum_charge', 0],
  ['tenants', 'pricing_preferred_writer_fee', 0],
  ['tenants', 'settings_review_high_value_threshold', 0],
  ['tenants', 'settings_tips_minimum', 1],
  ['tenants', 'settings_tips_maximum', 1],
]

const name = (table: string, column: string) => `${table}_${column}_minor_units`

export const moneyChecksUp = MONEY_COLUMNS.map(
  ([table, column, min]) => `ALTER TABLE "${table}" ADD CONSTRAINT "${name(table, column)}" CHECK ("${column}" = trunc("${column}") AND "${column}" >= ${min});`,
).join('\n')

export const moneyChecksDown = MONEY_COLUMNS.map(([table, column]) => `ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${name(table, column)}";`)
  .reverse()
  .join('\n')
