/**
 * The journal references that name an order, as the posting operations write them:
 * `mark-paid:order:<id>` (markPaid), `refund:order:<id>:<n>` (the n-th refund),
 * `earning:order:<id>` with `:void`, `:reversal` and `:refund:<refund id>` (the writer's
 * earning and its corrections), `payment:<payment reference>` (a payment applied to
 * the order, tips included) and `refund-failed:<provider refund>` (a card refund that
 * went to the wallet instead). An exact list, so the read uses the unique index on
 * `reference` instead of scanning for a pattern.
 */
export const orderJournalReferences = (order: {
  id: number
  /** How many refunds the order has had (numbered from 1). */
  refundCount: number
  refundIds: readonly number[]
  paymentReferences: readonly string[]
  providerRefunds: readonly string[]
}): string[] => {
  const earning = `earning:order:${order.id}`
  return [
    `mark-paid:order:${order.id}`,
    earning,
    `${earning}:void`,
    `${earning}:reversal`,
    ...order.refundIds.map((id) => `${earning}:refund:${id}`),
    ...Array.from({ length: order.refundCount }, (_, i) => `refund:order:${order.id}:${i + 1}`),
    ...order.paymentReferences.map((reference) => `payment:${reference}`),
    ...order.providerRefunds.map((id) => `refund-failed:${id}`),
  ]
}
