/**
 * Hand-written SQL of support tickets (issue 15): a ticket's number is unique on its
 * website (TCK-000123 from the website's counter); a message or file of a ticket stays
 * on the ticket's website.
 */
export const ticketsUp = [
  'CREATE UNIQUE INDEX IF NOT EXISTS "tickets_tenant_number_unique" ON "tickets" ("tenant_id", "number") WHERE "number" IS NOT NULL;',
  'ALTER TABLE "tickets" ADD CONSTRAINT "tickets_reopen_count_whole" CHECK ("reopen_count" IS NULL OR ("reopen_count" = trunc("reopen_count") AND "reopen_count" >= 0));',
].join('\n')

export const ticketsDown = [
  'ALTER TABLE "tickets" DROP CONSTRAINT IF EXISTS "tickets_reopen_count_whole";',
  'DROP INDEX IF EXISTS "tickets_tenant_number_unique";',
].join('\n')
