/**
 * Hand-written SQL of the audit trail (issue 15, src/collections/AuditEvents.ts):
 *
 * - `parties`: the users a row's record names, for the activity feed (`@>` on a GIN index).
 *   Not a Payload field: only the trail's own INSERT writes it and only the feed reads it.
 * - Append-only: a trigger refuses every DELETE and TRUNCATE, and every UPDATE but the
 *   chain job's — the one setting of `seq`, `prev_hash` and `hash` on a row that has no
 *   hash yet, with every other column unchanged. Nothing else, not even the server's own
 *   connection, edits a row. (A database superuser can still switch the trigger off:
 *   `npm run audit:verify` is what catches that.)
 * - The chain job's work list: the rows without a hash, per website, in id order.
 */
export const auditUp = [
  `ALTER TABLE "audit_events" ADD COLUMN "parties" integer[] NOT NULL DEFAULT '{}';`,
  `CREATE INDEX "audit_events_parties_idx" ON "audit_events" USING gin ("parties");`,
  `CREATE INDEX "audit_events_unchained_idx" ON "audit_events" ("tenant_id", "id") WHERE "hash" IS NULL;`,
  `CREATE UNIQUE INDEX "audit_events_platform_seq_idx" ON "audit_events" ("seq") WHERE "tenant_id" IS NULL;`,
  `CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
     AND (to_jsonb(NEW) - ARRAY['seq', 'prev_hash', 'hash']) = (to_jsonb(OLD) - ARRAY['seq', 'prev_hash', 'hash']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;`,
  `CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();`,
  `CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();`,
].join('\n')

export const auditDown = [
  'DROP TRIGGER IF EXISTS "audit_events_no_truncate" ON "audit_events";',
  'DROP TRIGGER IF EXISTS "audit_events_append_only" ON "audit_events";',
  'DROP FUNCTION IF EXISTS "audit_events_append_only"();',
  'DROP INDEX IF EXISTS "audit_events_platform_seq_idx";',
  'DROP INDEX IF EXISTS "audit_events_unchained_idx";',
  'DROP INDEX IF EXISTS "audit_events_parties_idx";',
  'ALTER TABLE "audit_events" DROP COLUMN IF EXISTS "parties";',
].join('\n')
