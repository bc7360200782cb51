/**
 * Hand-written SQL of the admin's list views at scale (the capacity issue; measured by
 * bench/adminScale.ts, chosen from EXPLAIN ANALYZE on the bench dataset). Payload's schema
 * does not know these indexes (they are on no collection's `indexes`), so its schema
 * diff never drops them.
 * - Orders sorted by total, on the whole website or one status: the page is the first ten
 *   entries of an index walk instead of a sort of every order of the website (or status).
 *   Payload sorts `total` then `-createdAt`, so the walk ends on the date.
 * - The orders search box (`like` on number and topic, ILIKE '%term%'): trigram GIN, so
 *   the search reads the matching rows instead of every order of the website.
 * - The orders list filtered by client email (`client.email` like): trigram GIN on the
 *   users' email, so the join starts from the matching users instead of reading them all.
 */
export const adminListIndexesUp = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "orders_tenant_total_created_at_idx" ON "orders" ("tenant_id", "total", "created_at");
CREATE INDEX IF NOT EXISTS "orders_tenant_status_total_created_at_idx" ON "orders" ("tenant_id", "status", "total", "created_at");
CREATE INDEX IF NOT EXISTS "orders_number_topic_trgm_idx" ON "orders" USING gin ("number" gin_trgm_ops, "topic" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "users_email_trgm_idx" ON "users" USING gin ("email" gin_trgm_ops);
`

export const adminListIndexesDown = `
DROP INDEX IF EXISTS "users_email_trgm_idx";
DROP INDEX IF EXISTS "orders_number_topic_trgm_idx";
DROP INDEX IF EXISTS "orders_tenant_status_total_created_at_idx";
DROP INDEX IF EXISTS "orders_tenant_total_created_at_idx";
DROP EXTENSION IF EXISTS pg_trgm;
`
