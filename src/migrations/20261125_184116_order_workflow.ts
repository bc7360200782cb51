import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_writer_levels_earning_mode" AS ENUM('fixed_per_page', 'percentage_of_order_total');
  CREATE TYPE "public"."enum_orders_preferred_writer_status" AS ENUM('not_requested', 'invited', 'accepted', 'declined', 'expired', 'fallback_to_pool');
  CREATE TYPE "public"."enum_order_events_action" AS ENUM('markPaid', 'routeToPool', 'showInterest', 'bid', 'withdrawInterest', 'take', 'assign', 'acceptAssignment', 'rejectAssignment', 'invitePreferred', 'acceptInvitation', 'declineInvitation', 'expireInvitation', 'releaseToPool', 'acknowledge', 'requestHold', 'activateHold', 'releaseHold', 'cancelHold', 'submit', 'qaApprove', 'qaReturn', 'editorApprove', 'editorRequestRevision', 'complete', 'approve', 'requestRevision', 'reopen', 'openDispute', 'resolveDispute', 'closeDispute', 'requestReassignment', 'approveReassignment', 'requestCancellation', 'approveCancellation', 'rejectCancellation', 'cancel', 'archive', 'paymentApplied', 'deadlineReminder', 'overdue', 'stuck');
  CREATE TYPE "public"."enum_order_events_from" AS ENUM('created', 'unpaid', 'pending_payment', 'paid', 'ready_for_staffing', 'pending_writer_acceptance', 'in_progress', 'on_hold', 'qa_review', 'under_editing', 'submitted', 'completed', 'disputed', 'revision_requested', 'pending_cancellation', 'cancelled', 'refunded', 'archived');
  CREATE TYPE "public"."enum_order_events_to" AS ENUM('created', 'unpaid', 'pending_payment', 'paid', 'ready_for_staffing', 'pending_writer_acceptance', 'in_progress', 'on_hold', 'qa_review', 'under_editing', 'submitted', 'completed', 'disputed', 'revision_requested', 'pending_cancellation', 'cancelled', 'refunded', 'archived');
  CREATE TYPE "public"."enum_order_interests_kind" AS ENUM('interest', 'bid');
  CREATE TYPE "public"."enum_order_interests_status" AS ENUM('pending', 'accepted', 'withdrawn', 'superseded');
  CREATE TYPE "public"."enum_order_assignments_source" AS ENUM('staff_assignment', 'self_take', 'accepted_interest', 'direct_acceptance', 'preferred_writer_acceptance');
  CREATE TYPE "public"."enum_order_assignments_status" AS ENUM('active', 'released', 'completed', 'cancelled');
  CREATE TYPE "public"."enum_order_requests_kind" AS ENUM('hold', 'dispute', 'cancellation', 'reassignment', 'revision');
  CREATE TYPE "public"."enum_order_requests_status" AS ENUM('requested', 'active', 'open', 'resolved', 'pending', 'in_progress', 'approved', 'rejected', 'released', 'cancelled', 'closed', 'done');
  CREATE TYPE "public"."enum_order_requests_status_before" AS ENUM('created', 'unpaid', 'pending_payment', 'paid', 'ready_for_staffing', 'pending_writer_acceptance', 'in_progress', 'on_hold', 'qa_review', 'under_editing', 'submitted', 'completed', 'disputed', 'revision_requested', 'pending_cancellation', 'cancelled', 'refunded', 'archived');
  CREATE TYPE "public"."enum_order_files_purpose" AS ENUM('instructions', 'reference', 'style_reference', 'extra_service', 'draft', 'final', 'revision', 'writer_guide', 'internal');
  CREATE TYPE "public"."enum_order_messages_thread" AS ENUM('client_support', 'client_writer', 'writer_support');
  CREATE TABLE "writer_levels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"display_order" numeric DEFAULT 1 NOT NULL,
  	"active" boolean DEFAULT true,
  	"is_default" boolean DEFAULT false,
  	"earning_mode" "enum_writer_levels_earning_mode" DEFAULT 'fixed_per_page' NOT NULL,
  	"pay_per_page" numeric DEFAULT 0 NOT NULL,
  	"pay_per_slide" numeric DEFAULT 0 NOT NULL,
  	"percent_of_total_bp" numeric DEFAULT 0,
  	"urgent_threshold_hours" numeric DEFAULT 12 NOT NULL,
  	"urgent_surcharge_per_page" numeric DEFAULT 0 NOT NULL,
  	"urgent_multiplier_bp" numeric DEFAULT 10000 NOT NULL,
  	"tip_percent" numeric DEFAULT 100,
  	"max_active_orders" numeric DEFAULT 10 NOT NULL,
  	"max_manual_takes" numeric DEFAULT 5 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "order_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"action" "enum_order_events_action" NOT NULL,
  	"from" "enum_order_events_from" NOT NULL,
  	"to" "enum_order_events_to" NOT NULL,
  	"actor_id" integer,
  	"reason" varchar,
  	"metadata" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "order_interests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"writer_id" integer NOT NULL,
  	"kind" "enum_order_interests_kind" NOT NULL,
  	"status" "enum_order_interests_status" DEFAULT 'pending' NOT NULL,
  	"message" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "order_assignments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"writer_id" integer NOT NULL,
  	"assigned_by_id" integer,
  	"source" "enum_order_assignments_source" NOT NULL,
  	"status" "enum_order_assignments_status" DEFAULT 'active' NOT NULL,
  	"is_current" boolean DEFAULT true,
  	"released_at" timestamp(3) with time zone,
  	"release_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "order_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"kind" "enum_order_requests_kind" NOT NULL,
  	"status" "enum_order_requests_status" NOT NULL,
  	"requested_by_id" integer,
  	"reason" varchar,
  	"description" varchar,
  	"status_before" "enum_order_requests_status_before",
  	"outcome" varchar,
  	"resolution" varchar,
  	"forfeit_percent" numeric,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "order_files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"purpose" "enum_order_files_purpose" NOT NULL,
  	"uploaded_by_id" integer,
  	"note" varchar,
  	"prefix" varchar DEFAULT '',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "order_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"thread" "enum_order_messages_thread" NOT NULL,
  	"author_id" integer,
  	"body" varchar NOT NULL,
  	"masked" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_staffing_takes_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_staffing_invitation_hours" numeric DEFAULT 24;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_editing_by_default" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_skip_editing_for_urgent" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_allow_editing_for_early_submissions" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_early_submission_hours" numeric DEFAULT 24;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_qa_enabled" boolean DEFAULT false;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_qa_for_high_value" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_high_value_threshold" numeric DEFAULT 30000;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_qa_for_new_writers" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_review_new_writer_order_threshold" numeric DEFAULT 5;
  ALTER TABLE "users" ADD COLUMN "writer_level_id" integer;
  ALTER TABLE "users" ADD COLUMN "suspended" boolean DEFAULT false;
  ALTER TABLE "orders" ADD COLUMN "files_released" boolean DEFAULT false;
  ALTER TABLE "orders" ADD COLUMN "preferred_writer_status" "enum_orders_preferred_writer_status" DEFAULT 'not_requested';
  ALTER TABLE "orders" ADD COLUMN "invited_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "pending_writer_id" integer;
  ALTER TABLE "orders" ADD COLUMN "timestamps_acknowledged_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "monitoring_last_activity_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "monitoring_reminder24h_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "monitoring_reminder6h_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "monitoring_reminder1h_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "monitoring_overdue_alerted_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "monitoring_stuck_alerted_at" timestamp(3) with time zone;
  ALTER TABLE "orders" ADD COLUMN "cancellation_forfeit_percent" numeric;
  ALTER TABLE "orders" ADD COLUMN "cancellation_kept" numeric;
  ALTER TABLE "orders" ADD COLUMN "cancellation_refund_due" numeric;
  ALTER TABLE "writer_levels" ADD CONSTRAINT "writer_levels_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_events" ADD CONSTRAINT "order_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_events" ADD CONSTRAINT "order_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_interests" ADD CONSTRAINT "order_interests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_interests" ADD CONSTRAINT "order_interests_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_interests" ADD CONSTRAINT "order_interests_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_assignments" ADD CONSTRAINT "order_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_assignments" ADD CONSTRAINT "order_assignments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_assignments" ADD CONSTRAINT "order_assignments_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_assignments" ADD CONSTRAINT "order_assignments_assigned_by_id_users_id_fk" FOREIGN KEY ("assigned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_requests" ADD CONSTRAINT "order_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_requests" ADD CONSTRAINT "order_requests_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_requests" ADD CONSTRAINT "order_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_requests" ADD CONSTRAINT "order_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "writer_levels_tenant_idx" ON "writer_levels" USING btree ("tenant_id");
  CREATE INDEX "writer_levels_updated_at_idx" ON "writer_levels" USING btree ("updated_at");
  CREATE INDEX "writer_levels_created_at_idx" ON "writer_levels" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_code_idx" ON "writer_levels" USING btree ("tenant_id","code");
  CREATE INDEX "order_events_tenant_idx" ON "order_events" USING btree ("tenant_id");
  CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id");
  CREATE INDEX "order_events_action_idx" ON "order_events" USING btree ("action");
  CREATE INDEX "order_events_actor_idx" ON "order_events" USING btree ("actor_id");
  CREATE INDEX "order_events_updated_at_idx" ON "order_events" USING btree ("updated_at");
  CREATE INDEX "order_events_created_at_idx" ON "order_events" USING btree ("created_at");
  CREATE INDEX "order_createdAt_idx" ON "order_events" USING btree ("order_id","created_at");
  CREATE INDEX "order_interests_tenant_idx" ON "order_interests" USING btree ("tenant_id");
  CREATE INDEX "order_interests_order_idx" ON "order_interests" USING btree ("order_id");
  CREATE INDEX "order_interests_writer_idx" ON "order_interests" USING btree ("writer_id");
  CREATE INDEX "order_interests_updated_at_idx" ON "order_interests" USING btree ("updated_at");
  CREATE INDEX "order_interests_created_at_idx" ON "order_interests" USING btree ("created_at");
  CREATE INDEX "order_writer_status_idx" ON "order_interests" USING btree ("order_id","writer_id","status");
  CREATE INDEX "order_assignments_tenant_idx" ON "order_assignments" USING btree ("tenant_id");
  CREATE INDEX "order_assignments_order_idx" ON "order_assignments" USING btree ("order_id");
  CREATE INDEX "order_assignments_writer_idx" ON "order_assignments" USING btree ("writer_id");
  CREATE INDEX "order_assignments_assigned_by_idx" ON "order_assignments" USING btree ("assigned_by_id");
  CREATE INDEX "order_assignments_is_current_idx" ON "order_assignments" USING btree ("is_current");
  CREATE INDEX "order_assignments_updated_at_idx" ON "order_assignments" USING btree ("updated_at");
  CREATE INDEX "order_assignments_created_at_idx" ON "order_assignments" USING btree ("created_at");
  CREATE INDEX "order_requests_tenant_idx" ON "order_requests" USING btree ("tenant_id");
  CREATE INDEX "order_requests_order_idx" ON "order_requests" USING btree ("order_id");
  CREATE INDEX "order_requests_requested_by_idx" ON "order_requests" USING btree ("requested_by_id");
  CREATE INDEX "order_requests_decided_by_idx" ON "order_requests" USING btree ("decided_by_id");
  CREATE INDEX "order_requests_updated_at_idx" ON "order_requests" USING btree ("updated_at");
  CREATE INDEX "order_requests_created_at_idx" ON "order_requests" USING btree ("created_at");
  CREATE INDEX "order_kind_status_idx" ON "order_requests" USING btree ("order_id","kind","status");
  CREATE INDEX "order_files_tenant_idx" ON "order_files" USING btree ("tenant_id");
  CREATE INDEX "order_files_order_idx" ON "order_files" USING btree ("order_id");
  CREATE INDEX "order_files_purpose_idx" ON "order_files" USING btree ("purpose");
  CREATE INDEX "order_files_uploaded_by_idx" ON "order_files" USING btree ("uploaded_by_id");
  CREATE INDEX "order_files_updated_at_idx" ON "order_files" USING btree ("updated_at");
  CREATE INDEX "order_files_created_at_idx" ON "order_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "order_files_filename_idx" ON "order_files" USING btree ("filename");
  CREATE INDEX "order_messages_tenant_idx" ON "order_messages" USING btree ("tenant_id");
  CREATE INDEX "order_messages_order_idx" ON "order_messages" USING btree ("order_id");
  CREATE INDEX "order_messages_author_idx" ON "order_messages" USING btree ("author_id");
  CREATE INDEX "order_messages_updated_at_idx" ON "order_messages" USING btree ("updated_at");
  CREATE INDEX "order_messages_created_at_idx" ON "order_messages" USING btree ("created_at");
  CREATE INDEX "order_thread_createdAt_idx" ON "order_messages" USING btree ("order_id","thread","created_at");
  ALTER TABLE "users" ADD CONSTRAINT "users_writer_level_id_writer_levels_id_fk" FOREIGN KEY ("writer_level_id") REFERENCES "public"."writer_levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_pending_writer_id_users_id_fk" FOREIGN KEY ("pending_writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "users_writer_level_idx" ON "users" USING btree ("writer_level_id");
  CREATE INDEX "orders_invited_at_idx" ON "orders" USING btree ("invited_at");
  CREATE INDEX "orders_pending_writer_idx" ON "orders" USING btree ("pending_writer_id");
  CREATE INDEX "orders_monitoring_monitoring_last_activity_at_idx" ON "orders" USING btree ("monitoring_last_activity_at");
  -- One current assignment per order, whatever runs concurrently (Payload cannot declare partial indexes).
  CREATE UNIQUE INDEX "order_assignments_one_current" ON "order_assignments" ("order_id") WHERE "is_current";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "order_assignments_one_current";
   ALTER TABLE "writer_levels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "order_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "order_interests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "order_assignments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "order_requests" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "order_files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "order_messages" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "writer_levels" CASCADE;
  DROP TABLE "order_events" CASCADE;
  DROP TABLE "order_interests" CASCADE;
  DROP TABLE "order_assignments" CASCADE;
  DROP TABLE "order_requests" CASCADE;
  DROP TABLE "order_files" CASCADE;
  DROP TABLE "order_messages" CASCADE;
  ALTER TABLE "users" DROP CONSTRAINT "users_writer_level_id_writer_levels_id_fk";
  
  ALTER TABLE "orders" DROP CONSTRAINT "orders_pending_writer_id_users_id_fk";
  
  DROP INDEX "users_writer_level_idx";
  DROP INDEX "orders_invited_at_idx";
  DROP INDEX "orders_pending_writer_idx";
  DROP INDEX "orders_monitoring_monitoring_last_activity_at_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_staffing_takes_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_staffing_invitation_hours";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_editing_by_default";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_skip_editing_for_urgent";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_allow_editing_for_early_submissions";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_early_submission_hours";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_qa_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_qa_for_high_value";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_high_value_threshold";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_qa_for_new_writers";
  ALTER TABLE "tenants" DROP COLUMN "settings_review_new_writer_order_threshold";
  ALTER TABLE "users" DROP COLUMN "writer_level_id";
  ALTER TABLE "users" DROP COLUMN "suspended";
  ALTER TABLE "orders" DROP COLUMN "files_released";
  ALTER TABLE "orders" DROP COLUMN "preferred_writer_status";
  ALTER TABLE "orders" DROP COLUMN "invited_at";
  ALTER TABLE "orders" DROP COLUMN "pending_writer_id";
  ALTER TABLE "orders" DROP COLUMN "timestamps_acknowledged_at";
  ALTER TABLE "orders" DROP COLUMN "monitoring_last_activity_at";
  ALTER TABLE "orders" DROP COLUMN "monitoring_reminder24h_at";
  ALTER TABLE "orders" DROP COLUMN "monitoring_reminder6h_at";
  ALTER TABLE "orders" DROP COLUMN "monitoring_reminder1h_at";
  ALTER TABLE "orders" DROP COLUMN "monitoring_overdue_alerted_at";
  ALTER TABLE "orders" DROP COLUMN "monitoring_stuck_alerted_at";
  ALTER TABLE "orders" DROP COLUMN "cancellation_forfeit_percent";
  ALTER TABLE "orders" DROP COLUMN "cancellation_kept";
  ALTER TABLE "orders" DROP COLUMN "cancellation_refund_due";
  DROP TYPE "public"."enum_writer_levels_earning_mode";
  DROP TYPE "public"."enum_orders_preferred_writer_status";
  DROP TYPE "public"."enum_order_events_action";
  DROP TYPE "public"."enum_order_events_from";
  DROP TYPE "public"."enum_order_events_to";
  DROP TYPE "public"."enum_order_interests_kind";
  DROP TYPE "public"."enum_order_interests_status";
  DROP TYPE "public"."enum_order_assignments_source";
  DROP TYPE "public"."enum_order_assignments_status";
  DROP TYPE "public"."enum_order_requests_kind";
  DROP TYPE "public"."enum_order_requests_status";
  DROP TYPE "public"."enum_order_requests_status_before";
  DROP TYPE "public"."enum_order_files_purpose";
  DROP TYPE "public"."enum_order_messages_thread";`)
}
