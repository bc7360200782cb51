import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { payoutsDown, payoutsUp } from './sql/payouts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_payment_windows_status" AS ENUM('open', 'closed');
  CREATE TYPE "public"."enum_payout_batches_status" AS ENUM('ready', 'partially_paid', 'paid');
  CREATE TYPE "public"."enum_payout_records_status" AS ENUM('pending', 'paid', 'cancelled');
  CREATE TYPE "public"."enum_payout_records_method" AS ENUM('bank_transfer', 'paypal', 'wise', 'other');
  CREATE TYPE "public"."enum_payout_requests_status" AS ENUM('pending', 'approved', 'rejected', 'expired');
  CREATE TYPE "public"."enum_payout_requests_method" AS ENUM('bank_transfer', 'paypal', 'wise', 'other');
  CREATE TABLE "payment_windows" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"opens_at" timestamp(3) with time zone NOT NULL,
  	"closes_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_payment_windows_status" DEFAULT 'open' NOT NULL,
  	"closed_at" timestamp(3) with time zone,
  	"batch_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payout_batches" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"window_id" integer NOT NULL,
  	"total" numeric NOT NULL,
  	"count" numeric NOT NULL,
  	"status" "enum_payout_batches_status" DEFAULT 'ready' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payout_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"batch_id" integer NOT NULL,
  	"writer_id" integer NOT NULL,
  	"amount" numeric NOT NULL,
  	"status" "enum_payout_records_status" DEFAULT 'pending' NOT NULL,
  	"method" "enum_payout_records_method",
  	"external_reference" varchar,
  	"paid_at" timestamp(3) with time zone,
  	"paid_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payout_records_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"writer_earnings_id" integer
  );
  
  CREATE TABLE "payout_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"writer_id" integer NOT NULL,
  	"wallet_id" integer NOT NULL,
  	"amount" numeric NOT NULL,
  	"status" "enum_payout_requests_status" DEFAULT 'pending' NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"method" "enum_payout_requests_method",
  	"external_reference" varchar,
  	"reason" varchar,
  	"decided_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_payouts_window_days" numeric DEFAULT 14;
  ALTER TABLE "tenants" ADD COLUMN "settings_payouts_request_expiry_days" numeric DEFAULT 14;
  ALTER TABLE "tenants" ADD COLUMN "settings_payouts_max_open_requests" numeric DEFAULT 1;
  ALTER TABLE "writer_earnings" ADD COLUMN "payout_record_id" integer;
  ALTER TABLE "payment_windows" ADD CONSTRAINT "payment_windows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payment_windows" ADD CONSTRAINT "payment_windows_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_window_id_payment_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."payment_windows"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_records" ADD CONSTRAINT "payout_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_records" ADD CONSTRAINT "payout_records_batch_id_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_records" ADD CONSTRAINT "payout_records_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_records" ADD CONSTRAINT "payout_records_paid_by_id_users_id_fk" FOREIGN KEY ("paid_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_records_rels" ADD CONSTRAINT "payout_records_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payout_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payout_records_rels" ADD CONSTRAINT "payout_records_rels_writer_earnings_fk" FOREIGN KEY ("writer_earnings_id") REFERENCES "public"."writer_earnings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_wallet_id_wallets_id_fk" FOREIGN KEY ("wallet_id") REFERENCES "public"."wallets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payment_windows_tenant_idx" ON "payment_windows" USING btree ("tenant_id");
  CREATE INDEX "payment_windows_closes_at_idx" ON "payment_windows" USING btree ("closes_at");
  CREATE INDEX "payment_windows_status_idx" ON "payment_windows" USING btree ("status");
  CREATE INDEX "payment_windows_batch_idx" ON "payment_windows" USING btree ("batch_id");
  CREATE INDEX "payment_windows_updated_at_idx" ON "payment_windows" USING btree ("updated_at");
  CREATE INDEX "payment_windows_created_at_idx" ON "payment_windows" USING btree ("created_at");
  CREATE INDEX "payout_batches_tenant_idx" ON "payout_batches" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "payout_batches_window_idx" ON "payout_batches" USING btree ("window_id");
  CREATE INDEX "payout_batches_status_idx" ON "payout_batches" USING btree ("status");
  CREATE INDEX "payout_batches_updated_at_idx" ON "payout_batches" USING btree ("updated_at");
  CREATE INDEX "payout_batches_created_at_idx" ON "payout_batches" USING btree ("created_at");
  CREATE INDEX "payout_records_tenant_idx" ON "payout_records" USING btree ("tenant_id");
  CREATE INDEX "payout_records_batch_idx" ON "payout_records" USING btree ("batch_id");
  CREATE INDEX "payout_records_writer_idx" ON "payout_records" USING btree ("writer_id");
  CREATE INDEX "payout_records_status_idx" ON "payout_records" USING btree ("status");
  CREATE INDEX "payout_records_paid_by_idx" ON "payout_records" USING btree ("paid_by_id");
  CREATE INDEX "payout_records_updated_at_idx" ON "payout_records" USING btree ("updated_at");
  CREATE INDEX "payout_records_created_at_idx" ON "payout_records" USING btree ("created_at");
  CREATE UNIQUE INDEX "batch_writer_idx" ON "payout_records" USING btree ("batch_id","writer_id");
  CREATE INDEX "payout_records_rels_order_idx" ON "payout_records_rels" USING btree ("order");
  CREATE INDEX "payout_records_rels_parent_idx" ON "payout_records_rels" USING btree ("parent_id");
  CREATE INDEX "payout_records_rels_path_idx" ON "payout_records_rels" USING btree ("path");
  CREATE INDEX "payout_records_rels_writer_earnings_id_idx" ON "payout_records_rels" USING btree ("writer_earnings_id");
  CREATE INDEX "payout_requests_tenant_idx" ON "payout_requests" USING btree ("tenant_id");
  CREATE INDEX "payout_requests_writer_idx" ON "payout_requests" USING btree ("writer_id");
  CREATE INDEX "payout_requests_wallet_idx" ON "payout_requests" USING btree ("wallet_id");
  CREATE INDEX "payout_requests_status_idx" ON "payout_requests" USING btree ("status");
  CREATE INDEX "payout_requests_expires_at_idx" ON "payout_requests" USING btree ("expires_at");
  CREATE INDEX "payout_requests_decided_by_idx" ON "payout_requests" USING btree ("decided_by_id");
  CREATE INDEX "payout_requests_updated_at_idx" ON "payout_requests" USING btree ("updated_at");
  CREATE INDEX "payout_requests_created_at_idx" ON "payout_requests" USING btree ("created_at");
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_payout_record_id_payout_records_id_fk" FOREIGN KEY ("payout_record_id") REFERENCES "public"."payout_records"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "writer_earnings_payout_record_idx" ON "writer_earnings" USING btree ("payout_record_id");`)
  await db.execute(sql.raw(payoutsUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(payoutsDown))
  await db.execute(sql`
   ALTER TABLE "payment_windows" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payout_batches" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payout_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payout_records_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payout_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payment_windows" CASCADE;
  DROP TABLE "payout_batches" CASCADE;
  DROP TABLE "payout_records" CASCADE;
  DROP TABLE "payout_records_rels" CASCADE;
  DROP TABLE "payout_requests" CASCADE;
  ALTER TABLE "writer_earnings" DROP CONSTRAINT "writer_earnings_payout_record_id_payout_records_id_fk";
  
  DROP INDEX "writer_earnings_payout_record_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_payouts_window_days";
  ALTER TABLE "tenants" DROP COLUMN "settings_payouts_request_expiry_days";
  ALTER TABLE "tenants" DROP COLUMN "settings_payouts_max_open_requests";
  ALTER TABLE "writer_earnings" DROP COLUMN "payout_record_id";
  DROP TYPE "public"."enum_payment_windows_status";
  DROP TYPE "public"."enum_payout_batches_status";
  DROP TYPE "public"."enum_payout_records_status";
  DROP TYPE "public"."enum_payout_records_method";
  DROP TYPE "public"."enum_payout_requests_status";
  DROP TYPE "public"."enum_payout_requests_method";`)
}
