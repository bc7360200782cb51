import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_settings_referrals_referee_discount_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_referrals_status" AS ENUM('pending', 'held', 'rewarded', 'voided');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'referrals';
  CREATE TABLE "referrals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"referrer_id" integer NOT NULL,
  	"referee_id" integer NOT NULL,
  	"code" varchar NOT NULL,
  	"status" "enum_referrals_status" DEFAULT 'pending' NOT NULL,
  	"referee_ip" varchar,
  	"referee_user_agent" varchar,
  	"referrer_ip" varchar,
  	"referrer_user_agent" varchar,
  	"flags" jsonb,
  	"reward_wallet_cents" numeric,
  	"reward_referrer_points" numeric,
  	"reward_referee_points" numeric,
  	"qualifying_order_id" integer,
  	"rewarded_at" timestamp(3) with time zone,
  	"voided_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_referrer_wallet_bonus" numeric DEFAULT 500;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_referrer_points" numeric DEFAULT 50;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_referee_points" numeric DEFAULT 0;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_referee_discount_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_referee_discount_kind" "enum_tenants_settings_referrals_referee_discount_kind" DEFAULT 'percentage';
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_referee_discount_value" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_max_referrals_per_month" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_max_bonus_per_month" numeric DEFAULT 10000;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_burst_count" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_burst_minutes" numeric DEFAULT 60;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_same_ip_count" numeric DEFAULT 3;
  ALTER TABLE "tenants" ADD COLUMN "settings_referrals_same_ip_window_days" numeric DEFAULT 7;
  ALTER TABLE "users" ADD COLUMN "referral_code" varchar;
  ALTER TABLE "users" ADD COLUMN "referred_by_id" integer;
  ALTER TABLE "users" ADD COLUMN "registration_ip" varchar;
  ALTER TABLE "users" ADD COLUMN "registration_user_agent" varchar;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_id_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referee_id_users_id_fk" FOREIGN KEY ("referee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_qualifying_order_id_orders_id_fk" FOREIGN KEY ("qualifying_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "referrals_tenant_idx" ON "referrals" USING btree ("tenant_id");
  CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_id");
  CREATE UNIQUE INDEX "referrals_referee_idx" ON "referrals" USING btree ("referee_id");
  CREATE INDEX "referrals_status_idx" ON "referrals" USING btree ("status");
  CREATE INDEX "referrals_referee_ip_idx" ON "referrals" USING btree ("referee_ip");
  CREATE INDEX "referrals_qualifying_order_idx" ON "referrals" USING btree ("qualifying_order_id");
  CREATE INDEX "referrals_updated_at_idx" ON "referrals" USING btree ("updated_at");
  CREATE INDEX "referrals_created_at_idx" ON "referrals" USING btree ("created_at");
  ALTER TABLE "users" ADD CONSTRAINT "users_referred_by_id_users_id_fk" FOREIGN KEY ("referred_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "users_referral_code_idx" ON "users" USING btree ("referral_code");
  CREATE INDEX "users_referred_by_idx" ON "users" USING btree ("referred_by_id");
  -- The money columns' CHECKs (src/migrations/sql/moneyChecks.ts explains them).
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_reward_wallet_cents_minor_units" CHECK ("reward_wallet_cents" = trunc("reward_wallet_cents") AND "reward_wallet_cents" >= 0);
  ALTER TABLE "tenants" ADD CONSTRAINT "tenants_settings_referrals_referrer_wallet_bonus_minor_units" CHECK ("settings_referrals_referrer_wallet_bonus" = trunc("settings_referrals_referrer_wallet_bonus") AND "settings_referrals_referrer_wallet_bonus" >= 0);
  ALTER TABLE "tenants" ADD CONSTRAINT "tenants_settings_referrals_max_bonus_per_month_minor_units" CHECK ("settings_referrals_max_bonus_per_month" = trunc("settings_referrals_max_bonus_per_month") AND "settings_referrals_max_bonus_per_month" >= 0);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "tenants" DROP CONSTRAINT IF EXISTS "tenants_settings_referrals_max_bonus_per_month_minor_units";
  ALTER TABLE "tenants" DROP CONSTRAINT IF EXISTS "tenants_settings_referrals_referrer_wallet_bonus_minor_units";
  ALTER TABLE "referrals" DROP CONSTRAINT IF EXISTS "referrals_reward_wallet_cents_minor_units";
   ALTER TABLE "referrals" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "referrals" CASCADE;
  ALTER TABLE "users" DROP CONSTRAINT "users_referred_by_id_users_id_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests', 'loyalty-redemptions');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  DROP INDEX "users_referral_code_idx";
  DROP INDEX "users_referred_by_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_referrer_wallet_bonus";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_referrer_points";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_referee_points";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_referee_discount_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_referee_discount_kind";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_referee_discount_value";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_max_referrals_per_month";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_max_bonus_per_month";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_burst_count";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_burst_minutes";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_same_ip_count";
  ALTER TABLE "tenants" DROP COLUMN "settings_referrals_same_ip_window_days";
  ALTER TABLE "users" DROP COLUMN "referral_code";
  ALTER TABLE "users" DROP COLUMN "referred_by_id";
  ALTER TABLE "users" DROP COLUMN "registration_ip";
  ALTER TABLE "users" DROP COLUMN "registration_user_agent";
  DROP TYPE "public"."enum_tenants_settings_referrals_referee_discount_kind";
  DROP TYPE "public"."enum_referrals_status";`)
}
