import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Failed-login lockout (issue 16): a website's lockout settings (failures allowed, window), and the owner's single-use unlock link stored hashed on the user.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" ADD COLUMN "settings_lockout_failures" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_lockout_window_minutes" numeric DEFAULT 15;
  ALTER TABLE "users" ADD COLUMN "unlock_token_hash" varchar;
  ALTER TABLE "users" ADD COLUMN "unlock_token_expires_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "unlock_token_used_at" timestamp(3) with time zone;
  CREATE INDEX "users_unlock_token_hash_idx" ON "users" USING btree ("unlock_token_hash");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "users_unlock_token_hash_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_lockout_failures";
  ALTER TABLE "tenants" DROP COLUMN "settings_lockout_window_minutes";
  ALTER TABLE "users" DROP COLUMN "unlock_token_hash";
  ALTER TABLE "users" DROP COLUMN "unlock_token_expires_at";
  ALTER TABLE "users" DROP COLUMN "unlock_token_used_at";`)
}
