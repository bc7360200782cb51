import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { classOrdersDown, classOrdersUp } from './sql/classOrders'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_class_orders_status" AS ENUM('draft', 'submitted', 'needs_client_info', 'under_review', 'price_proposed', 'negotiating', 'accepted', 'pending_payment', 'partially_paid', 'paid', 'assigned', 'in_progress', 'paused', 'quality_review', 'completed', 'cancelled', 'archived');
  CREATE TYPE "public"."enum_class_orders_payment_status" AS ENUM('unpaid', 'partially_paid', 'paid', 'overdue', 'refunded');
  CREATE TYPE "public"."enum_class_orders_status_before" AS ENUM('draft', 'submitted', 'needs_client_info', 'under_review', 'price_proposed', 'negotiating', 'accepted', 'pending_payment', 'partially_paid', 'paid', 'assigned', 'in_progress', 'paused', 'quality_review', 'completed', 'cancelled', 'archived');
  CREATE TYPE "public"."enum_class_orders_compensation_kind" AS ENUM('percentage', 'fixed');
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
  
  ALTER TABLE "tenants" ADD COLUMN "class_order_sequence" numeric DEFAULT 0;
  ALTER TABLE "invoices" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_orders" ADD CONSTRAINT "class_orders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "class_orders_tenant_idx" ON "class_orders" USING btree ("tenant_id");
  CREATE INDEX "class_orders_client_idx" ON "class_orders" USING btree ("client_id");
  CREATE INDEX "class_orders_writer_idx" ON "class_orders" USING btree ("writer_id");
  CREATE INDEX "class_orders_status_idx" ON "class_orders" USING btree ("status");
  CREATE INDEX "class_orders_payment_status_idx" ON "class_orders" USING btree ("payment_status");
  CREATE INDEX "class_orders_invoice_idx" ON "class_orders" USING btree ("invoice_id");
  CREATE INDEX "class_orders_updated_at_idx" ON "class_orders" USING btree ("updated_at");
  CREATE INDEX "class_orders_created_at_idx" ON "class_orders" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_3_idx" ON "class_orders" USING btree ("tenant_id","number");
  CREATE INDEX "tenant_status_createdAt_2_idx" ON "class_orders" USING btree ("tenant_id","status","created_at");
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "invoices_class_order_idx" ON "invoices" USING btree ("class_order_id");`)
  await db.execute(sql.raw(classOrdersUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(classOrdersDown))
  await db.execute(sql`
   ALTER TABLE "class_orders" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "class_orders" CASCADE;
  ALTER TABLE "invoices" DROP CONSTRAINT "invoices_class_order_id_class_orders_id_fk";
  
  DROP INDEX "invoices_class_order_idx";
  ALTER TABLE "tenants" DROP COLUMN "class_order_sequence";
  ALTER TABLE "invoices" DROP COLUMN "class_order_id";
  DROP TYPE "public"."enum_class_orders_status";
  DROP TYPE "public"."enum_class_orders_payment_status";
  DROP TYPE "public"."enum_class_orders_status_before";
  DROP TYPE "public"."enum_class_orders_compensation_kind";`)
}
