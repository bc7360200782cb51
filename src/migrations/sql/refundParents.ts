/**
 * Hand-written SQL of issue 17's refunds: a refund gives back money paid for exactly one
 * record (an order, a special order or a class order), whatever writes the row (Payload
 * cannot declare CHECKs).
 */
export const refundParentsUp = 'ALTER TABLE "refunds" ADD CONSTRAINT "refunds_one_parent" CHECK (num_nonnulls("order_id", "special_order_id", "class_order_id") = 1);'

export const refundParentsDown = 'ALTER TABLE "refunds" DROP CONSTRAINT IF EXISTS "refunds_one_parent";'
