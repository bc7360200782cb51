import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { discountsDown, discountsUp } from './sql/discounts'
import { incentiveChecksDown, incentiveChecksUp } from './sql/incentiveChecks'
import { loyaltyDown, loyaltyUp } from './sql/loyalty'

/**
 * Issue 14 (incentives and discipline): discounts, campaigns and usages; loyalty accounts,
 * transactions, rewards and redemptions; referrals; fine types and fines; writer
 * evaluations, level changes and discipline records; their website settings. Then the
 * hand-written SQL: the orders' subtotal backfill and every new money column's CHECK.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_settings_fines_lateness_mode" AS ENUM('cumulative', 'progressive');
  CREATE TYPE "public"."enum_tenants_settings_fines_lateness_base" AS ENUM('writer_pay', 'order_total');
  CREATE TYPE "public"."enum_tenants_settings_discounts_first_order_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_tenants_settings_referrals_referee_discount_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_writer_level_changes_reasons_crossed" AS ENUM('atLeast', 'atMost');
  CREATE TYPE "public"."enum_writer_level_changes_direction" AS ENUM('promotion', 'demotion');
  CREATE TYPE "public"."enum_writer_level_changes_trigger" AS ENUM('weekly', 'admin');
  CREATE TYPE "public"."enum_discipline_records_kind" AS ENUM('warning', 'strike', 'probation', 'suspension', 'blacklist');
  CREATE TYPE "public"."enum_discipline_records_status" AS ENUM('active', 'lifted', 'expired');
  CREATE TYPE "public"."enum_referrals_status" AS ENUM('pending', 'held', 'rewarded', 'voided');
  CREATE TYPE "public"."enum_loyalty_transactions_kind" AS ENUM('earn', 'convert', 'redeem', 'reversal', 'referral', 'admin', 'expire');
  CREATE TYPE "public"."enum_loyalty_rewards_kind" AS ENUM('discount_code', 'perk');
  CREATE TYPE "public"."enum_loyalty_rewards_discount_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_loyalty_redemptions_status" AS ENUM('pending', 'approved', 'fulfilled', 'rejected', 'cancelled');
  CREATE TYPE "public"."enum_discounts_kind" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_discounts_origin" AS ENUM('manual', 'first_order', 'holiday', 'loyalty', 'referral', 'campaign', 'spend_tier', 'system');
  CREATE TYPE "public"."enum_discount_campaigns_status" AS ENUM('scheduled', 'active', 'closed', 'archived');
  CREATE TYPE "public"."enum_discount_usages_payable_type" AS ENUM('order', 'invoice');
  CREATE TYPE "public"."enum_discount_usages_origin" AS ENUM('manual', 'first_order', 'holiday', 'loyalty', 'referral', 'campaign', 'spend_tier', 'system');
  CREATE TYPE "public"."enum_discount_usages_status" AS ENUM('held', 'applied', 'released');
  CREATE TYPE "public"."enum_fine_types_calculation" AS ENUM('fixed', 'percentage', 'progressive_hourly');
  CREATE TYPE "public"."enum_fine_types_base" AS ENUM('writer_pay', 'order_total');
  CREATE TYPE "public"."enum_fines_status" AS ENUM('issued', 'disputed', 'escalated', 'resolved', 'waived', 'voided');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'discipline-records';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'fines';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'loyalty-redemptions';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'referrals';
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'discount-campaigns';
  ALTER TYPE "public"."enum_writer_earnings_kind" ADD VALUE 'fine';
  ALTER TYPE "public"."enum_writer_earnings_kind" ADD VALUE 'fine_refund';
  CREATE TABLE "tenants_settings_loyalty_tiers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"threshold" numeric NOT NULL,
  	"discount_percent" numeric DEFAULT 0,
  	"perks" varchar
  );
  
  CREATE TABLE "writer_evaluations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"writer_id" integer NOT NULL,
  	"period_start" timestamp(3) with time zone NOT NULL,
  	"period_end" timestamp(3) with time zone NOT NULL,
  	"window_start" timestamp(3) with time zone NOT NULL,
  	"assigned_orders" numeric DEFAULT 0 NOT NULL,
  	"completed_orders" numeric DEFAULT 0 NOT NULL,
  	"submitted_orders" numeric DEFAULT 0 NOT NULL,
  	"completion_rate" numeric DEFAULT 0 NOT NULL,
  	"lateness_rate" numeric DEFAULT 0 NOT NULL,
  	"revision_rate" numeric DEFAULT 0 NOT NULL,
  	"dispute_rate" numeric DEFAULT 0 NOT NULL,
  	"cancellation_rate" numeric DEFAULT 0 NOT NULL,
  	"average_rating" numeric,
  	"composite_score" numeric NOT NULL,
  	"level_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "writer_level_changes_reasons" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"metric" varchar NOT NULL,
  	"value" numeric NOT NULL,
  	"threshold" numeric NOT NULL,
  	"crossed" "enum_writer_level_changes_reasons_crossed" NOT NULL
  );
  
  CREATE TABLE "writer_level_changes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"writer_id" integer NOT NULL,
  	"from_id" integer,
  	"to_id" integer NOT NULL,
  	"direction" "enum_writer_level_changes_direction" NOT NULL,
  	"trigger" "enum_writer_level_changes_trigger" NOT NULL,
  	"note" varchar,
  	"evaluation_id" integer,
  	"changed_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "discipline_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"writer_id" integer NOT NULL,
  	"kind" "enum_discipline_records_kind" NOT NULL,
  	"reason" varchar NOT NULL,
  	"status" "enum_discipline_records_status" DEFAULT 'active' NOT NULL,
  	"starts_at" timestamp(3) with time zone,
  	"ends_at" timestamp(3) with time zone,
  	"automatic" boolean DEFAULT false,
  	"issued_by_id" integer,
  	"lifted_by_id" integer,
  	"lifted_reason" varchar,
  	"ended_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
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
  
  CREATE TABLE "fine_types" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"calculation" "enum_fine_types_calculation" DEFAULT 'fixed' NOT NULL,
  	"amount" numeric DEFAULT 0,
  	"percent" numeric DEFAULT 0,
  	"base" "enum_fine_types_base" DEFAULT 'writer_pay' NOT NULL,
  	"min" numeric,
  	"max" numeric,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "fines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"writer_id" integer NOT NULL,
  	"order_id" integer,
  	"type" varchar NOT NULL,
  	"amount" numeric,
  	"status" "enum_fines_status" DEFAULT 'issued' NOT NULL,
  	"reason" varchar NOT NULL,
  	"hours_late" numeric,
  	"percent" numeric,
  	"issued_by_id" integer,
  	"reference" varchar,
  	"appeal_reason" varchar,
  	"appeal_evidence" varchar,
  	"appeal_escalated_before" boolean DEFAULT false,
  	"appeal_escalation_reason" varchar,
  	"appeal_answer" varchar,
  	"effect_applied_at" timestamp(3) with time zone,
  	"effect_from_earning" numeric DEFAULT 0,
  	"effect_receivable" numeric DEFAULT 0,
  	"effect_receivable_row_id" integer,
  	"effect_recovered" numeric DEFAULT 0,
  	"effect_written_off" numeric DEFAULT 0,
  	"effect_written_off_at" timestamp(3) with time zone,
  	"effect_lifted_at" timestamp(3) with time zone,
  	"effect_restored" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "writer_earnings" ALTER COLUMN "order_id" DROP NOT NULL;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_auto_suspend_on_strikes" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_auto_suspend_days" numeric DEFAULT 7;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_auto_blacklist_on_strikes" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_warnings_for_probation" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_warning_days" numeric DEFAULT 30;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_mode" "enum_tenants_settings_fines_lateness_mode" DEFAULT 'cumulative';
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_base" "enum_tenants_settings_fines_lateness_base" DEFAULT 'writer_pay';
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_max_percent" numeric DEFAULT 100;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_hour1" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_hour2" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_hour3" numeric DEFAULT 15;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_per_hour_after3" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_per_day" numeric DEFAULT 20;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_points_per_unit" numeric DEFAULT 0.1;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_cents_per_point" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_min_points" numeric DEFAULT 100;
  ALTER TABLE "tenants" ADD COLUMN "settings_loyalty_conversion_max_cents" numeric DEFAULT 50000;
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
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_composite_score" numeric DEFAULT 0 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_completed_orders" numeric DEFAULT 0 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_average_rating" numeric;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_completion_rate" numeric DEFAULT 0 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_evaluation_periods" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_lateness_rate" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_revision_rate" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_dispute_rate" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_cancellation_rate" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "orders" ADD COLUMN "subtotal" numeric;
  ALTER TABLE "orders" ADD COLUMN "discount" numeric DEFAULT 0;
  ALTER TABLE "orders" ADD COLUMN "discount_snapshot" jsonb;
  ALTER TABLE "writer_earnings" ADD COLUMN "fine_id" integer;
  ALTER TABLE "tenants_settings_loyalty_tiers" ADD CONSTRAINT "tenants_settings_loyalty_tiers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "writer_evaluations" ADD CONSTRAINT "writer_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_evaluations" ADD CONSTRAINT "writer_evaluations_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_evaluations" ADD CONSTRAINT "writer_evaluations_level_id_writer_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."writer_levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_level_changes_reasons" ADD CONSTRAINT "writer_level_changes_reasons_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."writer_level_changes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "writer_level_changes" ADD CONSTRAINT "writer_level_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_level_changes" ADD CONSTRAINT "writer_level_changes_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_level_changes" ADD CONSTRAINT "writer_level_changes_from_id_writer_levels_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."writer_levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_level_changes" ADD CONSTRAINT "writer_level_changes_to_id_writer_levels_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."writer_levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_level_changes" ADD CONSTRAINT "writer_level_changes_evaluation_id_writer_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."writer_evaluations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_level_changes" ADD CONSTRAINT "writer_level_changes_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discipline_records" ADD CONSTRAINT "discipline_records_lifted_by_id_users_id_fk" FOREIGN KEY ("lifted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_id_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referee_id_users_id_fk" FOREIGN KEY ("referee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "referrals" ADD CONSTRAINT "referrals_qualifying_order_id_orders_id_fk" FOREIGN KEY ("qualifying_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
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
  ALTER TABLE "fine_types" ADD CONSTRAINT "fine_types_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_effect_receivable_row_id_writer_earnings_id_fk" FOREIGN KEY ("effect_receivable_row_id") REFERENCES "public"."writer_earnings"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "tenants_settings_loyalty_tiers_order_idx" ON "tenants_settings_loyalty_tiers" USING btree ("_order");
  CREATE INDEX "tenants_settings_loyalty_tiers_parent_id_idx" ON "tenants_settings_loyalty_tiers" USING btree ("_parent_id");
  CREATE INDEX "writer_evaluations_tenant_idx" ON "writer_evaluations" USING btree ("tenant_id");
  CREATE INDEX "writer_evaluations_writer_idx" ON "writer_evaluations" USING btree ("writer_id");
  CREATE INDEX "writer_evaluations_period_start_idx" ON "writer_evaluations" USING btree ("period_start");
  CREATE INDEX "writer_evaluations_level_idx" ON "writer_evaluations" USING btree ("level_id");
  CREATE INDEX "writer_evaluations_updated_at_idx" ON "writer_evaluations" USING btree ("updated_at");
  CREATE INDEX "writer_evaluations_created_at_idx" ON "writer_evaluations" USING btree ("created_at");
  CREATE UNIQUE INDEX "writer_periodStart_idx" ON "writer_evaluations" USING btree ("writer_id","period_start");
  CREATE INDEX "writer_level_changes_reasons_order_idx" ON "writer_level_changes_reasons" USING btree ("_order");
  CREATE INDEX "writer_level_changes_reasons_parent_id_idx" ON "writer_level_changes_reasons" USING btree ("_parent_id");
  CREATE INDEX "writer_level_changes_tenant_idx" ON "writer_level_changes" USING btree ("tenant_id");
  CREATE INDEX "writer_level_changes_writer_idx" ON "writer_level_changes" USING btree ("writer_id");
  CREATE INDEX "writer_level_changes_from_idx" ON "writer_level_changes" USING btree ("from_id");
  CREATE INDEX "writer_level_changes_to_idx" ON "writer_level_changes" USING btree ("to_id");
  CREATE INDEX "writer_level_changes_direction_idx" ON "writer_level_changes" USING btree ("direction");
  CREATE INDEX "writer_level_changes_evaluation_idx" ON "writer_level_changes" USING btree ("evaluation_id");
  CREATE INDEX "writer_level_changes_changed_by_idx" ON "writer_level_changes" USING btree ("changed_by_id");
  CREATE INDEX "writer_level_changes_updated_at_idx" ON "writer_level_changes" USING btree ("updated_at");
  CREATE INDEX "writer_level_changes_created_at_idx" ON "writer_level_changes" USING btree ("created_at");
  CREATE INDEX "discipline_records_tenant_idx" ON "discipline_records" USING btree ("tenant_id");
  CREATE INDEX "discipline_records_writer_idx" ON "discipline_records" USING btree ("writer_id");
  CREATE INDEX "discipline_records_kind_idx" ON "discipline_records" USING btree ("kind");
  CREATE INDEX "discipline_records_status_idx" ON "discipline_records" USING btree ("status");
  CREATE INDEX "discipline_records_ends_at_idx" ON "discipline_records" USING btree ("ends_at");
  CREATE INDEX "discipline_records_issued_by_idx" ON "discipline_records" USING btree ("issued_by_id");
  CREATE INDEX "discipline_records_lifted_by_idx" ON "discipline_records" USING btree ("lifted_by_id");
  CREATE INDEX "discipline_records_updated_at_idx" ON "discipline_records" USING btree ("updated_at");
  CREATE INDEX "discipline_records_created_at_idx" ON "discipline_records" USING btree ("created_at");
  CREATE INDEX "writer_kind_status_idx" ON "discipline_records" USING btree ("writer_id","kind","status");
  CREATE INDEX "referrals_tenant_idx" ON "referrals" USING btree ("tenant_id");
  CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_id");
  CREATE UNIQUE INDEX "referrals_referee_idx" ON "referrals" USING btree ("referee_id");
  CREATE INDEX "referrals_status_idx" ON "referrals" USING btree ("status");
  CREATE INDEX "referrals_referee_ip_idx" ON "referrals" USING btree ("referee_ip");
  CREATE INDEX "referrals_qualifying_order_idx" ON "referrals" USING btree ("qualifying_order_id");
  CREATE INDEX "referrals_updated_at_idx" ON "referrals" USING btree ("updated_at");
  CREATE INDEX "referrals_created_at_idx" ON "referrals" USING btree ("created_at");
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
  CREATE INDEX "loyalty_redemptions_created_at_idx" ON "loyalty_redemptions" USING btree ("created_at");
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
  CREATE INDEX "discount_usages_created_at_idx" ON "discount_usages" USING btree ("created_at");
  CREATE INDEX "fine_types_tenant_idx" ON "fine_types" USING btree ("tenant_id");
  CREATE INDEX "fine_types_updated_at_idx" ON "fine_types" USING btree ("updated_at");
  CREATE INDEX "fine_types_created_at_idx" ON "fine_types" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_code_2_idx" ON "fine_types" USING btree ("tenant_id","code");
  CREATE INDEX "fines_tenant_idx" ON "fines" USING btree ("tenant_id");
  CREATE INDEX "fines_writer_idx" ON "fines" USING btree ("writer_id");
  CREATE INDEX "fines_order_idx" ON "fines" USING btree ("order_id");
  CREATE INDEX "fines_status_idx" ON "fines" USING btree ("status");
  CREATE INDEX "fines_issued_by_idx" ON "fines" USING btree ("issued_by_id");
  CREATE UNIQUE INDEX "fines_reference_idx" ON "fines" USING btree ("reference");
  CREATE INDEX "fines_effect_effect_receivable_row_idx" ON "fines" USING btree ("effect_receivable_row_id");
  CREATE INDEX "fines_updated_at_idx" ON "fines" USING btree ("updated_at");
  CREATE INDEX "fines_created_at_idx" ON "fines" USING btree ("created_at");
  ALTER TABLE "users" ADD CONSTRAINT "users_referred_by_id_users_id_fk" FOREIGN KEY ("referred_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_fine_id_fines_id_fk" FOREIGN KEY ("fine_id") REFERENCES "public"."fines"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "users_referral_code_idx" ON "users" USING btree ("referral_code");
  CREATE INDEX "users_referred_by_idx" ON "users" USING btree ("referred_by_id");
  CREATE INDEX "writer_earnings_fine_idx" ON "writer_earnings" USING btree ("fine_id");`)
  await db.execute(sql.raw(discountsUp))
  await db.execute(sql.raw(loyaltyUp))
  await db.execute(sql.raw(incentiveChecksUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(incentiveChecksDown))
  await db.execute(sql.raw(loyaltyDown))
  await db.execute(sql.raw(discountsDown))
  await db.execute(sql`
   ALTER TABLE "tenants_settings_loyalty_tiers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "writer_evaluations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "writer_level_changes_reasons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "writer_level_changes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discipline_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "referrals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_accounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_transactions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_rewards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_redemptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discounts_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discount_campaigns" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discount_usages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fine_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fines" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "tenants_settings_loyalty_tiers" CASCADE;
  DROP TABLE "writer_evaluations" CASCADE;
  DROP TABLE "writer_level_changes_reasons" CASCADE;
  DROP TABLE "writer_level_changes" CASCADE;
  DROP TABLE "discipline_records" CASCADE;
  DROP TABLE "referrals" CASCADE;
  DROP TABLE "loyalty_accounts" CASCADE;
  DROP TABLE "loyalty_transactions" CASCADE;
  DROP TABLE "loyalty_rewards" CASCADE;
  DROP TABLE "loyalty_redemptions" CASCADE;
  DROP TABLE "discounts" CASCADE;
  DROP TABLE "discounts_rels" CASCADE;
  DROP TABLE "discount_campaigns" CASCADE;
  DROP TABLE "discount_usages" CASCADE;
  DROP TABLE "fine_types" CASCADE;
  DROP TABLE "fines" CASCADE;
  ALTER TABLE "users" DROP CONSTRAINT "users_referred_by_id_users_id_fk";
  
  ALTER TABLE "writer_earnings" DROP CONSTRAINT "writer_earnings_fine_id_fines_id_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_writer_earnings_kind";
  CREATE TYPE "public"."enum_writer_earnings_kind" AS ENUM('order_earning', 'reversal');
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_writer_earnings_kind" USING "kind"::"public"."enum_writer_earnings_kind";
  DROP INDEX "users_referral_code_idx";
  DROP INDEX "users_referred_by_idx";
  DROP INDEX "writer_earnings_fine_idx";
  ALTER TABLE "writer_earnings" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_auto_suspend_on_strikes";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_auto_suspend_days";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_auto_blacklist_on_strikes";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_warnings_for_probation";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_warning_days";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_mode";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_base";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_max_percent";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_hour1";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_hour2";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_hour3";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_per_hour_after3";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_per_day";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_points_per_unit";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_cents_per_point";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_min_points";
  ALTER TABLE "tenants" DROP COLUMN "settings_loyalty_conversion_max_cents";
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
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_composite_score";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_completed_orders";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_average_rating";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_completion_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_evaluation_periods";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_lateness_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_revision_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_dispute_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_cancellation_rate";
  ALTER TABLE "orders" DROP COLUMN "subtotal";
  ALTER TABLE "orders" DROP COLUMN "discount";
  ALTER TABLE "orders" DROP COLUMN "discount_snapshot";
  ALTER TABLE "writer_earnings" DROP COLUMN "fine_id";
  DROP TYPE "public"."enum_tenants_settings_fines_lateness_mode";
  DROP TYPE "public"."enum_tenants_settings_fines_lateness_base";
  DROP TYPE "public"."enum_tenants_settings_discounts_first_order_kind";
  DROP TYPE "public"."enum_tenants_settings_referrals_referee_discount_kind";
  DROP TYPE "public"."enum_writer_level_changes_reasons_crossed";
  DROP TYPE "public"."enum_writer_level_changes_direction";
  DROP TYPE "public"."enum_writer_level_changes_trigger";
  DROP TYPE "public"."enum_discipline_records_kind";
  DROP TYPE "public"."enum_discipline_records_status";
  DROP TYPE "public"."enum_referrals_status";
  DROP TYPE "public"."enum_loyalty_transactions_kind";
  DROP TYPE "public"."enum_loyalty_rewards_kind";
  DROP TYPE "public"."enum_loyalty_rewards_discount_kind";
  DROP TYPE "public"."enum_loyalty_redemptions_status";
  DROP TYPE "public"."enum_discounts_kind";
  DROP TYPE "public"."enum_discounts_origin";
  DROP TYPE "public"."enum_discount_campaigns_status";
  DROP TYPE "public"."enum_discount_usages_payable_type";
  DROP TYPE "public"."enum_discount_usages_origin";
  DROP TYPE "public"."enum_discount_usages_status";
  DROP TYPE "public"."enum_fine_types_calculation";
  DROP TYPE "public"."enum_fine_types_base";
  DROP TYPE "public"."enum_fines_status";`)
}
