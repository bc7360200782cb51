/**
 * Hand-written SQL of the payouts change (Payload cannot declare these): money never
 * negative, windows well-formed, and one open payment window per website whatever
 * writes the rows. Executed by the payouts migration's up/down.
 */
export const payoutsUp = `
  ALTER TABLE "payment_windows" ADD CONSTRAINT "payment_windows_closes_after_opening" CHECK ("closes_at" > "opens_at");
  CREATE UNIQUE INDEX "payment_windows_one_open_per_tenant" ON "payment_windows" ("tenant_id") WHERE "status" = 'open';
  ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_total_not_negative" CHECK ("total" >= 0 AND "count" >= 0);
  ALTER TABLE "payout_records" ADD CONSTRAINT "payout_records_amount_positive" CHECK ("amount" > 0);
  ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_amount_positive" CHECK ("amount" > 0);
`

export const payoutsDown = `
  ALTER TABLE "payout_requests" DROP CONSTRAINT IF EXISTS "payout_requests_amount_positive";
  ALTER TABLE "payout_records" DROP CONSTRAINT IF EXISTS "payout_records_amount_positive";
  ALTER TABLE "payout_batches" DROP CONSTRAINT IF EXISTS "payout_batches_total_not_negative";
  DROP INDEX IF EXISTS "payment_windows_one_open_per_tenant";
  ALTER TABLE "payment_windows" DROP CONSTRAINT IF EXISTS "payment_windows_closes_after_opening";
`
