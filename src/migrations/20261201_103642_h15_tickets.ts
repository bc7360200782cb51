import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { ticketsDown, ticketsUp } from './sql/tickets'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tickets_category" AS ENUM('general', 'payment', 'technical', 'order', 'feedback', 'other');
  CREATE TYPE "public"."enum_tickets_priority" AS ENUM('low', 'normal', 'high', 'critical');
  CREATE TYPE "public"."enum_tickets_opener_role" AS ENUM('client', 'writer');
  CREATE TYPE "public"."enum_tickets_status" AS ENUM('open', 'in_progress', 'awaiting_response', 'escalated', 'closed');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'tickets';
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
  CREATE UNIQUE INDEX "ticket_attachments_filename_idx" ON "ticket_attachments" USING btree ("filename");`)
  await db.execute(sql.raw(ticketsUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(ticketsDown))
  await db.execute(sql`
   DROP TABLE "tickets" CASCADE;
  DROP TABLE "tickets_rels" CASCADE;
  DROP TABLE "ticket_messages" CASCADE;
  DROP TABLE "ticket_messages_rels" CASCADE;
  DROP TABLE "ticket_attachments" CASCADE;
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
  DROP TYPE "public"."enum_tickets_category";
  DROP TYPE "public"."enum_tickets_priority";
  DROP TYPE "public"."enum_tickets_opener_role";
  DROP TYPE "public"."enum_tickets_status";`)
}
