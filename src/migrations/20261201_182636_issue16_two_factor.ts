import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_login_sessions_end_reason" ADD VALUE 'second_factor_required';
  ALTER TABLE "users" ADD COLUMN "two_factor_enabled_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "two_factor_secret" varchar;
  ALTER TABLE "users" ADD COLUMN "two_factor_pending_secret" varchar;
  ALTER TABLE "users" ADD COLUMN "two_factor_last_step" numeric;
  ALTER TABLE "users" ADD COLUMN "two_factor_recovery_codes" jsonb;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "login_sessions" ALTER COLUMN "end_reason" SET DATA TYPE text;
  DROP TYPE "public"."enum_login_sessions_end_reason";
  CREATE TYPE "public"."enum_login_sessions_end_reason" AS ENUM('logout', 'logout_all', 'revoked', 'idle', 'limit', 'password_change', 'impersonation_stopped', 'impersonation_expired');
  ALTER TABLE "login_sessions" ALTER COLUMN "end_reason" SET DATA TYPE "public"."enum_login_sessions_end_reason" USING "end_reason"::"public"."enum_login_sessions_end_reason";
  ALTER TABLE "users" DROP COLUMN "two_factor_enabled_at";
  ALTER TABLE "users" DROP COLUMN "two_factor_secret";
  ALTER TABLE "users" DROP COLUMN "two_factor_pending_secret";
  ALTER TABLE "users" DROP COLUMN "two_factor_last_step";
  ALTER TABLE "users" DROP COLUMN "two_factor_recovery_codes";`)
}
