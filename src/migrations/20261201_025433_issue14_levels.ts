import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_writer_level_changes_reasons_crossed" AS ENUM('atLeast', 'atMost');
  CREATE TYPE "public"."enum_writer_level_changes_direction" AS ENUM('promotion', 'demotion');
  CREATE TYPE "public"."enum_writer_level_changes_trigger" AS ENUM('weekly', 'admin');
  CREATE TYPE "public"."enum_discipline_records_kind" AS ENUM('warning', 'strike', 'probation', 'suspension', 'blacklist');
  CREATE TYPE "public"."enum_discipline_records_status" AS ENUM('active', 'lifted', 'expired');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'discipline-records';
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
  
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_auto_suspend_on_strikes" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_auto_suspend_days" numeric DEFAULT 7;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_auto_blacklist_on_strikes" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_warnings_for_probation" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_discipline_warning_days" numeric DEFAULT 30;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_composite_score" numeric DEFAULT 0 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_completed_orders" numeric DEFAULT 0 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_average_rating" numeric;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_completion_rate" numeric DEFAULT 0 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_min_evaluation_periods" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_lateness_rate" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_revision_rate" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_dispute_rate" numeric DEFAULT 1 NOT NULL;
  ALTER TABLE "writer_levels" ADD COLUMN "criteria_max_cancellation_rate" numeric DEFAULT 1 NOT NULL;
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
  CREATE INDEX "writer_kind_status_idx" ON "discipline_records" USING btree ("writer_id","kind","status");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "writer_evaluations" CASCADE;
  DROP TABLE "writer_level_changes_reasons" CASCADE;
  DROP TABLE "writer_level_changes" CASCADE;
  DROP TABLE "discipline_records" CASCADE;
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_auto_suspend_on_strikes";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_auto_suspend_days";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_auto_blacklist_on_strikes";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_warnings_for_probation";
  ALTER TABLE "tenants" DROP COLUMN "settings_discipline_warning_days";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_composite_score";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_completed_orders";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_average_rating";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_completion_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_min_evaluation_periods";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_lateness_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_revision_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_dispute_rate";
  ALTER TABLE "writer_levels" DROP COLUMN "criteria_max_cancellation_rate";
  DROP TYPE "public"."enum_writer_level_changes_reasons_crossed";
  DROP TYPE "public"."enum_writer_level_changes_direction";
  DROP TYPE "public"."enum_writer_level_changes_trigger";
  DROP TYPE "public"."enum_discipline_records_kind";
  DROP TYPE "public"."enum_discipline_records_status";`)
}
