import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { classPlansDown, classPlansUp } from './sql/classPlans'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_class_proposals_kind" AS ENUM('proposal', 'counter');
  CREATE TYPE "public"."enum_class_proposals_status" AS ENUM('draft', 'sent', 'countered', 'accepted', 'rejected', 'expired', 'cancelled');
  CREATE TYPE "public"."enum_class_installments_status" AS ENUM('pending', 'due', 'overdue', 'paid', 'waived', 'cancelled');
  CREATE TYPE "public"."enum_class_tasks_kind" AS ENUM('discussion_post', 'quiz', 'exam', 'essay', 'lab', 'assignment', 'other');
  CREATE TYPE "public"."enum_class_tasks_status" AS ENUM('pending', 'assigned', 'in_progress', 'submitted', 'approved', 'revision_requested', 'completed', 'cancelled');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'class-orders';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'class-proposals';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'class-tasks';
  ALTER TYPE "public"."enum_writer_earnings_kind" ADD VALUE 'class_earning';
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
  
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_deposit_percent" numeric DEFAULT 50;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_installments_count" numeric DEFAULT 3;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_quote_expiry_hours" numeric DEFAULT 72;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_allow_installments" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_require_deposit_before_start" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_class_orders_pause_when_overdue" boolean DEFAULT true;
  ALTER TABLE "writer_earnings" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "writer_earnings" ADD COLUMN "class_task_id" integer;
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
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_class_task_id_class_tasks_id_fk" FOREIGN KEY ("class_task_id") REFERENCES "public"."class_tasks"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "writer_earnings_class_order_idx" ON "writer_earnings" USING btree ("class_order_id");
  CREATE INDEX "writer_earnings_class_task_idx" ON "writer_earnings" USING btree ("class_task_id");`)
  await db.execute(sql.raw(classPlansUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(classPlansDown))
  await db.execute(sql`
   ALTER TABLE "class_proposals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_installments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_tasks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "class_proposals" CASCADE;
  DROP TABLE "class_installments" CASCADE;
  DROP TABLE "class_tasks" CASCADE;
  ALTER TABLE "writer_earnings" DROP CONSTRAINT "writer_earnings_class_order_id_class_orders_id_fk";
  
  ALTER TABLE "writer_earnings" DROP CONSTRAINT "writer_earnings_class_task_id_class_tasks_id_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests', 'discipline-records', 'fines', 'loyalty-redemptions', 'referrals', 'discount-campaigns', 'tickets', 'email-campaigns', 'reviews');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_writer_earnings_kind";
  CREATE TYPE "public"."enum_writer_earnings_kind" AS ENUM('order_earning', 'reversal', 'fine', 'fine_refund');
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_writer_earnings_kind" USING "kind"::"public"."enum_writer_earnings_kind";
  DROP INDEX "writer_earnings_class_order_idx";
  DROP INDEX "writer_earnings_class_task_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_deposit_percent";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_installments_count";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_quote_expiry_hours";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_allow_installments";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_require_deposit_before_start";
  ALTER TABLE "tenants" DROP COLUMN "settings_class_orders_pause_when_overdue";
  ALTER TABLE "writer_earnings" DROP COLUMN "class_order_id";
  ALTER TABLE "writer_earnings" DROP COLUMN "class_task_id";
  DROP TYPE "public"."enum_class_proposals_kind";
  DROP TYPE "public"."enum_class_proposals_status";
  DROP TYPE "public"."enum_class_installments_status";
  DROP TYPE "public"."enum_class_tasks_kind";
  DROP TYPE "public"."enum_class_tasks_status";`)
}
