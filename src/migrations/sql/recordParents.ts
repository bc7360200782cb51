/**
 * Hand-written SQL of issue 17's files and messages: a file or a message hangs off exactly
 * one record (an order, a special order or a class order), whatever writes the row
 * (Payload cannot declare CHECKs).
 */
export const recordParentsUp = [
  'ALTER TABLE "order_files" ADD CONSTRAINT "order_files_one_parent" CHECK (num_nonnulls("order_id", "special_order_id", "class_order_id") = 1);',
  'ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_one_parent" CHECK (num_nonnulls("order_id", "special_order_id", "class_order_id") = 1);',
].join('\n')

export const recordParentsDown = ['ALTER TABLE "order_files" DROP CONSTRAINT IF EXISTS "order_files_one_parent";', 'ALTER TABLE "order_messages" DROP CONSTRAINT IF EXISTS "order_messages_one_parent";'].join('\n')
