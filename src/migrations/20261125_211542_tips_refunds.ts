import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_refunds_status" AS ENUM('pending', 'succeeded', 'failed');
  CREATE TYPE "public"."enum_tips_status" AS ENUM('pending', 'succeeded', 'failed', 'cancelled');
  ALTER TYPE "public"."enum_refunds_destination" ADD VALUE 'provider';
  CREATE TABLE "tips" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"writer_id" integer NOT NULL,
  	"amount" numeric NOT NULL,
  	"writer_amount" numeric NOT NULL,
  	"platform_amount" numeric NOT NULL,
  	"status" "enum_tips_status" DEFAULT 'pending' NOT NULL,
  	"message" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_tips_writer_percent" numeric DEFAULT 100;
  ALTER TABLE "tenants" ADD COLUMN "settings_tips_minimum" numeric DEFAULT 100;
  ALTER TABLE "tenants" ADD COLUMN "settings_tips_maximum" numeric DEFAULT 100000;
  ALTER TABLE "tenants" ADD COLUMN "settings_tips_per_day" numeric DEFAULT 25;
  ALTER TABLE "tenants" ADD COLUMN "settings_tips_allow_wallet" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_tips_allow_card" boolean DEFAULT true;
  ALTER TABLE "payments" ADD COLUMN "tip_id" integer;
  ALTER TABLE "payments" ADD COLUMN "provider_payment_intent" varchar;
  ALTER TABLE "payments" ADD COLUMN "amount_refunded" numeric DEFAULT 0;
  ALTER TABLE "refunds" ADD COLUMN "status" "enum_refunds_status" DEFAULT 'succeeded';
  ALTER TABLE "refunds" ADD COLUMN "payment_id" integer;
  ALTER TABLE "refunds" ADD COLUMN "provider_refund" varchar;
  ALTER TABLE "tips" ADD CONSTRAINT "tips_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tips" ADD CONSTRAINT "tips_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tips" ADD CONSTRAINT "tips_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tips" ADD CONSTRAINT "tips_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "tips_tenant_idx" ON "tips" USING btree ("tenant_id");
  CREATE INDEX "tips_order_idx" ON "tips" USING btree ("order_id");
  CREATE INDEX "tips_client_idx" ON "tips" USING btree ("client_id");
  CREATE INDEX "tips_writer_idx" ON "tips" USING btree ("writer_id");
  CREATE INDEX "tips_status_idx" ON "tips" USING btree ("status");
  CREATE INDEX "tips_updated_at_idx" ON "tips" USING btree ("updated_at");
  CREATE INDEX "tips_created_at_idx" ON "tips" USING btree ("created_at");
  ALTER TABLE "payments" ADD CONSTRAINT "payments_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "payments_tip_idx" ON "payments" USING btree ("tip_id");
  CREATE INDEX "payments_provider_payment_intent_idx" ON "payments" USING btree ("provider_payment_intent");
  CREATE INDEX "refunds_payment_idx" ON "refunds" USING btree ("payment_id");
  CREATE INDEX "refunds_provider_refund_idx" ON "refunds" USING btree ("provider_refund");
  -- Card refunds never exceed the payment; a tip's shares add up to it.
  ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_refunded_in_range" CHECK ("amount_refunded" >= 0 AND "amount_refunded" <= "amount");
  ALTER TABLE "tips" ADD CONSTRAINT "tips_split_adds_up" CHECK ("amount" > 0 AND "writer_amount" >= 0 AND "platform_amount" >= 0 AND "writer_amount" + "platform_amount" = "amount");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "payments" DROP CONSTRAINT IF EXISTS "payments_amount_refunded_in_range";
   ALTER TABLE "tips" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "tips" CASCADE;
  ALTER TABLE "payments" DROP CONSTRAINT "payments_tip_id_tips_id_fk";
  
  ALTER TABLE "refunds" DROP CONSTRAINT "refunds_payment_id_payments_id_fk";
  
  ALTER TABLE "refunds" ALTER COLUMN "destination" SET DATA TYPE text;
  DROP TYPE "public"."enum_refunds_destination";
  CREATE TYPE "public"."enum_refunds_destination" AS ENUM('wallet');
  ALTER TABLE "refunds" ALTER COLUMN "destination" SET DATA TYPE "public"."enum_refunds_destination" USING "destination"::"public"."enum_refunds_destination";
  DROP INDEX "payments_tip_idx";
  DROP INDEX "payments_provider_payment_intent_idx";
  DROP INDEX "refunds_payment_idx";
  DROP INDEX "refunds_provider_refund_idx";
  ALTER TABLE "tenants" DROP COLUMN "settings_tips_writer_percent";
  ALTER TABLE "tenants" DROP COLUMN "settings_tips_minimum";
  ALTER TABLE "tenants" DROP COLUMN "settings_tips_maximum";
  ALTER TABLE "tenants" DROP COLUMN "settings_tips_per_day";
  ALTER TABLE "tenants" DROP COLUMN "settings_tips_allow_wallet";
  ALTER TABLE "tenants" DROP COLUMN "settings_tips_allow_card";
  ALTER TABLE "payments" DROP COLUMN "tip_id";
  ALTER TABLE "payments" DROP COLUMN "provider_payment_intent";
  ALTER TABLE "payments" DROP COLUMN "amount_refunded";
  ALTER TABLE "refunds" DROP COLUMN "status";
  ALTER TABLE "refunds" DROP COLUMN "payment_id";
  ALTER TABLE "refunds" DROP COLUMN "provider_refund";
  DROP TYPE "public"."enum_refunds_status";
  DROP TYPE "public"."enum_tips_status";`)
}
