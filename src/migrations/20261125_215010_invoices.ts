import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { invoicesDown, invoicesUp } from './sql/invoices'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_invoices_status" AS ENUM('draft', 'issued', 'partially_paid', 'paid', 'cancelled', 'expired');
  CREATE TYPE "public"."enum_installments_status" AS ENUM('pending', 'paid');
  CREATE TYPE "public"."enum_receipts_kind" AS ENUM('receipt', 'void');
  CREATE TABLE "invoices_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"description" varchar NOT NULL,
  	"quantity" numeric NOT NULL,
  	"unit_amount" numeric NOT NULL,
  	"amount" numeric NOT NULL
  );
  
  CREATE TABLE "invoices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar NOT NULL,
  	"client_id" integer NOT NULL,
  	"title" varchar,
  	"total" numeric NOT NULL,
  	"amount_paid" numeric DEFAULT 0 NOT NULL,
  	"currency" varchar NOT NULL,
  	"status" "enum_invoices_status" DEFAULT 'draft' NOT NULL,
  	"due_at" timestamp(3) with time zone NOT NULL,
  	"issued_at" timestamp(3) with time zone,
  	"paid_at" timestamp(3) with time zone,
  	"cancelled_at" timestamp(3) with time zone,
  	"expired_at" timestamp(3) with time zone,
  	"pay_token_hash" varchar,
  	"pay_token_expires_at" timestamp(3) with time zone,
  	"reminder_upcoming_at" timestamp(3) with time zone,
  	"reminder_due_at" timestamp(3) with time zone,
  	"reminder_overdue_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "installments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"invoice_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"sequence" numeric NOT NULL,
  	"amount" numeric NOT NULL,
  	"amount_paid" numeric DEFAULT 0 NOT NULL,
  	"due_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_installments_status" DEFAULT 'pending' NOT NULL,
  	"paid_at" timestamp(3) with time zone,
  	"reminder_upcoming_at" timestamp(3) with time zone,
  	"reminder_due_at" timestamp(3) with time zone,
  	"reminder_overdue_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "receipts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar NOT NULL,
  	"kind" "enum_receipts_kind" DEFAULT 'receipt' NOT NULL,
  	"payment_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"amount" numeric NOT NULL,
  	"currency" varchar NOT NULL,
  	"paid_for" jsonb NOT NULL,
  	"issued_at" timestamp(3) with time zone NOT NULL,
  	"voids_id" integer,
  	"reason" varchar,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "invoice_sequence" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "receipt_sequence" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_invoice_pay_per_ip_per_minute" numeric DEFAULT 30;
  ALTER TABLE "payments" ADD COLUMN "invoice_id" integer;
  ALTER TABLE "payments" ADD COLUMN "installment_id" integer;
  ALTER TABLE "invoices_lines" ADD CONSTRAINT "invoices_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "installments" ADD CONSTRAINT "installments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "installments" ADD CONSTRAINT "installments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "installments" ADD CONSTRAINT "installments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_voids_id_receipts_id_fk" FOREIGN KEY ("voids_id") REFERENCES "public"."receipts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "receipts" ADD CONSTRAINT "receipts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "invoices_lines_order_idx" ON "invoices_lines" USING btree ("_order");
  CREATE INDEX "invoices_lines_parent_id_idx" ON "invoices_lines" USING btree ("_parent_id");
  CREATE INDEX "invoices_tenant_idx" ON "invoices" USING btree ("tenant_id");
  CREATE INDEX "invoices_client_idx" ON "invoices" USING btree ("client_id");
  CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status");
  CREATE INDEX "invoices_due_at_idx" ON "invoices" USING btree ("due_at");
  CREATE INDEX "invoices_pay_token_hash_idx" ON "invoices" USING btree ("pay_token_hash");
  CREATE INDEX "invoices_created_by_idx" ON "invoices" USING btree ("created_by_id");
  CREATE INDEX "invoices_updated_at_idx" ON "invoices" USING btree ("updated_at");
  CREATE INDEX "invoices_created_at_idx" ON "invoices" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_1_idx" ON "invoices" USING btree ("tenant_id","number");
  CREATE INDEX "installments_tenant_idx" ON "installments" USING btree ("tenant_id");
  CREATE INDEX "installments_invoice_idx" ON "installments" USING btree ("invoice_id");
  CREATE INDEX "installments_client_idx" ON "installments" USING btree ("client_id");
  CREATE INDEX "installments_due_at_idx" ON "installments" USING btree ("due_at");
  CREATE INDEX "installments_status_idx" ON "installments" USING btree ("status");
  CREATE INDEX "installments_updated_at_idx" ON "installments" USING btree ("updated_at");
  CREATE INDEX "installments_created_at_idx" ON "installments" USING btree ("created_at");
  CREATE UNIQUE INDEX "invoice_sequence_idx" ON "installments" USING btree ("invoice_id","sequence");
  CREATE INDEX "receipts_tenant_idx" ON "receipts" USING btree ("tenant_id");
  CREATE INDEX "receipts_payment_idx" ON "receipts" USING btree ("payment_id");
  CREATE INDEX "receipts_client_idx" ON "receipts" USING btree ("client_id");
  CREATE INDEX "receipts_voids_idx" ON "receipts" USING btree ("voids_id");
  CREATE INDEX "receipts_created_by_idx" ON "receipts" USING btree ("created_by_id");
  CREATE INDEX "receipts_updated_at_idx" ON "receipts" USING btree ("updated_at");
  CREATE INDEX "receipts_created_at_idx" ON "receipts" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_2_idx" ON "receipts" USING btree ("tenant_id","number");
  ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_installment_id_installments_id_fk" FOREIGN KEY ("installment_id") REFERENCES "public"."installments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");
  CREATE INDEX "payments_installment_idx" ON "payments" USING btree ("installment_id");`)
  await db.execute(sql.raw(invoicesUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(invoicesDown))
  await db.execute(sql`
   ALTER TABLE "invoices_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoices" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "installments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "receipts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "invoices_lines" CASCADE;
  DROP TABLE "invoices" CASCADE;
  DROP TABLE "installments" CASCADE;
  DROP TABLE "receipts" CASCADE;
  ALTER TABLE "payments" DROP CONSTRAINT "payments_invoice_id_invoices_id_fk";
  
  ALTER TABLE "payments" DROP CONSTRAINT "payments_installment_id_installments_id_fk";
  
  DROP INDEX "payments_invoice_idx";
  DROP INDEX "payments_installment_idx";
  ALTER TABLE "tenants" DROP COLUMN "invoice_sequence";
  ALTER TABLE "tenants" DROP COLUMN "receipt_sequence";
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_invoice_pay_per_ip_per_minute";
  ALTER TABLE "payments" DROP COLUMN "invoice_id";
  ALTER TABLE "payments" DROP COLUMN "installment_id";
  DROP TYPE "public"."enum_invoices_status";
  DROP TYPE "public"."enum_installments_status";
  DROP TYPE "public"."enum_receipts_kind";`)
}
