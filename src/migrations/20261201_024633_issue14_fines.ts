import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
/** The new money columns' CHECKs (whole minor units, never negative), as ./sql/moneyChecks writes them for the others. */
const FINE_MONEY_COLUMNS = [
  ['fines', 'amount'],
  ['fines', 'effect_from_earning'],
  ['fines', 'effect_receivable'],
  ['fines', 'effect_recovered'],
  ['fines', 'effect_written_off'],
  ['fines', 'effect_restored'],
  ['fine_types', 'amount'],
  ['fine_types', 'min'],
  ['fine_types', 'max'],
] as const
const FINE_MONEY_CHECKS_UP = FINE_MONEY_COLUMNS.map(([t, c]) => `ALTER TABLE "${t}" ADD CONSTRAINT "${t}_${c}_minor_units" CHECK ("${c}" = trunc("${c}") AND "${c}" >= 0);`).join('\n')
const FINE_MONEY_CHECKS_DOWN = FINE_MONEY_COLUMNS.map(([t, c]) => `ALTER TABLE "${t}" DROP CONSTRAINT IF EXISTS "${t}_${c}_minor_units";`).join('\n')



export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_settings_fines_lateness_mode" AS ENUM('cumulative', 'progressive');
  CREATE TYPE "public"."enum_tenants_settings_fines_lateness_base" AS ENUM('writer_pay', 'order_total');
  CREATE TYPE "public"."enum_fine_types_calculation" AS ENUM('fixed', 'percentage', 'progressive_hourly');
  CREATE TYPE "public"."enum_fine_types_base" AS ENUM('writer_pay', 'order_total');
  CREATE TYPE "public"."enum_fines_status" AS ENUM('issued', 'disputed', 'escalated', 'resolved', 'waived', 'voided');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'fines';
  ALTER TYPE "public"."enum_writer_earnings_kind" ADD VALUE 'fine';
  ALTER TYPE "public"."enum_writer_earnings_kind" ADD VALUE 'fine_refund';
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
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_enabled" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_mode" "enum_tenants_settings_fines_lateness_mode" DEFAULT 'cumulative';
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_base" "enum_tenants_settings_fines_lateness_base" DEFAULT 'writer_pay';
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_lateness_max_percent" numeric DEFAULT 100;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_hour1" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_hour2" numeric DEFAULT 10;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_hour3" numeric DEFAULT 15;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_per_hour_after3" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_fines_per_day" numeric DEFAULT 20;
  ALTER TABLE "writer_earnings" ADD COLUMN "fine_id" integer;
  ALTER TABLE "fine_types" ADD CONSTRAINT "fine_types_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fines" ADD CONSTRAINT "fines_effect_receivable_row_id_writer_earnings_id_fk" FOREIGN KEY ("effect_receivable_row_id") REFERENCES "public"."writer_earnings"("id") ON DELETE set null ON UPDATE no action;
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
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_fine_id_fines_id_fk" FOREIGN KEY ("fine_id") REFERENCES "public"."fines"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "writer_earnings_fine_idx" ON "writer_earnings" USING btree ("fine_id");`)
  await db.execute(sql.raw(FINE_MONEY_CHECKS_UP))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(FINE_MONEY_CHECKS_DOWN))
  // Rows the older enums cannot hold: a fine's timeline and its receivable and refund rows.
  await db.execute(sql`DELETE FROM "workflow_events" WHERE "collection" = 'fines'; DELETE FROM "writer_earnings" WHERE "kind" IN ('fine', 'fine_refund');`)
  await db.execute(sql`
   ALTER TABLE "fine_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fines" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "fine_types" CASCADE;
  DROP TABLE "fines" CASCADE;
  ALTER TABLE "writer_earnings" DROP CONSTRAINT IF EXISTS "writer_earnings_fine_id_fines_id_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_writer_earnings_kind";
  CREATE TYPE "public"."enum_writer_earnings_kind" AS ENUM('order_earning', 'reversal');
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_writer_earnings_kind" USING "kind"::"public"."enum_writer_earnings_kind";
  DROP INDEX "writer_earnings_fine_idx";
  ALTER TABLE "writer_earnings" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_enabled";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_mode";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_base";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_lateness_max_percent";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_hour1";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_hour2";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_hour3";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_per_hour_after3";
  ALTER TABLE "tenants" DROP COLUMN "settings_fines_per_day";
  ALTER TABLE "writer_earnings" DROP COLUMN "fine_id";
  DROP TYPE "public"."enum_tenants_settings_fines_lateness_mode";
  DROP TYPE "public"."enum_tenants_settings_fines_lateness_base";
  DROP TYPE "public"."enum_fine_types_calculation";
  DROP TYPE "public"."enum_fine_types_base";
  DROP TYPE "public"."enum_fines_status";`)
}
