import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_login_per_email_per_minute" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_login_per_ip_per_minute" numeric DEFAULT 30;
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_registration_per_ip_per_hour" numeric DEFAULT 20;
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_registration_per_email_per_hour" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_password_reset_per_email_per_hour" numeric DEFAULT 5;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_login_per_email_per_minute";
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_login_per_ip_per_minute";
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_registration_per_ip_per_hour";
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_registration_per_email_per_hour";
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_password_reset_per_email_per_hour";`)
}
