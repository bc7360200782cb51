import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_order_events_action" ADD VALUE 'invitePreferred' BEFORE 'acceptInvitation';
  ALTER TYPE "public"."enum_order_events_action" ADD VALUE 'paymentApplied' BEFORE 'deadlineReminder';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "order_events" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_order_events_action";
  CREATE TYPE "public"."enum_order_events_action" AS ENUM('markPaid', 'routeToPool', 'showInterest', 'bid', 'withdrawInterest', 'take', 'assign', 'acceptAssignment', 'rejectAssignment', 'acceptInvitation', 'declineInvitation', 'expireInvitation', 'releaseToPool', 'acknowledge', 'requestHold', 'activateHold', 'releaseHold', 'cancelHold', 'submit', 'qaApprove', 'qaReturn', 'editorApprove', 'editorRequestRevision', 'complete', 'approve', 'requestRevision', 'reopen', 'openDispute', 'resolveDispute', 'closeDispute', 'requestReassignment', 'approveReassignment', 'requestCancellation', 'approveCancellation', 'rejectCancellation', 'cancel', 'archive', 'deadlineReminder', 'overdue', 'stuck');
  ALTER TABLE "order_events" ALTER COLUMN "action" SET DATA TYPE "public"."enum_order_events_action" USING "action"::"public"."enum_order_events_action";`)
}
