import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { auditDown, auditUp } from './sql/audit'
import { campaignsDown, campaignsUp } from './sql/campaigns'
import { notificationsDown, notificationsUp } from './sql/notifications'
import { reviewsDown, reviewsUp } from './sql/reviews'
import { ticketsDown, ticketsUp } from './sql/tickets'

/**
 * Issue 15 (people): notifications, their preferences and templates; support tickets,
 * their messages and attachments; reviews and the writers' pen names and rating; mail
 * campaigns, recipients and suppressions; the audit trail. Then each part's hand-written
 * SQL: CHECKs, partial unique indexes, the audit trail's append-only trigger.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tickets_category" AS ENUM('general', 'payment', 'technical', 'order', 'feedback', 'other');
  CREATE TYPE "public"."enum_tickets_priority" AS ENUM('low', 'normal', 'high', 'critical');
  CREATE TYPE "public"."enum_tickets_opener_role" AS ENUM('client', 'writer');
  CREATE TYPE "public"."enum_tickets_status" AS ENUM('open', 'in_progress', 'awaiting_response', 'escalated', 'closed');
  CREATE TYPE "public"."enum_email_campaigns_audience_roles" AS ENUM('client', 'writer', 'editor', 'support', 'content', 'admin');
  CREATE TYPE "public"."enum_email_campaigns_audience_segment" AS ENUM('none', 'recentClients', 'lapsedClients', 'writersOfLevel');
  CREATE TYPE "public"."enum_email_campaigns_status" AS ENUM('draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled');
  CREATE TYPE "public"."enum_email_recipients_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'skipped');
  CREATE TYPE "public"."enum_email_suppressions_reason" AS ENUM('bounce', 'complaint', 'manual');
  CREATE TYPE "public"."enum_reviews_moderation_reasons" AS ENUM('spam', 'offensive', 'personal_data', 'off_topic', 'not_genuine', 'conflict_of_interest', 'other');
  CREATE TYPE "public"."enum_reviews_kind" AS ENUM('order', 'website');
  CREATE TYPE "public"."enum_reviews_status" AS ENUM('pending', 'approved', 'rejected', 'flagged');
  CREATE TYPE "public"."enum_notifications_category" AS ENUM('orders', 'payments', 'payouts', 'fines', 'tickets', 'reviews', 'account', 'marketing');
  CREATE TYPE "public"."enum_notifications_priority" AS ENUM('low', 'normal', 'high', 'critical');
  CREATE TYPE "public"."enum_notifications_email_status" AS ENUM('none', 'queued', 'sent', 'held', 'digested', 'skipped');
  CREATE TYPE "public"."enum_notification_preferences_digest" AS ENUM('none', 'hourly', 'daily', 'weekly');
  CREATE TYPE "public"."enum_notification_preferences_min_priority" AS ENUM('low', 'normal', 'high', 'critical');
  CREATE TYPE "public"."enum_audit_events_kind" AS ENUM('change', 'workflow', 'security', 'access');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'tickets';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'email-campaigns';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'reviews';
  CREATE TABLE "tickets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"subject" varchar NOT NULL,
  	"category" "enum_tickets_category" DEFAULT 'general' NOT NULL,
  	"priority" "enum_tickets_priority" DEFAULT 'normal' NOT NULL,
  	"description" varchar NOT NULL,
  	"order_id" integer,
  	"opener_id" integer,
  	"opener_role" "enum_tickets_opener_role",
  	"assignee_id" integer,
  	"assigned_at" timestamp(3) with time zone,
  	"status" "enum_tickets_status" DEFAULT 'open' NOT NULL,
  	"sla_first_response_due_at" timestamp(3) with time zone,
  	"sla_resolution_due_at" timestamp(3) with time zone,
  	"sla_first_responded_at" timestamp(3) with time zone,
  	"sla_first_response_breached_at" timestamp(3) with time zone,
  	"sla_resolution_breached_at" timestamp(3) with time zone,
  	"escalation_reason" varchar,
  	"resolution" varchar,
  	"closed_at" timestamp(3) with time zone,
  	"reopen_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tickets_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"ticket_attachments_id" integer
  );
  
  CREATE TABLE "ticket_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"ticket_id" integer NOT NULL,
  	"author_id" integer,
  	"by_staff" boolean DEFAULT false,
  	"internal" boolean DEFAULT false,
  	"body" varchar NOT NULL,
  	"opener_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticket_messages_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"ticket_attachments_id" integer
  );
  
  CREATE TABLE "ticket_attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"uploaded_by_id" integer,
  	"ticket_id" integer,
  	"message_id" integer,
  	"opener_id" integer,
  	"internal" boolean DEFAULT false,
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
  
  CREATE TABLE "email_campaigns_audience_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_email_campaigns_audience_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "email_campaigns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"body" jsonb,
  	"audience_segment" "enum_email_campaigns_audience_segment" DEFAULT 'none',
  	"audience_days" numeric,
  	"audience_level_id" integer,
  	"scheduled_at" timestamp(3) with time zone,
  	"status" "enum_email_campaigns_status" DEFAULT 'draft' NOT NULL,
  	"progress_total" numeric DEFAULT 0,
  	"progress_sent" numeric DEFAULT 0,
  	"progress_failed" numeric DEFAULT 0,
  	"progress_skipped" numeric DEFAULT 0,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_recipients" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"campaign_id" integer NOT NULL,
  	"user_id" integer,
  	"address" varchar NOT NULL,
  	"status" "enum_email_recipients_status" DEFAULT 'pending' NOT NULL,
  	"reason" varchar,
  	"claimed_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"attempt" numeric DEFAULT 0,
  	"message_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_suppressions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"address" varchar NOT NULL,
  	"reason" "enum_email_suppressions_reason" DEFAULT 'manual' NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reviews_moderation_reasons" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_reviews_moderation_reasons",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "reviews" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_reviews_kind" DEFAULT 'website' NOT NULL,
  	"order_id" integer,
  	"client_id" integer NOT NULL,
  	"writer_id" integer,
  	"rating" numeric NOT NULL,
  	"writer_rating" numeric,
  	"text" varchar NOT NULL,
  	"status" "enum_reviews_status" DEFAULT 'pending' NOT NULL,
  	"moderation_note" varchar,
  	"moderation_moderated_by_id" integer,
  	"moderation_moderated_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"recipient_id" integer NOT NULL,
  	"event" varchar NOT NULL,
  	"category" "enum_notifications_category" NOT NULL,
  	"priority" "enum_notifications_priority" DEFAULT 'normal' NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar,
  	"link" varchar,
  	"data" jsonb,
  	"key" varchar NOT NULL,
  	"read_at" timestamp(3) with time zone,
  	"inbox" boolean DEFAULT true,
  	"email_status" "enum_notifications_email_status" DEFAULT 'none' NOT NULL,
  	"email_reason" varchar,
  	"emailed_at" timestamp(3) with time zone,
  	"digested_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"user_id" integer NOT NULL,
  	"channels" jsonb,
  	"mute_until" timestamp(3) with time zone,
  	"dnd_start" numeric,
  	"dnd_end" numeric,
  	"time_zone" varchar,
  	"digest" "enum_notification_preferences_digest",
  	"min_priority" "enum_notification_preferences_min_priority",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"event" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"html" varchar,
  	"text" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_audit_events_kind" NOT NULL,
  	"action" varchar NOT NULL,
  	"actor" numeric,
  	"actor_email" varchar,
  	"actor_role" varchar,
  	"target_collection" varchar,
  	"target_id" varchar,
  	"changes" jsonb,
  	"address" varchar,
  	"user_agent" varchar,
  	"request_id" varchar,
  	"seq" numeric,
  	"prev_hash" varchar,
  	"hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "ticket_sequence" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_reopen_window_hours" numeric DEFAULT 72;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_critical_first_response_minutes" numeric DEFAULT 30;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_critical_resolution_minutes" numeric DEFAULT 60;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_high_first_response_minutes" numeric DEFAULT 120;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_high_resolution_minutes" numeric DEFAULT 240;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_normal_first_response_minutes" numeric DEFAULT 720;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_normal_resolution_minutes" numeric DEFAULT 1440;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_low_first_response_minutes" numeric DEFAULT 2160;
  ALTER TABLE "tenants" ADD COLUMN "settings_tickets_low_resolution_minutes" numeric DEFAULT 4320;
  ALTER TABLE "users" ADD COLUMN "pen_name" varchar;
  ALTER TABLE "users" ADD COLUMN "rating_average" numeric;
  ALTER TABLE "users" ADD COLUMN "rating_count" numeric DEFAULT 0;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_opener_id_users_id_fk" FOREIGN KEY ("opener_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets_rels" ADD CONSTRAINT "tickets_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tickets_rels" ADD CONSTRAINT "tickets_rels_ticket_attachments_fk" FOREIGN KEY ("ticket_attachments_id") REFERENCES "public"."ticket_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_opener_id_users_id_fk" FOREIGN KEY ("opener_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages_rels" ADD CONSTRAINT "ticket_messages_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."ticket_messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ticket_messages_rels" ADD CONSTRAINT "ticket_messages_rels_ticket_attachments_fk" FOREIGN KEY ("ticket_attachments_id") REFERENCES "public"."ticket_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_message_id_ticket_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_opener_id_users_id_fk" FOREIGN KEY ("opener_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_campaigns_audience_roles" ADD CONSTRAINT "email_campaigns_audience_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_audience_level_id_writer_levels_id_fk" FOREIGN KEY ("audience_level_id") REFERENCES "public"."writer_levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews_moderation_reasons" ADD CONSTRAINT "reviews_moderation_reasons_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_moderation_moderated_by_id_users_id_fk" FOREIGN KEY ("moderation_moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "tickets_tenant_idx" ON "tickets" USING btree ("tenant_id");
  CREATE INDEX "tickets_number_idx" ON "tickets" USING btree ("number");
  CREATE INDEX "tickets_category_idx" ON "tickets" USING btree ("category");
  CREATE INDEX "tickets_priority_idx" ON "tickets" USING btree ("priority");
  CREATE INDEX "tickets_order_idx" ON "tickets" USING btree ("order_id");
  CREATE INDEX "tickets_opener_idx" ON "tickets" USING btree ("opener_id");
  CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id");
  CREATE INDEX "tickets_status_idx" ON "tickets" USING btree ("status");
  CREATE INDEX "tickets_updated_at_idx" ON "tickets" USING btree ("updated_at");
  CREATE INDEX "tickets_created_at_idx" ON "tickets" USING btree ("created_at");
  CREATE INDEX "tickets_rels_order_idx" ON "tickets_rels" USING btree ("order");
  CREATE INDEX "tickets_rels_parent_idx" ON "tickets_rels" USING btree ("parent_id");
  CREATE INDEX "tickets_rels_path_idx" ON "tickets_rels" USING btree ("path");
  CREATE INDEX "tickets_rels_ticket_attachments_id_idx" ON "tickets_rels" USING btree ("ticket_attachments_id");
  CREATE INDEX "ticket_messages_tenant_idx" ON "ticket_messages" USING btree ("tenant_id");
  CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages" USING btree ("ticket_id");
  CREATE INDEX "ticket_messages_author_idx" ON "ticket_messages" USING btree ("author_id");
  CREATE INDEX "ticket_messages_internal_idx" ON "ticket_messages" USING btree ("internal");
  CREATE INDEX "ticket_messages_opener_idx" ON "ticket_messages" USING btree ("opener_id");
  CREATE INDEX "ticket_messages_updated_at_idx" ON "ticket_messages" USING btree ("updated_at");
  CREATE INDEX "ticket_messages_created_at_idx" ON "ticket_messages" USING btree ("created_at");
  CREATE INDEX "ticket_messages_rels_order_idx" ON "ticket_messages_rels" USING btree ("order");
  CREATE INDEX "ticket_messages_rels_parent_idx" ON "ticket_messages_rels" USING btree ("parent_id");
  CREATE INDEX "ticket_messages_rels_path_idx" ON "ticket_messages_rels" USING btree ("path");
  CREATE INDEX "ticket_messages_rels_ticket_attachments_id_idx" ON "ticket_messages_rels" USING btree ("ticket_attachments_id");
  CREATE INDEX "ticket_attachments_tenant_idx" ON "ticket_attachments" USING btree ("tenant_id");
  CREATE INDEX "ticket_attachments_uploaded_by_idx" ON "ticket_attachments" USING btree ("uploaded_by_id");
  CREATE INDEX "ticket_attachments_ticket_idx" ON "ticket_attachments" USING btree ("ticket_id");
  CREATE INDEX "ticket_attachments_message_idx" ON "ticket_attachments" USING btree ("message_id");
  CREATE INDEX "ticket_attachments_opener_idx" ON "ticket_attachments" USING btree ("opener_id");
  CREATE INDEX "ticket_attachments_internal_idx" ON "ticket_attachments" USING btree ("internal");
  CREATE INDEX "ticket_attachments_updated_at_idx" ON "ticket_attachments" USING btree ("updated_at");
  CREATE INDEX "ticket_attachments_created_at_idx" ON "ticket_attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "ticket_attachments_filename_idx" ON "ticket_attachments" USING btree ("filename");
  CREATE INDEX "email_campaigns_audience_roles_order_idx" ON "email_campaigns_audience_roles" USING btree ("order");
  CREATE INDEX "email_campaigns_audience_roles_parent_idx" ON "email_campaigns_audience_roles" USING btree ("parent_id");
  CREATE INDEX "email_campaigns_tenant_idx" ON "email_campaigns" USING btree ("tenant_id");
  CREATE INDEX "email_campaigns_audience_audience_level_idx" ON "email_campaigns" USING btree ("audience_level_id");
  CREATE INDEX "email_campaigns_scheduled_at_idx" ON "email_campaigns" USING btree ("scheduled_at");
  CREATE INDEX "email_campaigns_status_idx" ON "email_campaigns" USING btree ("status");
  CREATE INDEX "email_campaigns_updated_at_idx" ON "email_campaigns" USING btree ("updated_at");
  CREATE INDEX "email_campaigns_created_at_idx" ON "email_campaigns" USING btree ("created_at");
  CREATE INDEX "email_recipients_tenant_idx" ON "email_recipients" USING btree ("tenant_id");
  CREATE INDEX "email_recipients_campaign_idx" ON "email_recipients" USING btree ("campaign_id");
  CREATE INDEX "email_recipients_user_idx" ON "email_recipients" USING btree ("user_id");
  CREATE INDEX "email_recipients_status_idx" ON "email_recipients" USING btree ("status");
  CREATE INDEX "email_recipients_updated_at_idx" ON "email_recipients" USING btree ("updated_at");
  CREATE INDEX "email_recipients_created_at_idx" ON "email_recipients" USING btree ("created_at");
  CREATE UNIQUE INDEX "campaign_address_idx" ON "email_recipients" USING btree ("campaign_id","address");
  CREATE INDEX "email_suppressions_tenant_idx" ON "email_suppressions" USING btree ("tenant_id");
  CREATE INDEX "email_suppressions_updated_at_idx" ON "email_suppressions" USING btree ("updated_at");
  CREATE INDEX "email_suppressions_created_at_idx" ON "email_suppressions" USING btree ("created_at");
  CREATE UNIQUE INDEX "address_tenant_idx" ON "email_suppressions" USING btree ("address","tenant_id");
  CREATE INDEX "reviews_moderation_reasons_order_idx" ON "reviews_moderation_reasons" USING btree ("order");
  CREATE INDEX "reviews_moderation_reasons_parent_idx" ON "reviews_moderation_reasons" USING btree ("parent_id");
  CREATE INDEX "reviews_tenant_idx" ON "reviews" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "reviews_order_idx" ON "reviews" USING btree ("order_id");
  CREATE INDEX "reviews_client_idx" ON "reviews" USING btree ("client_id");
  CREATE INDEX "reviews_writer_idx" ON "reviews" USING btree ("writer_id");
  CREATE INDEX "reviews_status_idx" ON "reviews" USING btree ("status");
  CREATE INDEX "reviews_moderation_moderation_moderated_by_idx" ON "reviews" USING btree ("moderation_moderated_by_id");
  CREATE INDEX "reviews_updated_at_idx" ON "reviews" USING btree ("updated_at");
  CREATE INDEX "reviews_created_at_idx" ON "reviews" USING btree ("created_at");
  CREATE INDEX "tenant_status_createdAt_1_idx" ON "reviews" USING btree ("tenant_id","status","created_at");
  CREATE INDEX "writer_status_idx" ON "reviews" USING btree ("writer_id","status");
  CREATE INDEX "notifications_tenant_idx" ON "notifications" USING btree ("tenant_id");
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("event");
  CREATE INDEX "notifications_email_status_idx" ON "notifications" USING btree ("email_status");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_recipient_key_idx" ON "notifications" USING btree ("tenant_id","recipient_id","key");
  CREATE INDEX "notification_preferences_tenant_idx" ON "notification_preferences" USING btree ("tenant_id");
  CREATE INDEX "notification_preferences_user_idx" ON "notification_preferences" USING btree ("user_id");
  CREATE INDEX "notification_preferences_updated_at_idx" ON "notification_preferences" USING btree ("updated_at");
  CREATE INDEX "notification_preferences_created_at_idx" ON "notification_preferences" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_user_idx" ON "notification_preferences" USING btree ("tenant_id","user_id");
  CREATE INDEX "notification_templates_tenant_idx" ON "notification_templates" USING btree ("tenant_id");
  CREATE INDEX "notification_templates_updated_at_idx" ON "notification_templates" USING btree ("updated_at");
  CREATE INDEX "notification_templates_created_at_idx" ON "notification_templates" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_event_idx" ON "notification_templates" USING btree ("tenant_id","event");
  CREATE INDEX "audit_events_tenant_idx" ON "audit_events" USING btree ("tenant_id");
  CREATE INDEX "audit_events_kind_idx" ON "audit_events" USING btree ("kind");
  CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");
  CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor");
  CREATE INDEX "audit_events_target_collection_idx" ON "audit_events" USING btree ("target_collection");
  CREATE INDEX "audit_events_request_id_idx" ON "audit_events" USING btree ("request_id");
  CREATE INDEX "audit_events_updated_at_idx" ON "audit_events" USING btree ("updated_at");
  CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_seq_idx" ON "audit_events" USING btree ("tenant_id","seq");
  CREATE INDEX "targetCollection_targetId_idx" ON "audit_events" USING btree ("target_collection","target_id");`)
  await db.execute(sql.raw(notificationsUp))
  await db.execute(sql.raw(ticketsUp))
  await db.execute(sql.raw(reviewsUp))
  await db.execute(sql.raw(campaignsUp))
  await db.execute(sql.raw(auditUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(auditDown))
  await db.execute(sql.raw(campaignsDown))
  await db.execute(sql.raw(reviewsDown))
  await db.execute(sql.raw(ticketsDown))
  await db.execute(sql.raw(notificationsDown))
  await db.execute(sql`
   DROP TABLE "tickets" CASCADE;
  DROP TABLE "tickets_rels" CASCADE;
  DROP TABLE "ticket_messages" CASCADE;
  DROP TABLE "ticket_messages_rels" CASCADE;
  DROP TABLE "ticket_attachments" CASCADE;
  DROP TABLE "email_campaigns_audience_roles" CASCADE;
  DROP TABLE "email_campaigns" CASCADE;
  DROP TABLE "email_recipients" CASCADE;
  DROP TABLE "email_suppressions" CASCADE;
  DROP TABLE "reviews_moderation_reasons" CASCADE;
  DROP TABLE "reviews" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "notification_preferences" CASCADE;
  DROP TABLE "notification_templates" CASCADE;
  DROP TABLE "audit_events" CASCADE;
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests', 'discipline-records', 'fines', 'loyalty-redemptions', 'referrals', 'discount-campaigns');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "tenants" DROP COLUMN "ticket_sequence";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_reopen_window_hours";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_critical_first_response_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_critical_resolution_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_high_first_response_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_high_resolution_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_normal_first_response_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_normal_resolution_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_low_first_response_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_tickets_low_resolution_minutes";
  ALTER TABLE "users" DROP COLUMN "pen_name";
  ALTER TABLE "users" DROP COLUMN "rating_average";
  ALTER TABLE "users" DROP COLUMN "rating_count";
  DROP TYPE "public"."enum_tickets_category";
  DROP TYPE "public"."enum_tickets_priority";
  DROP TYPE "public"."enum_tickets_opener_role";
  DROP TYPE "public"."enum_tickets_status";
  DROP TYPE "public"."enum_email_campaigns_audience_roles";
  DROP TYPE "public"."enum_email_campaigns_audience_segment";
  DROP TYPE "public"."enum_email_campaigns_status";
  DROP TYPE "public"."enum_email_recipients_status";
  DROP TYPE "public"."enum_email_suppressions_reason";
  DROP TYPE "public"."enum_reviews_moderation_reasons";
  DROP TYPE "public"."enum_reviews_kind";
  DROP TYPE "public"."enum_reviews_status";
  DROP TYPE "public"."enum_notifications_category";
  DROP TYPE "public"."enum_notifications_priority";
  DROP TYPE "public"."enum_notifications_email_status";
  DROP TYPE "public"."enum_notification_preferences_digest";
  DROP TYPE "public"."enum_notification_preferences_min_priority";
  DROP TYPE "public"."enum_audit_events_kind";`)
}
