import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_notifications_email_status" ADD VALUE 'sending' BEFORE 'sent';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  // A mail caught mid-send goes back to the queue: the old type has no 'sending'.
  await db.execute(sql`
   UPDATE "notifications" SET "email_status" = 'queued' WHERE "email_status" = 'sending';
   ALTER TABLE "notifications" ALTER COLUMN "email_status" SET DATA TYPE text;
  ALTER TABLE "notifications" ALTER COLUMN "email_status" SET DEFAULT 'none'::text;
  DROP TYPE "public"."enum_notifications_email_status";
  CREATE TYPE "public"."enum_notifications_email_status" AS ENUM('none', 'queued', 'sent', 'held', 'digested', 'skipped');
  ALTER TABLE "notifications" ALTER COLUMN "email_status" SET DEFAULT 'none'::"public"."enum_notifications_email_status";
  ALTER TABLE "notifications" ALTER COLUMN "email_status" SET DATA TYPE "public"."enum_notifications_email_status" USING "email_status"::"public"."enum_notifications_email_status";`)
}
