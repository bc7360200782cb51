import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Email verification (issue 16, docs/decisions.md): the website switch, the users' own
// verified-at stamp, a held new address and the one live link's hash and end. Every
// account that exists already counts as verified since it was created: the rule is for
// new registrations, and nobody is stopped from ordering by a migration.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" ADD COLUMN "settings_features_email_verification_required" boolean DEFAULT false;
  ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "pending_email" varchar;
  ALTER TABLE "users" ADD COLUMN "email_token_hash" varchar;
  ALTER TABLE "users" ADD COLUMN "email_token_expires_at" timestamp(3) with time zone;
  CREATE INDEX "users_email_token_hash_idx" ON "users" USING btree ("email_token_hash");
  UPDATE "users" SET "email_verified_at" = "created_at";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "users_email_token_hash_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_features_email_verification_required";
  ALTER TABLE "users" DROP COLUMN "email_verified_at";
  ALTER TABLE "users" DROP COLUMN "pending_email";
  ALTER TABLE "users" DROP COLUMN "email_token_hash";
  ALTER TABLE "users" DROP COLUMN "email_token_expires_at";`)
}
