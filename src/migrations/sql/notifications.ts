/**
 * Hand-written SQL of notifications: the partial indexes of the hot questions (a user's
 * unread badge, the digest runs' held rows, a recipient's mail of the last hour for the
 * rate limit) and the do-not-disturb hours as whole hours 0–23.
 */
export const notificationsUp = [
  'CREATE INDEX IF NOT EXISTS "notifications_unread" ON "notifications" ("recipient_id") WHERE "read_at" IS NULL AND "inbox";',
  'CREATE INDEX IF NOT EXISTS "notifications_held" ON "notifications" ("tenant_id", "recipient_id") WHERE "email_status" = \'held\';',
  'CREATE INDEX IF NOT EXISTS "notifications_mailed" ON "notifications" ("tenant_id", "recipient_id", "emailed_at") WHERE "emailed_at" IS NOT NULL;',
  'ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_dnd_hours" CHECK (("dnd_start" IS NULL OR ("dnd_start" = trunc("dnd_start") AND "dnd_start" BETWEEN 0 AND 23)) AND ("dnd_end" IS NULL OR ("dnd_end" = trunc("dnd_end") AND "dnd_end" BETWEEN 0 AND 23)));',
].join('\n')

export const notificationsDown = [
  'ALTER TABLE "notification_preferences" DROP CONSTRAINT IF EXISTS "notification_preferences_dnd_hours";',
  'DROP INDEX IF EXISTS "notifications_mailed";',
  'DROP INDEX IF EXISTS "notifications_held";',
  'DROP INDEX IF EXISTS "notifications_unread";',
].join('\n')
