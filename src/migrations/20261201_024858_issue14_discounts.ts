import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { discountsDown, discountsUp } from './sql/discounts'

/**
 * Issue 14, discounts: codes, campaigns (a workflow: its timeline's collection value),
 * usages, the website's discount settings and the orders' subtotal, discount and snapshot;
 * hand-written CHECKs and the subtotal backfill in ./sql/discounts.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_settings_discounts_first_order_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_discounts_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_discounts_origin" AS ENUM('manual', 'first_order', 'holiday', 'loyalty', 'referral', 'campaign', 'spend_tier', 'system');
  CREATE TYPE "public"."enum_discount_campaigns_status" AS ENUM('scheduled', 'active', 'closed', 'archived');
  CREATE TYPE "public"."enum_discount_usages_payable_type" AS ENUM('order', 'invoice');
  CREATE TYPE "public"."enum_discount_usages_origin" AS ENUM('manual', 'first_order', 'holiday', 'loyalty', 'referral', 'campaign', 'spend_tier', 'system');
  CREATE TYPE "public"."enum_discount_usages_status" AS ENUM('held', 'applied', 'released');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'discount-campaigns';
  CREATE TABLE "discounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"kind" "enum_discounts_kind" DEFAULT 'percentage' NOT NULL,
  	"value" numeric NOT NULL,
  	"max_discount" numeric,
  	"min_payable" numeric DEFAULT 0,
  	"starts_at" timestamp(3) with time zone,
  	"ends_at" timestamp(3) with time zone,
  	"usage_limit" numeric,
  	"per_client_limit" numeric,
  	"first_order_only" boolean DEFAULT false,
  	"min_lifetime_spend" numeric DEFAULT 0,
  	"origin" "enum_discounts_origin" DEFAULT 'manual' NOT NULL,
  	"campaign_id" integer,
  	"active" boolean DEFAULT true,
  	"archived" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "discounts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "discount_campaigns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone,
  	"budget" numeric,
  	"spent" numeric DEFAULT 0,
  	"status" "enum_discount_campaigns_status" DEFAULT 'scheduled' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "discount_usages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"discount_id" integer,
  	"client_id" integer NOT NULL,
  	"payable_type" "enum_discount_usages_payable_type" NOT NULL,
  	"order_id" integer,
  	"invoice_id" integer,
  	"payment_id" integer,
  	"payable_key" varchar,
  	"subtotal" numeric NOT NULL,
  	"discount_amount" numeric NOT NULL,
  	"total" numeric NOT NULL,
  	"origin" "enum_discount_usages_origin" NOT NULL,
  	"code" varchar,
  	"status" "enum_discount_usages_status" DEFAULT 'held' NOT NULL,
  	"campaign_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_allow_codes" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_auto_apply_first_order" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_first_order_enabled" boolean DEFAULT false;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_first_order_kind" "enum_tenants_settings_discounts_first_order_kind" DEFAULT 'percentage';
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_first_order_value" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_first_order_max_discount" numeric;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_first_order_min_payable" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_pick_best" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_allow_on_orders" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_allow_on_invoices" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_discounts_allow_on_special_orders" boolean DEFAULT true;
  ALTER TABLE "orders" ADD COLUMN "subtotal" numeric;
  ALTER TABLE "orders" ADD COLUMN "discount" numeric DEFAULT 0;
  ALTER TABLE "orders" ADD COLUMN "discount_snapshot" jsonb;
  ALTER TABLE "discounts" ADD CONSTRAINT "discounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discounts" ADD CONSTRAINT "discounts_campaign_id_discount_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."discount_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discounts_rels" ADD CONSTRAINT "discounts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."discounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "discounts_rels" ADD CONSTRAINT "discounts_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "discount_campaigns" ADD CONSTRAINT "discount_campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_discount_id_discounts_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discount_usages" ADD CONSTRAINT "discount_usages_campaign_id_discount_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."discount_campaigns"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "discounts_tenant_idx" ON "discounts" USING btree ("tenant_id");
  CREATE INDEX "discounts_ends_at_idx" ON "discounts" USING btree ("ends_at");
  CREATE INDEX "discounts_campaign_idx" ON "discounts" USING btree ("campaign_id");
  CREATE INDEX "discounts_archived_idx" ON "discounts" USING btree ("archived");
  CREATE INDEX "discounts_updated_at_idx" ON "discounts" USING btree ("updated_at");
  CREATE INDEX "discounts_created_at_idx" ON "discounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "code_tenant_idx" ON "discounts" USING btree ("code","tenant_id");
  CREATE INDEX "discounts_rels_order_idx" ON "discounts_rels" USING btree ("order");
  CREATE INDEX "discounts_rels_parent_idx" ON "discounts_rels" USING btree ("parent_id");
  CREATE INDEX "discounts_rels_path_idx" ON "discounts_rels" USING btree ("path");
  CREATE INDEX "discounts_rels_users_id_idx" ON "discounts_rels" USING btree ("users_id");
  CREATE INDEX "discount_campaigns_tenant_idx" ON "discount_campaigns" USING btree ("tenant_id");
  CREATE INDEX "discount_campaigns_starts_at_idx" ON "discount_campaigns" USING btree ("starts_at");
  CREATE INDEX "discount_campaigns_ends_at_idx" ON "discount_campaigns" USING btree ("ends_at");
  CREATE INDEX "discount_campaigns_status_idx" ON "discount_campaigns" USING btree ("status");
  CREATE INDEX "discount_campaigns_updated_at_idx" ON "discount_campaigns" USING btree ("updated_at");
  CREATE INDEX "discount_campaigns_created_at_idx" ON "discount_campaigns" USING btree ("created_at");
  CREATE UNIQUE INDEX "slug_tenant_idx" ON "discount_campaigns" USING btree ("slug","tenant_id");
  CREATE INDEX "discount_usages_tenant_idx" ON "discount_usages" USING btree ("tenant_id");
  CREATE INDEX "discount_usages_discount_idx" ON "discount_usages" USING btree ("discount_id");
  CREATE INDEX "discount_usages_client_idx" ON "discount_usages" USING btree ("client_id");
  CREATE INDEX "discount_usages_order_idx" ON "discount_usages" USING btree ("order_id");
  CREATE INDEX "discount_usages_invoice_idx" ON "discount_usages" USING btree ("invoice_id");
  CREATE INDEX "discount_usages_payment_idx" ON "discount_usages" USING btree ("payment_id");
  CREATE UNIQUE INDEX "discount_usages_payable_key_idx" ON "discount_usages" USING btree ("payable_key");
  CREATE INDEX "discount_usages_code_idx" ON "discount_usages" USING btree ("code");
  CREATE INDEX "discount_usages_status_idx" ON "discount_usages" USING btree ("status");
  CREATE INDEX "discount_usages_campaign_idx" ON "discount_usages" USING btree ("campaign_id");
  CREATE INDEX "discount_usages_updated_at_idx" ON "discount_usages" USING btree ("updated_at");
  CREATE INDEX "discount_usages_created_at_idx" ON "discount_usages" USING btree ("created_at");`)
  await db.execute(sql.raw(discountsUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(discountsDown))
  await db.execute(sql`
   DROP TABLE "discounts" CASCADE;
  DROP TABLE "discounts_rels" CASCADE;
  DROP TABLE "discount_campaigns" CASCADE;
  DROP TABLE "discount_usages" CASCADE;
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_allow_codes";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_auto_apply_first_order";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_first_order_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_first_order_kind";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_first_order_value";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_first_order_max_discount";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_first_order_min_payable";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_pick_best";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_allow_on_orders";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_allow_on_invoices";
  ALTER TABLE "tenants" DROP COLUMN "settings_discounts_allow_on_special_orders";
  ALTER TABLE "orders" DROP COLUMN "subtotal";
  ALTER TABLE "orders" DROP COLUMN "discount";
  ALTER TABLE "orders" DROP COLUMN "discount_snapshot";
  DROP TYPE "public"."enum_tenants_settings_discounts_first_order_kind";
  DROP TYPE "public"."enum_discounts_kind";
  DROP TYPE "public"."enum_discounts_origin";
  DROP TYPE "public"."enum_discount_campaigns_status";
  DROP TYPE "public"."enum_discount_usages_payable_type";
  DROP TYPE "public"."enum_discount_usages_origin";
  DROP TYPE "public"."enum_discount_usages_status";`)
}
