import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { loyaltyDown, loyaltyUp } from './sql/loyalty'

/**
 * Issue 14, loyalty: points accounts and their ledger, the reward catalogue and its
 * redemptions (a workflow), the website's loyalty settings, and the CHECKs of ./sql/loyalty.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_transactions_kind" AS ENUM('earn', 'convert', 'redeem', 'reversal', 'referral', 'admin', 'expire');
  CREATE TYPE "public"."enum_loyalty_rewards_kind" AS ENUM('discount_code', 'perk');
  CREATE TYPE "public"."enum_loyalty_rewards_discount_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_loyalty_redemptions_status" AS ENUM('pending', 'approved', 'fulfilled', 'rejected', 'cancelled');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'loyalty-redemptions';
  CREATE TABLE "tenants_settings_loyalty_tiers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"threshold" numeric NOT NULL,
  	"discount_percent" numeric DEFAULT 0,
  	"perks" varchar
  );
  
  CREATE TABLE "loyalty_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"client_id" integer NOT NULL,
  	"balance" numeric DEFAULT 0 NOT NULL,
  	"lifetime_earned" numeric DEFAULT 0 NOT NULL,
  	"tier" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_transactions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"client_id" integer NOT NULL,
  	"account_id" integer NOT NULL,
  	"points" numeric NOT NULL,
  	"kind" "enum_loyalty_transactions_kind" NOT NULL,
  	"reason" varchar NOT NULL,
  	"reference" varchar NOT NULL,
  	"order_id" integer,
  	"balance_after" numeric NOT NULL,
  	"shortfall" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_rewards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"points_required" numeric NOT NULL,
  	"kind" "enum_loyalty_rewards_kind" DEFAULT 'perk' NOT NULL,
  	"discount_kind" "enum_loyalty_rewards_discount_kind",
  	"discount_value" numeric,
  	"stock" numeric,
  	"max_per_client" numeric DEFAULT 1,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_redemptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"client_id" integer NOT NULL,
  	"reward_id" integer NOT NULL,
  	"points" numeric NOT NULL,
  	"status" "enum_loyalty_redemptions_status" DEFAULT 'pending' NOT NULL,
  	"transaction_id" integer,
  	"discount_id" integer,
  	"discount_code" varchar,
  	"reason" varchar,
  	"decided_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_points_per_unit" numeric DEFAULT 0.1;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_cents_per_point" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_min_points" numeric DEFAULT 100;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_max_cents" numeric DEFAULT 50000;
  ALTER TABLE "tenants_settings_loyalty_tiers" ADD CONSTRAINT "tenants_settings_loyalty_tiers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_accounts" ADD CONSTRAINT "loyalty_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_accounts" ADD CONSTRAINT "loyalty_accounts_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_transactions" ADD CONSTRAINT "loyalty_transactions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_transactions" ADD CONSTRAINT "loyalty_transactions_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_transactions" ADD CONSTRAINT "loyalty_transactions_account_id_loyalty_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."loyalty_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_transactions" ADD CONSTRAINT "loyalty_transactions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_rewards" ADD CONSTRAINT "loyalty_rewards_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_reward_id_loyalty_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."loyalty_rewards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_transaction_id_loyalty_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."loyalty_transactions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_discount_id_discounts_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_redemptions" ADD CONSTRAINT "loyalty_redemptions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "tenants_settings_loyalty_tiers_order_idx" ON "tenants_settings_loyalty_tiers" USING btree ("_order");
  CREATE INDEX "tenants_settings_loyalty_tiers_parent_id_idx" ON "tenants_settings_loyalty_tiers" USING btree ("_parent_id");
  CREATE INDEX "loyalty_accounts_tenant_idx" ON "loyalty_accounts" USING btree ("tenant_id");
  CREATE INDEX "loyalty_accounts_client_idx" ON "loyalty_accounts" USING btree ("client_id");
  CREATE INDEX "loyalty_accounts_updated_at_idx" ON "loyalty_accounts" USING btree ("updated_at");
  CREATE INDEX "loyalty_accounts_created_at_idx" ON "loyalty_accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "client_tenant_idx" ON "loyalty_accounts" USING btree ("client_id","tenant_id");
  CREATE INDEX "loyalty_transactions_tenant_idx" ON "loyalty_transactions" USING btree ("tenant_id");
  CREATE INDEX "loyalty_transactions_client_idx" ON "loyalty_transactions" USING btree ("client_id");
  CREATE INDEX "loyalty_transactions_account_idx" ON "loyalty_transactions" USING btree ("account_id");
  CREATE INDEX "loyalty_transactions_kind_idx" ON "loyalty_transactions" USING btree ("kind");
  CREATE UNIQUE INDEX "loyalty_transactions_reference_idx" ON "loyalty_transactions" USING btree ("reference");
  CREATE INDEX "loyalty_transactions_order_idx" ON "loyalty_transactions" USING btree ("order_id");
  CREATE INDEX "loyalty_transactions_updated_at_idx" ON "loyalty_transactions" USING btree ("updated_at");
  CREATE INDEX "loyalty_transactions_created_at_idx" ON "loyalty_transactions" USING btree ("created_at");
  CREATE INDEX "loyalty_rewards_tenant_idx" ON "loyalty_rewards" USING btree ("tenant_id");
  CREATE INDEX "loyalty_rewards_active_idx" ON "loyalty_rewards" USING btree ("active");
  CREATE INDEX "loyalty_rewards_updated_at_idx" ON "loyalty_rewards" USING btree ("updated_at");
  CREATE INDEX "loyalty_rewards_created_at_idx" ON "loyalty_rewards" USING btree ("created_at");
  CREATE INDEX "loyalty_redemptions_tenant_idx" ON "loyalty_redemptions" USING btree ("tenant_id");
  CREATE INDEX "loyalty_redemptions_client_idx" ON "loyalty_redemptions" USING btree ("client_id");
  CREATE INDEX "loyalty_redemptions_reward_idx" ON "loyalty_redemptions" USING btree ("reward_id");
  CREATE INDEX "loyalty_redemptions_status_idx" ON "loyalty_redemptions" USING btree ("status");
  CREATE INDEX "loyalty_redemptions_transaction_idx" ON "loyalty_redemptions" USING btree ("transaction_id");
  CREATE INDEX "loyalty_redemptions_discount_idx" ON "loyalty_redemptions" USING btree ("discount_id");
  CREATE INDEX "loyalty_redemptions_decided_by_idx" ON "loyalty_redemptions" USING btree ("decided_by_id");
  CREATE INDEX "loyalty_redemptions_updated_at_idx" ON "loyalty_redemptions" USING btree ("updated_at");
  CREATE INDEX "loyalty_redemptions_created_at_idx" ON "loyalty_redemptions" USING btree ("created_at");`)
  await db.execute(sql.raw(loyaltyUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(loyaltyDown))
  await db.execute(sql`
   DROP TABLE "tenants_settings_loyalty_tiers" CASCADE;
  DROP TABLE "loyalty_accounts" CASCADE;
  DROP TABLE "loyalty_transactions" CASCADE;
  DROP TABLE "loyalty_rewards" CASCADE;
  DROP TABLE "loyalty_redemptions" CASCADE;
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_points_per_unit";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_cents_per_point";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_min_points";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_max_cents";
  DROP TYPE "public"."enum_loyalty_transactions_kind";
  DROP TYPE "public"."enum_loyalty_rewards_kind";
  DROP TYPE "public"."enum_loyalty_rewards_discount_kind";
  DROP TYPE "public"."enum_loyalty_redemptions_status";`)
}
