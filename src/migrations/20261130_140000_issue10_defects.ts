import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Issue 10: manual payments switched on per website and confirmed by staff (who, when,
 * their note); the per-email-per-website login limit gone (logins are now counted per
 * account and address, across websites, in code).
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" ADD COLUMN "settings_payments_manual_enabled" boolean DEFAULT false;
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_login_per_email_per_minute";
  ALTER TABLE "payments" ADD COLUMN "confirmation_confirmed_by_id" integer;
  ALTER TABLE "payments" ADD COLUMN "confirmation_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "payments" ADD COLUMN "confirmation_bank_reference" varchar;
  ALTER TABLE "payments" ADD COLUMN "confirmation_note" varchar;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_confirmation_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmation_confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payments_confirmation_confirmation_confirmed_by_idx" ON "payments" USING btree ("confirmation_confirmed_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payments" DROP CONSTRAINT "payments_confirmation_confirmed_by_id_users_id_fk";
  DROP INDEX "payments_confirmation_confirmation_confirmed_by_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_payments_manual_enabled";
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_login_per_email_per_minute" numeric DEFAULT 10;
  ALTER TABLE "payments" DROP COLUMN "confirmation_confirmed_by_id";
  ALTER TABLE "payments" DROP COLUMN "confirmation_confirmed_at";
  ALTER TABLE "payments" DROP COLUMN "confirmation_bank_reference";
  ALTER TABLE "payments" DROP COLUMN "confirmation_note";`)
}
