/**
 * Hand-written SQL of invoice discounts: invoices drafted before discounts existed had
 * their total as their subtotal; the money columns are whole minor units; the total is
 * the subtotal less the discount whatever writes the row, as orders' is (./discounts).
 */
export const invoiceDiscountsUp = [
  'UPDATE "invoices" SET "subtotal" = "total", "discount" = 0 WHERE "subtotal" IS NULL;',
  'ALTER TABLE "invoices" ADD CONSTRAINT "invoices_subtotal_minor_units" CHECK ("subtotal" = trunc("subtotal") AND "subtotal" >= 0);',
  'ALTER TABLE "invoices" ADD CONSTRAINT "invoices_discount_minor_units" CHECK ("discount" = trunc("discount") AND "discount" >= 0);',
  'ALTER TABLE "invoices" ADD CONSTRAINT "invoices_total_after_discount" CHECK ("subtotal" IS NULL OR ("total" = "subtotal" - COALESCE("discount", 0) AND COALESCE("discount", 0) <= "subtotal"));',
].join('\n')

export const invoiceDiscountsDown = [
  'ALTER TABLE "invoices" DROP CONSTRAINT IF EXISTS "invoices_total_after_discount";',
  'ALTER TABLE "invoices" DROP CONSTRAINT IF EXISTS "invoices_discount_minor_units";',
  'ALTER TABLE "invoices" DROP CONSTRAINT IF EXISTS "invoices_subtotal_minor_units";',
].join('\n')
