import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { classOrdersDown, classOrdersUp } from './sql/classOrders'
import { specialOrderChecksDown, specialOrderChecksUp } from './sql/specialOrderChecks'
import { classPlansDown, classPlansUp } from './sql/classPlans'
import { recordParentsDown, recordParentsUp } from './sql/recordParents'

/**
 * Issue 17: special orders (configurations, orders, quotes, funding milestones, the
 * website's settings and counter, the plan invoice's link, the `special_order_milestone`
 * checkout purpose), class orders (orders, proposals, installments, tasks, the class
 * earning kind, portal credentials and their access log), and the hand-written CHECKs
 * of their money columns (./sql).
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_special_orders_pricing_mode" AS ENUM('fixed_config', 'quoted');
  CREATE TYPE "public"."enum_special_orders_status" AS ENUM('inquiry', 'quote_pending', 'quote_sent', 'quote_accepted', 'awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'completed', 'approved', 'revision_requested', 'on_revision', 'on_hold', 'cancelled', 'refunded');
  CREATE TYPE "public"."enum_special_orders_status_before" AS ENUM('inquiry', 'quote_pending', 'quote_sent', 'quote_accepted', 'awaiting_payment', 'partially_funded', 'ready_for_staffing', 'assigned', 'in_progress', 'submitted', 'ready_for_delivery', 'completed', 'approved', 'revision_requested', 'on_revision', 'on_hold', 'cancelled', 'refunded');
  CREATE TYPE "public"."enum_special_orders_funding_status" AS ENUM('draft', 'awaiting_deposit', 'partially_funded', 'funded', 'partially_refunded', 'refunded', 'cancelled');
  CREATE TYPE "public"."enum_special_order_quotes_lines_kind" AS ENUM('service', 'addon', 'urgency_fee', 'complexity_fee', 'writer_level_fee', 'discount', 'manual_adjustment');
  CREATE TYPE "public"."enum_special_order_quotes_status" AS ENUM('draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled');
  CREATE TYPE "public"."enum_funding_milestones_kind" AS ENUM('deposit', 'progress', 'final', 'change_request', 'manual');
  CREATE TYPE "public"."enum_funding_milestones_status" AS ENUM('pending', 'paid', 'waived', 'cancelled', 'refunded');
  CREATE TYPE "public"."enum_class_orders_status" AS ENUM('draft', 'submitted', 'needs_client_info', 'under_review', 'price_proposed', 'negotiating', 'accepted', 'pending_payment', 'partially_paid', 'paid', 'assigned', 'in_progress', 'paused', 'quality_review', 'completed', 'cancelled', 'archived');
  CREATE TYPE "public"."enum_class_orders_payment_status" AS ENUM('unpaid', 'partially_paid', 'paid', 'overdue', 'refunded');
  CREATE TYPE "public"."enum_class_orders_status_before" AS ENUM('draft', 'submitted', 'needs_client_info', 'under_review', 'price_proposed', 'negotiating', 'accepted', 'pending_payment', 'partially_paid', 'paid', 'assigned', 'in_progress', 'paused', 'quality_review', 'completed', 'cancelled', 'archived');
  CREATE TYPE "public"."enum_class_orders_compensation_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_class_proposals_kind" AS ENUM('proposal', 'counter');
  CREATE TYPE "public"."enum_class_proposals_status" AS ENUM('draft', 'sent', 'countered', 'accepted', 'rejected', 'expired', 'cancelled');
  CREATE TYPE "public"."enum_class_installments_status" AS ENUM('pending', 'due', 'overdue', 'paid', 'waived', 'cancelled');
  CREATE TYPE "public"."enum_class_tasks_kind" AS ENUM('discussion_post', 'quiz', 'exam', 'essay', 'lab', 'assignment', 'other');
  CREATE TYPE "public"."enum_class_tasks_status" AS ENUM('pending', 'assigned', 'in_progress', 'submitted', 'approved', 'revision_requested', 'completed', 'cancelled');
  CREATE TYPE "public"."enum_class_access_views_outcome" AS ENUM('granted', 'refused', 'throttled');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'special-orders';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'special-order-quotes';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'class-orders';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'class-proposals';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'class-tasks';
  ALTER TYPE "public"."enum_order_requests_kind" ADD VALUE 'change';
  ALTER TYPE "public"."enum_payments_purpose" ADD VALUE 'special_order_milestone';
  ALTER TYPE "public"."enum_writer_earnings_kind" ADD VALUE 'class_earning';
  CREATE TABLE "special_order_configs_durations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"days" numeric NOT NULL,
  	"price" numeric NOT NULL
  );
  
  CREATE TABLE "special_order_configs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"description" varchar,
  	"requires_full_payment" boolean DEFAULT true,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "special_orders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar,
  	"client_id" integer,
  	"writer_id" integer,
  	"title" varchar NOT NULL,
  	"description" varchar NOT NULL,
  	"pricing_mode" "enum_special_orders_pricing_mode" DEFAULT 'quoted',
  	"config_id" integer,
  	"duration" varchar,
  	"status" "enum_special_orders_status" DEFAULT 'inquiry' NOT NULL,
  	"status_before" "enum_special_orders_status_before",
  	"total" numeric DEFAULT 0,
  	"amount_paid" numeric DEFAULT 0,
  	"currency" varchar,
  	"funding_status" "enum_special_orders_funding_status" DEFAULT 'draft',
  	"invoice_id" integer,
  	"requires_full_payment" boolean DEFAULT false,
  	"delivery_unlocked" boolean DEFAULT false,
  	"created_by_id" integer,
  	"accepted_at" timestamp(3) with time zone,
  	"assigned_at" timestamp(3) with time zone,
  	"submitted_at" timestamp(3) with time zone,
  	"completed_at" timestamp(3) with time zone,
  	"approved_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "special_order_quotes_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_special_order_quotes_lines_kind" NOT NULL,
  	"description" varchar NOT NULL,
  	"amount" numeric NOT NULL
  );
  
  CREATE TABLE "special_order_quotes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"special_order_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"subtotal" numeric NOT NULL,
  	"discount" numeric DEFAULT 0,
  	"total" numeric NOT NULL,
  	"currency" varchar,
  	"status" "enum_special_order_quotes_status" DEFAULT 'draft' NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"decided_at" timestamp(3) with time zone,
  	"note" varchar,
  	"answer" varchar,
  	"sent_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "funding_milestones" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"special_order_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"installment_id" integer NOT NULL,
  	"sequence" numeric NOT NULL,
  	"kind" "enum_funding_milestones_kind" NOT NULL,
  	"label" varchar NOT NULL,
  	"amount" numeric NOT NULL,
  	"required_before_staffing" boolean DEFAULT false,
  	"required_before_delivery" boolean DEFAULT false,
  	"status" "enum_funding_milestones_status" DEFAULT 'pending' NOT NULL,
  	"due_at" timestamp(3) with time zone,
  	"paid_at" timestamp(3) with time zone,
  	"waived_by_id" integer,
  	"waive_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_orders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar NOT NULL,
  	"client_id" integer NOT NULL,
  	"writer_id" integer,
  	"title" varchar NOT NULL,
  	"institution" varchar NOT NULL,
  	"class_name" varchar NOT NULL,
  	"class_code" varchar,
  	"academic_level" varchar NOT NULL,
  	"start_date" timestamp(3) with time zone NOT NULL,
  	"end_date" timestamp(3) with time zone NOT NULL,
  	"status" "enum_class_orders_status" DEFAULT 'submitted' NOT NULL,
  	"description" varchar,
  	"workload" varchar,
  	"notes" varchar,
  	"quoted_amount" numeric DEFAULT 0,
  	"accepted_amount" numeric DEFAULT 0,
  	"discount" numeric DEFAULT 0,
  	"total" numeric DEFAULT 0,
  	"amount_paid" numeric DEFAULT 0,
  	"payment_status" "enum_class_orders_payment_status" DEFAULT 'unpaid' NOT NULL,
  	"invoice_id" integer,
  	"paused_at" timestamp(3) with time zone,
  	"pause_reason" varchar,
  	"status_before" "enum_class_orders_status_before",
  	"compensation_kind" "enum_class_orders_compensation_kind",
  	"compensation_value" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_proposals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"class_order_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"kind" "enum_class_proposals_kind" DEFAULT 'proposal' NOT NULL,
  	"amount" numeric NOT NULL,
  	"discount" numeric DEFAULT 0,
  	"final" numeric NOT NULL,
  	"note" varchar,
  	"expires_at" timestamp(3) with time zone,
  	"status" "enum_class_proposals_status" DEFAULT 'sent' NOT NULL,
  	"reply_to_id" integer,
  	"by_id" integer,
  	"answered_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_installments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"class_order_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"installment_id" integer NOT NULL,
  	"sequence" numeric NOT NULL,
  	"deposit" boolean DEFAULT false,
  	"amount" numeric NOT NULL,
  	"due_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_class_installments_status" DEFAULT 'pending' NOT NULL,
  	"paid_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_tasks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"class_order_id" integer NOT NULL,
  	"kind" "enum_class_tasks_kind" NOT NULL,
  	"title" varchar NOT NULL,
  	"instructions" varchar,
  	"due_at" timestamp(3) with time zone,
  	"status" "enum_class_tasks_status" DEFAULT 'pending' NOT NULL,
  	"writer_id" integer,
  	"client_id" integer,
  	"grade" varchar,
  	"notes" varchar,
  	"earned" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_access" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"class_order_id" integer NOT NULL,
  	"key_id" varchar NOT NULL,
  	"credentials_iv" varchar,
  	"credentials_tag" varchar,
  	"credentials_ciphertext" varchar,
  	"two_factor_window" varchar,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_access_views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"class_order_id" integer NOT NULL,
  	"viewer_id" integer NOT NULL,
  	"role" varchar NOT NULL,
  	"reason" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"outcome" "enum_class_access_views_outcome" NOT NULL,
  	"answer" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "order_requests" ALTER COLUMN "order_id" DROP NOT NULL;
  ALTER TABLE "order_files" ALTER COLUMN "order_id" DROP NOT NULL;
  ALTER TABLE "order_messages" ALTER COLUMN "order_id" DROP NOT NULL;
  ALTER TABLE "tenants" ADD COLUMN "special_order_sequence" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "class_order_sequence" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_deposit_percent" numeric DEFAULT 50;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_installments_count" numeric DEFAULT 3;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_quote_expiry_hours" numeric DEFAULT 72;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_allow_installments" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_require_deposit_before_start" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_pause_when_overdue" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_special_orders_default_deposit_percent" numeric DEFAULT 50;
  ALTER TABLE "tenants" ADD COLUMN "settings_special_orders_minimum_deposit" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "settings_special_orders_require_deposit_before_staffing" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_special_orders_require_full_payment_before_delivery" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_special_orders_quote_expiry_hours" numeric DEFAULT 72;
  ALTER TABLE "tenants" ADD COLUMN "settings_special_orders_allow_installments" boolean DEFAULT true;
  ALTER TABLE "order_requests" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "order_requests" ADD COLUMN "amount" numeric;
  ALTER TABLE "order_files" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "order_files" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "order_messages" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "order_messages" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "writer_earnings" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "writer_earnings" ADD COLUMN "class_task_id" integer;
  ALTER TABLE "invoices" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "invoices" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "special_order_configs_durations" ADD CONSTRAINT "special_order_configs_durations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."special_order_configs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "special_order_configs" ADD CONSTRAINT "special_order_configs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_orders" ADD CONSTRAINT "special_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_orders" ADD CONSTRAINT "special_orders_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_orders" ADD CONSTRAINT "special_orders_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_orders" ADD CONSTRAINT "special_orders_config_id_special_order_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."special_order_configs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_orders" ADD CONSTRAINT "special_orders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_orders" ADD CONSTRAINT "special_orders_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_order_quotes_lines" ADD CONSTRAINT "special_order_quotes_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."special_order_quotes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "special_order_quotes" ADD CONSTRAINT "special_order_quotes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_order_quotes" ADD CONSTRAINT "special_order_quotes_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_order_quotes" ADD CONSTRAINT "special_order_quotes_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "special_order_quotes" ADD CONSTRAINT "special_order_quotes_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "funding_milestones" ADD CONSTRAINT "funding_milestones_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "funding_milestones" ADD CONSTRAINT "funding_milestones_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "funding_milestones" ADD CONSTRAINT "funding_milestones_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "funding_milestones" ADD CONSTRAINT "funding_milestones_installment_id_installments_id_fk" FOREIGN KEY ("installment_id") REFERENCES "public"."installments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "funding_milestones" ADD CONSTRAINT "funding_milestones_waived_by_id_users_id_fk" FOREIGN KEY ("waived_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_proposals" ADD CONSTRAINT "class_proposals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_proposals" ADD CONSTRAINT "class_proposals_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_proposals" ADD CONSTRAINT "class_proposals_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_proposals" ADD CONSTRAINT "class_proposals_reply_to_id_class_proposals_id_fk" FOREIGN KEY ("reply_to_id") REFERENCES "public"."class_proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_proposals" ADD CONSTRAINT "class_proposals_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_installments" ADD CONSTRAINT "class_installments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_installments" ADD CONSTRAINT "class_installments_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_installments" ADD CONSTRAINT "class_installments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_installments" ADD CONSTRAINT "class_installments_installment_id_installments_id_fk" FOREIGN KEY ("installment_id") REFERENCES "public"."installments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_tasks" ADD CONSTRAINT "class_tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_tasks" ADD CONSTRAINT "class_tasks_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_tasks" ADD CONSTRAINT "class_tasks_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_tasks" ADD CONSTRAINT "class_tasks_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access" ADD CONSTRAINT "class_access_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access" ADD CONSTRAINT "class_access_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access" ADD CONSTRAINT "class_access_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access_views" ADD CONSTRAINT "class_access_views_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access_views" ADD CONSTRAINT "class_access_views_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access_views" ADD CONSTRAINT "class_access_views_viewer_id_users_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "special_order_configs_durations_order_idx" ON "special_order_configs_durations" USING btree ("_order");
  CREATE INDEX "special_order_configs_durations_parent_id_idx" ON "special_order_configs_durations" USING btree ("_parent_id");
  CREATE INDEX "special_order_configs_tenant_idx" ON "special_order_configs" USING btree ("tenant_id");
  CREATE INDEX "special_order_configs_active_idx" ON "special_order_configs" USING btree ("active");
  CREATE INDEX "special_order_configs_updated_at_idx" ON "special_order_configs" USING btree ("updated_at");
  CREATE INDEX "special_order_configs_created_at_idx" ON "special_order_configs" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_slug_5_idx" ON "special_order_configs" USING btree ("tenant_id","slug");
  CREATE INDEX "special_orders_tenant_idx" ON "special_orders" USING btree ("tenant_id");
  CREATE INDEX "special_orders_number_idx" ON "special_orders" USING btree ("number");
  CREATE INDEX "special_orders_client_idx" ON "special_orders" USING btree ("client_id");
  CREATE INDEX "special_orders_writer_idx" ON "special_orders" USING btree ("writer_id");
  CREATE INDEX "special_orders_config_idx" ON "special_orders" USING btree ("config_id");
  CREATE INDEX "special_orders_status_idx" ON "special_orders" USING btree ("status");
  CREATE INDEX "special_orders_funding_status_idx" ON "special_orders" USING btree ("funding_status");
  CREATE INDEX "special_orders_invoice_idx" ON "special_orders" USING btree ("invoice_id");
  CREATE INDEX "special_orders_created_by_idx" ON "special_orders" USING btree ("created_by_id");
  CREATE INDEX "special_orders_updated_at_idx" ON "special_orders" USING btree ("updated_at");
  CREATE INDEX "special_orders_created_at_idx" ON "special_orders" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_3_idx" ON "special_orders" USING btree ("tenant_id","number");
  CREATE INDEX "special_order_quotes_lines_order_idx" ON "special_order_quotes_lines" USING btree ("_order");
  CREATE INDEX "special_order_quotes_lines_parent_id_idx" ON "special_order_quotes_lines" USING btree ("_parent_id");
  CREATE INDEX "special_order_quotes_tenant_idx" ON "special_order_quotes" USING btree ("tenant_id");
  CREATE INDEX "special_order_quotes_special_order_idx" ON "special_order_quotes" USING btree ("special_order_id");
  CREATE INDEX "special_order_quotes_client_idx" ON "special_order_quotes" USING btree ("client_id");
  CREATE INDEX "special_order_quotes_status_idx" ON "special_order_quotes" USING btree ("status");
  CREATE INDEX "special_order_quotes_expires_at_idx" ON "special_order_quotes" USING btree ("expires_at");
  CREATE INDEX "special_order_quotes_sent_by_idx" ON "special_order_quotes" USING btree ("sent_by_id");
  CREATE INDEX "special_order_quotes_updated_at_idx" ON "special_order_quotes" USING btree ("updated_at");
  CREATE INDEX "special_order_quotes_created_at_idx" ON "special_order_quotes" USING btree ("created_at");
  CREATE INDEX "funding_milestones_tenant_idx" ON "funding_milestones" USING btree ("tenant_id");
  CREATE INDEX "funding_milestones_special_order_idx" ON "funding_milestones" USING btree ("special_order_id");
  CREATE INDEX "funding_milestones_client_idx" ON "funding_milestones" USING btree ("client_id");
  CREATE INDEX "funding_milestones_installment_idx" ON "funding_milestones" USING btree ("installment_id");
  CREATE INDEX "funding_milestones_status_idx" ON "funding_milestones" USING btree ("status");
  CREATE INDEX "funding_milestones_waived_by_idx" ON "funding_milestones" USING btree ("waived_by_id");
  CREATE INDEX "funding_milestones_updated_at_idx" ON "funding_milestones" USING btree ("updated_at");
  CREATE INDEX "funding_milestones_created_at_idx" ON "funding_milestones" USING btree ("created_at");
  CREATE UNIQUE INDEX "specialOrder_sequence_idx" ON "funding_milestones" USING btree ("special_order_id","sequence");
  CREATE INDEX "class_orders_tenant_idx" ON "class_orders" USING btree ("tenant_id");
  CREATE INDEX "class_orders_client_idx" ON "class_orders" USING btree ("client_id");
  CREATE INDEX "class_orders_writer_idx" ON "class_orders" USING btree ("writer_id");
  CREATE INDEX "class_orders_status_idx" ON "class_orders" USING btree ("status");
  CREATE INDEX "class_orders_payment_status_idx" ON "class_orders" USING btree ("payment_status");
  CREATE INDEX "class_orders_invoice_idx" ON "class_orders" USING btree ("invoice_id");
  CREATE INDEX "class_orders_updated_at_idx" ON "class_orders" USING btree ("updated_at");
  CREATE INDEX "class_orders_created_at_idx" ON "class_orders" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_4_idx" ON "class_orders" USING btree ("tenant_id","number");
  CREATE INDEX "tenant_status_createdAt_2_idx" ON "class_orders" USING btree ("tenant_id","status","created_at");
  CREATE INDEX "class_proposals_tenant_idx" ON "class_proposals" USING btree ("tenant_id");
  CREATE INDEX "class_proposals_class_order_idx" ON "class_proposals" USING btree ("class_order_id");
  CREATE INDEX "class_proposals_client_idx" ON "class_proposals" USING btree ("client_id");
  CREATE INDEX "class_proposals_expires_at_idx" ON "class_proposals" USING btree ("expires_at");
  CREATE INDEX "class_proposals_status_idx" ON "class_proposals" USING btree ("status");
  CREATE INDEX "class_proposals_reply_to_idx" ON "class_proposals" USING btree ("reply_to_id");
  CREATE INDEX "class_proposals_by_idx" ON "class_proposals" USING btree ("by_id");
  CREATE INDEX "class_proposals_updated_at_idx" ON "class_proposals" USING btree ("updated_at");
  CREATE INDEX "class_proposals_created_at_idx" ON "class_proposals" USING btree ("created_at");
  CREATE INDEX "class_installments_tenant_idx" ON "class_installments" USING btree ("tenant_id");
  CREATE INDEX "class_installments_class_order_idx" ON "class_installments" USING btree ("class_order_id");
  CREATE INDEX "class_installments_client_idx" ON "class_installments" USING btree ("client_id");
  CREATE INDEX "class_installments_installment_idx" ON "class_installments" USING btree ("installment_id");
  CREATE INDEX "class_installments_due_at_idx" ON "class_installments" USING btree ("due_at");
  CREATE INDEX "class_installments_status_idx" ON "class_installments" USING btree ("status");
  CREATE INDEX "class_installments_updated_at_idx" ON "class_installments" USING btree ("updated_at");
  CREATE INDEX "class_installments_created_at_idx" ON "class_installments" USING btree ("created_at");
  CREATE UNIQUE INDEX "classOrder_sequence_idx" ON "class_installments" USING btree ("class_order_id","sequence");
  CREATE INDEX "class_tasks_tenant_idx" ON "class_tasks" USING btree ("tenant_id");
  CREATE INDEX "class_tasks_class_order_idx" ON "class_tasks" USING btree ("class_order_id");
  CREATE INDEX "class_tasks_due_at_idx" ON "class_tasks" USING btree ("due_at");
  CREATE INDEX "class_tasks_status_idx" ON "class_tasks" USING btree ("status");
  CREATE INDEX "class_tasks_writer_idx" ON "class_tasks" USING btree ("writer_id");
  CREATE INDEX "class_tasks_client_idx" ON "class_tasks" USING btree ("client_id");
  CREATE INDEX "class_tasks_updated_at_idx" ON "class_tasks" USING btree ("updated_at");
  CREATE INDEX "class_tasks_created_at_idx" ON "class_tasks" USING btree ("created_at");
  CREATE INDEX "class_access_tenant_idx" ON "class_access" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "class_access_class_order_idx" ON "class_access" USING btree ("class_order_id");
  CREATE INDEX "class_access_key_id_idx" ON "class_access" USING btree ("key_id");
  CREATE INDEX "class_access_updated_by_idx" ON "class_access" USING btree ("updated_by_id");
  CREATE INDEX "class_access_updated_at_idx" ON "class_access" USING btree ("updated_at");
  CREATE INDEX "class_access_created_at_idx" ON "class_access" USING btree ("created_at");
  CREATE INDEX "class_access_views_tenant_idx" ON "class_access_views" USING btree ("tenant_id");
  CREATE INDEX "class_access_views_class_order_idx" ON "class_access_views" USING btree ("class_order_id");
  CREATE INDEX "class_access_views_viewer_idx" ON "class_access_views" USING btree ("viewer_id");
  CREATE INDEX "class_access_views_outcome_idx" ON "class_access_views" USING btree ("outcome");
  CREATE INDEX "class_access_views_updated_at_idx" ON "class_access_views" USING btree ("updated_at");
  CREATE INDEX "class_access_views_created_at_idx" ON "class_access_views" USING btree ("created_at");
  CREATE INDEX "classOrder_at_idx" ON "class_access_views" USING btree ("class_order_id","at");
  ALTER TABLE "order_requests" ADD CONSTRAINT "order_requests_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_class_task_id_class_tasks_id_fk" FOREIGN KEY ("class_task_id") REFERENCES "public"."class_tasks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "order_requests_special_order_idx" ON "order_requests" USING btree ("special_order_id");
  CREATE INDEX "order_files_special_order_idx" ON "order_files" USING btree ("special_order_id");
  CREATE INDEX "order_files_class_order_idx" ON "order_files" USING btree ("class_order_id");
  CREATE INDEX "order_messages_special_order_idx" ON "order_messages" USING btree ("special_order_id");
  CREATE INDEX "order_messages_class_order_idx" ON "order_messages" USING btree ("class_order_id");
  CREATE INDEX "specialOrder_thread_createdAt_idx" ON "order_messages" USING btree ("special_order_id","thread","created_at");
  CREATE INDEX "classOrder_thread_createdAt_idx" ON "order_messages" USING btree ("class_order_id","thread","created_at");
  CREATE INDEX "writer_earnings_class_order_idx" ON "writer_earnings" USING btree ("class_order_id");
  CREATE INDEX "writer_earnings_class_task_idx" ON "writer_earnings" USING btree ("class_task_id");
  CREATE INDEX "invoices_special_order_idx" ON "invoices" USING btree ("special_order_id");
  CREATE INDEX "invoices_class_order_idx" ON "invoices" USING btree ("class_order_id");`)
  await db.execute(sql.raw(classOrdersUp))
  await db.execute(sql.raw(specialOrderChecksUp))
  await db.execute(sql.raw(classPlansUp))
  await db.execute(sql.raw(recordParentsUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(recordParentsDown))
  await db.execute(sql.raw(classPlansDown))
  await db.execute(sql.raw(specialOrderChecksDown))
  await db.execute(sql.raw(classOrdersDown))
  await db.execute(sql`
   ALTER TABLE "special_order_configs_durations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "special_order_configs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "special_orders" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "special_order_quotes_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "special_order_quotes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "funding_milestones" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_orders" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_proposals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_installments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_tasks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_access" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_access_views" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "special_order_configs_durations" CASCADE;
  DROP TABLE "special_order_configs" CASCADE;
  DROP TABLE "special_orders" CASCADE;
  DROP TABLE "special_order_quotes_lines" CASCADE;
  DROP TABLE "special_order_quotes" CASCADE;
  DROP TABLE "funding_milestones" CASCADE;
  DROP TABLE "class_orders" CASCADE;
  DROP TABLE "class_proposals" CASCADE;
  DROP TABLE "class_installments" CASCADE;
  DROP TABLE "class_tasks" CASCADE;
  DROP TABLE "class_access" CASCADE;
  DROP TABLE "class_access_views" CASCADE;
  ALTER TABLE "order_requests" DROP CONSTRAINT "order_requests_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "order_files" DROP CONSTRAINT "order_files_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "order_files" DROP CONSTRAINT "order_files_class_order_id_class_orders_id_fk";
  
  ALTER TABLE "order_messages" DROP CONSTRAINT "order_messages_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "order_messages" DROP CONSTRAINT "order_messages_class_order_id_class_orders_id_fk";
  
  ALTER TABLE "writer_earnings" DROP CONSTRAINT "writer_earnings_class_order_id_class_orders_id_fk";
  
  ALTER TABLE "writer_earnings" DROP CONSTRAINT "writer_earnings_class_task_id_class_tasks_id_fk";
  
  ALTER TABLE "invoices" DROP CONSTRAINT "invoices_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "invoices" DROP CONSTRAINT "invoices_class_order_id_class_orders_id_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests', 'discipline-records', 'fines', 'loyalty-redemptions', 'referrals', 'discount-campaigns', 'tickets', 'email-campaigns', 'reviews');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "order_requests" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_order_requests_kind";
  CREATE TYPE "public"."enum_order_requests_kind" AS ENUM('hold', 'dispute', 'cancellation', 'reassignment', 'revision');
  ALTER TABLE "order_requests" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_order_requests_kind" USING "kind"::"public"."enum_order_requests_kind";
  ALTER TABLE "payments" ALTER COLUMN "purpose" SET DATA TYPE text;
  DROP TYPE "public"."enum_payments_purpose";
  CREATE TYPE "public"."enum_payments_purpose" AS ENUM('order', 'wallet_top_up', 'invoice', 'installment', 'tip');
  ALTER TABLE "payments" ALTER COLUMN "purpose" SET DATA TYPE "public"."enum_payments_purpose" USING "purpose"::"public"."enum_payments_purpose";
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_writer_earnings_kind";
  CREATE TYPE "public"."enum_writer_earnings_kind" AS ENUM('order_earning', 'reversal', 'fine', 'fine_refund');
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_writer_earnings_kind" USING "kind"::"public"."enum_writer_earnings_kind";
  DROP INDEX "order_requests_special_order_idx";
  DROP INDEX "order_files_special_order_idx";
  DROP INDEX "order_files_class_order_idx";
  DROP INDEX "order_messages_special_order_idx";
  DROP INDEX "order_messages_class_order_idx";
  DROP INDEX "specialOrder_thread_createdAt_idx";
  DROP INDEX "classOrder_thread_createdAt_idx";
  DROP INDEX "writer_earnings_class_order_idx";
  DROP INDEX "writer_earnings_class_task_idx";
  DROP INDEX "invoices_special_order_idx";
  DROP INDEX "invoices_class_order_idx";
  ALTER TABLE "order_requests" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "order_files" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "order_messages" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "tenants" DROP COLUMN "special_order_sequence";
  ALTER TABLE "tenants" DROP COLUMN "class_order_sequence";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_deposit_percent";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_installments_count";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_quote_expiry_hours";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_allow_installments";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_require_deposit_before_start";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_pause_when_overdue";
  ALTER TABLE "tenants" DROP COLUMN "settings_special_orders_default_deposit_percent";
  ALTER TABLE "tenants" DROP COLUMN "settings_special_orders_minimum_deposit";
  ALTER TABLE "tenants" DROP COLUMN "settings_special_orders_require_deposit_before_staffing";
  ALTER TABLE "tenants" DROP COLUMN "settings_special_orders_require_full_payment_before_delivery";
  ALTER TABLE "tenants" DROP COLUMN "settings_special_orders_quote_expiry_hours";
  ALTER TABLE "tenants" DROP COLUMN "settings_special_orders_allow_installments";
  ALTER TABLE "order_requests" DROP COLUMN "special_order_id";
  ALTER TABLE "order_requests" DROP COLUMN "amount";
  ALTER TABLE "order_files" DROP COLUMN "special_order_id";
  ALTER TABLE "order_files" DROP COLUMN "class_order_id";
  ALTER TABLE "order_messages" DROP COLUMN "special_order_id";
  ALTER TABLE "order_messages" DROP COLUMN "class_order_id";
  ALTER TABLE "writer_earnings" DROP COLUMN "class_order_id";
  ALTER TABLE "writer_earnings" DROP COLUMN "class_task_id";
  ALTER TABLE "invoices" DROP COLUMN "special_order_id";
  ALTER TABLE "invoices" DROP COLUMN "class_order_id";
  DROP TYPE "public"."enum_special_orders_pricing_mode";
  DROP TYPE "public"."enum_special_orders_status";
  DROP TYPE "public"."enum_special_orders_status_before";
  DROP TYPE "public"."enum_special_orders_funding_status";
  DROP TYPE "public"."enum_special_order_quotes_lines_kind";
  DROP TYPE "public"."enum_special_order_quotes_status";
  DROP TYPE "public"."enum_funding_milestones_kind";
  DROP TYPE "public"."enum_funding_milestones_status";
  DROP TYPE "public"."enum_class_orders_status";
  DROP TYPE "public"."enum_class_orders_payment_status";
  DROP TYPE "public"."enum_class_orders_status_before";
  DROP TYPE "public"."enum_class_orders_compensation_kind";
  DROP TYPE "public"."enum_class_proposals_kind";
  DROP TYPE "public"."enum_class_proposals_status";
  DROP TYPE "public"."enum_class_installments_status";
  DROP TYPE "public"."enum_class_tasks_kind";
  DROP TYPE "public"."enum_class_tasks_status";
  DROP TYPE "public"."enum_class_access_views_outcome";`)
}
