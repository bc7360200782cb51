import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // Impersonation (issue 16): an impersonation session's row names the staff member and
  // the reason; every audit row written during one names the staff member too.
  await db.execute(sql`
   ALTER TYPE "public"."enum_login_sessions_end_reason" ADD VALUE 'impersonation_stopped';
  ALTER TYPE "public"."enum_login_sessions_end_reason" ADD VALUE 'impersonation_expired';
  ALTER TABLE "login_sessions" ADD COLUMN "impersonator_id" integer;
  ALTER TABLE "login_sessions" ADD COLUMN "impersonation_reason" varchar;
  ALTER TABLE "audit_events" ADD COLUMN "impersonator" numeric;
  ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_impersonator_id_users_id_fk" FOREIGN KEY ("impersonator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "login_sessions_impersonator_idx" ON "login_sessions" USING btree ("impersonator_id");
  CREATE INDEX "audit_events_impersonator_idx" ON "audit_events" USING btree ("impersonator");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "login_sessions" DROP CONSTRAINT "login_sessions_impersonator_id_users_id_fk";
  
  ALTER TABLE "login_sessions" ALTER COLUMN "end_reason" SET DATA TYPE text;
  UPDATE "login_sessions" SET "end_reason" = 'revoked' WHERE "end_reason" IN ('impersonation_stopped', 'impersonation_expired');
  DROP TYPE "public"."enum_login_sessions_end_reason";
  CREATE TYPE "public"."enum_login_sessions_end_reason" AS ENUM('logout', 'logout_all', 'revoked', 'idle', 'limit', 'password_change');
  ALTER TABLE "login_sessions" ALTER COLUMN "end_reason" SET DATA TYPE "public"."enum_login_sessions_end_reason" USING "end_reason"::"public"."enum_login_sessions_end_reason";
  DROP INDEX "login_sessions_impersonator_idx";
  DROP INDEX "audit_events_impersonator_idx";
  ALTER TABLE "login_sessions" DROP COLUMN "impersonator_id";
  ALTER TABLE "login_sessions" DROP COLUMN "impersonation_reason";
  ALTER TABLE "audit_events" DROP COLUMN "impersonator";`)
}
