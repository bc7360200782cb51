/**
 * Hand-written SQL of mail campaigns (issue 15): addresses are stored lower-cased (the
 * unique indexes per campaign and per website then compare them case-blind), counters are
 * whole and non-negative, and the sender's claim (`status = 'pending'` by campaign, in id
 * order) reads a partial index of the rows still to send.
 */
export const campaignsUp = [
  'ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_address_lower" CHECK ("address" = lower("address"));',
  'ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_address_lower" CHECK ("address" = lower("address"));',
  'ALTER TABLE "email_suppressions" ALTER COLUMN "tenant_id" SET NOT NULL;',
  'ALTER TABLE "email_recipients" ALTER COLUMN "tenant_id" SET NOT NULL;',
  'ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_attempt_whole" CHECK ("attempt" IS NULL OR ("attempt" = trunc("attempt") AND "attempt" >= 0));',
  `ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_progress_whole" CHECK (
     COALESCE("progress_total", 0) = trunc(COALESCE("progress_total", 0)) AND COALESCE("progress_total", 0) >= 0
     AND COALESCE("progress_sent", 0) = trunc(COALESCE("progress_sent", 0)) AND COALESCE("progress_sent", 0) >= 0
     AND COALESCE("progress_failed", 0) = trunc(COALESCE("progress_failed", 0)) AND COALESCE("progress_failed", 0) >= 0
     AND COALESCE("progress_skipped", 0) = trunc(COALESCE("progress_skipped", 0)) AND COALESCE("progress_skipped", 0) >= 0);`,
  `CREATE INDEX "email_recipients_to_send_idx" ON "email_recipients" USING btree ("campaign_id", "id") WHERE "status" IN ('pending', 'sending');`,
].join('\n')

export const campaignsDown = [
  'DROP INDEX IF EXISTS "email_recipients_to_send_idx";',
  'ALTER TABLE "email_campaigns" DROP CONSTRAINT IF EXISTS "email_campaigns_progress_whole";',
  'ALTER TABLE "email_recipients" DROP CONSTRAINT IF EXISTS "email_recipients_attempt_whole";',
  'ALTER TABLE "email_suppressions" DROP CONSTRAINT IF EXISTS "email_suppressions_address_lower";',
  'ALTER TABLE "email_recipients" DROP CONSTRAINT IF EXISTS "email_recipients_address_lower";',
].join('\n')
