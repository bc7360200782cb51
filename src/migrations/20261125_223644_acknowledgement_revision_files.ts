import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_order_events_action" ADD VALUE 'acknowledgementReminder' BEFORE 'overdue';
  ALTER TABLE "orders" ADD COLUMN "monitoring_acknowledgement_reminder_at" timestamp(3) with time zone;
  ALTER TABLE "order_files" ADD COLUMN "revision_request_id" integer;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_revision_request_id_order_requests_id_fk" FOREIGN KEY ("revision_request_id") REFERENCES "public"."order_requests"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "order_files_revision_request_idx" ON "order_files" USING btree ("revision_request_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "order_files" DROP CONSTRAINT "order_files_revision_request_id_order_requests_id_fk";
  
  ALTER TABLE "order_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_order_events_action";
  CREATE TYPE "public"."enum_order_events_action" AS ENUM('markPaid', 'routeToPool', 'showInterest', 'bid', 'withdrawInterest', 'take', 'assign', 'acceptAssignment', 'rejectAssignment', 'invitePreferred', 'acceptInvitation', 'declineInvitation', 'expireInvitation', 'releaseToPool', 'acknowledge', 'requestHold', 'activateHold', 'releaseHold', 'cancelHold', 'submit', 'qaApprove', 'qaReturn', 'editorApprove', 'editorRequestRevision', 'complete', 'approve', 'requestRevision', 'reopen', 'openDispute', 'resolveDispute', 'closeDispute', 'requestReassignment', 'approveReassignment', 'requestCancellation', 'approveCancellation', 'rejectCancellation', 'cancel', 'archive', 'paymentApplied', 'deadlineReminder', 'overdue', 'stuck');
  ALTER TABLE "order_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_order_events_action" USING "action"::"public"."enum_order_events_action";
  DROP INDEX "order_files_revision_request_idx";
  ALTER TABLE "orders" DROP COLUMN "monitoring_acknowledgement_reminder_at";
  ALTER TABLE "order_files" DROP COLUMN "revision_request_id";`)
}
