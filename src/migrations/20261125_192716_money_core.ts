import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_ledger_accounts_type" AS ENUM('asset', 'liability', 'equity', 'revenue', 'expense');
  CREATE TYPE "public"."enum_wallets_kind" AS ENUM('client', 'writer');
  CREATE TYPE "public"."enum_payments_purpose" AS ENUM('order', 'wallet_top_up', 'invoice', 'installment', 'tip');
  CREATE TYPE "public"."enum_payments_provider" AS ENUM('stripe', 'wallet', 'manual');
  CREATE TYPE "public"."enum_payments_status" AS ENUM('pending', 'succeeded', 'failed', 'canceled', 'expired');
  CREATE TYPE "public"."enum_refunds_destination" AS ENUM('wallet');
  CREATE TYPE "public"."enum_writer_earnings_kind" AS ENUM('order_earning', 'reversal');
  CREATE TYPE "public"."enum_writer_earnings_status" AS ENUM('pending', 'paid', 'voided');
  CREATE TYPE "public"."enum_idempotency_keys_status" AS ENUM('in_progress', 'done');
  CREATE TABLE "ledger_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"code" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"type" "enum_ledger_accounts_type" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "journal_entries_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"account_id" integer NOT NULL,
  	"debit" numeric DEFAULT 0 NOT NULL,
  	"credit" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE TABLE "journal_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"reference" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"memo" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "wallets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"owner_id" integer NOT NULL,
  	"kind" "enum_wallets_kind" NOT NULL,
  	"currency" varchar NOT NULL,
  	"balance" numeric DEFAULT 0 NOT NULL,
  	"held" numeric DEFAULT 0 NOT NULL,
  	"account_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"reference" varchar NOT NULL,
  	"client_id" integer NOT NULL,
  	"purpose" "enum_payments_purpose" NOT NULL,
  	"provider" "enum_payments_provider" NOT NULL,
  	"status" "enum_payments_status" DEFAULT 'pending' NOT NULL,
  	"amount" numeric NOT NULL,
  	"currency" varchar NOT NULL,
  	"order_id" integer,
  	"checkout_url" varchar,
  	"provider_session" varchar,
  	"applied_at" timestamp(3) with time zone,
  	"failure_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "refunds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"client_id" integer NOT NULL,
  	"amount" numeric NOT NULL,
  	"destination" "enum_refunds_destination" NOT NULL,
  	"reason" varchar NOT NULL,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "writer_earnings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"writer_id" integer NOT NULL,
  	"order_id" integer NOT NULL,
  	"kind" "enum_writer_earnings_kind" NOT NULL,
  	"amount" numeric NOT NULL,
  	"status" "enum_writer_earnings_status" DEFAULT 'pending' NOT NULL,
  	"reference" varchar NOT NULL,
  	"breakdown" jsonb,
  	"paid_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "idempotency_keys" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"scope" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"request_hash" varchar NOT NULL,
  	"status" "enum_idempotency_keys_status" DEFAULT 'in_progress' NOT NULL,
  	"response_status" numeric,
  	"response_body" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "provider_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"provider" varchar NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"payment_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "orders" ADD COLUMN "rate_card" jsonb;
  ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "journal_entries_lines" ADD CONSTRAINT "journal_entries_lines_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "journal_entries_lines" ADD CONSTRAINT "journal_entries_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."journal_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallets" ADD CONSTRAINT "wallets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallets" ADD CONSTRAINT "wallets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "wallets" ADD CONSTRAINT "wallets_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "provider_events" ADD CONSTRAINT "provider_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "ledger_accounts_tenant_idx" ON "ledger_accounts" USING btree ("tenant_id");
  CREATE INDEX "ledger_accounts_updated_at_idx" ON "ledger_accounts" USING btree ("updated_at");
  CREATE INDEX "ledger_accounts_created_at_idx" ON "ledger_accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_code_1_idx" ON "ledger_accounts" USING btree ("tenant_id","code");
  CREATE INDEX "journal_entries_lines_order_idx" ON "journal_entries_lines" USING btree ("_order");
  CREATE INDEX "journal_entries_lines_parent_id_idx" ON "journal_entries_lines" USING btree ("_parent_id");
  CREATE INDEX "journal_entries_lines_account_idx" ON "journal_entries_lines" USING btree ("account_id");
  CREATE INDEX "journal_entries_tenant_idx" ON "journal_entries" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "journal_entries_reference_idx" ON "journal_entries" USING btree ("reference");
  CREATE INDEX "journal_entries_type_idx" ON "journal_entries" USING btree ("type");
  CREATE INDEX "journal_entries_updated_at_idx" ON "journal_entries" USING btree ("updated_at");
  CREATE INDEX "journal_entries_created_at_idx" ON "journal_entries" USING btree ("created_at");
  CREATE INDEX "wallets_tenant_idx" ON "wallets" USING btree ("tenant_id");
  CREATE INDEX "wallets_owner_idx" ON "wallets" USING btree ("owner_id");
  CREATE INDEX "wallets_account_idx" ON "wallets" USING btree ("account_id");
  CREATE INDEX "wallets_updated_at_idx" ON "wallets" USING btree ("updated_at");
  CREATE INDEX "wallets_created_at_idx" ON "wallets" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_owner_kind_idx" ON "wallets" USING btree ("tenant_id","owner_id","kind");
  CREATE INDEX "payments_tenant_idx" ON "payments" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "payments_reference_idx" ON "payments" USING btree ("reference");
  CREATE INDEX "payments_client_idx" ON "payments" USING btree ("client_id");
  CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status");
  CREATE INDEX "payments_order_idx" ON "payments" USING btree ("order_id");
  CREATE INDEX "payments_provider_session_idx" ON "payments" USING btree ("provider_session");
  CREATE INDEX "payments_updated_at_idx" ON "payments" USING btree ("updated_at");
  CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");
  CREATE INDEX "refunds_tenant_idx" ON "refunds" USING btree ("tenant_id");
  CREATE INDEX "refunds_order_idx" ON "refunds" USING btree ("order_id");
  CREATE INDEX "refunds_client_idx" ON "refunds" USING btree ("client_id");
  CREATE INDEX "refunds_created_by_idx" ON "refunds" USING btree ("created_by_id");
  CREATE INDEX "refunds_updated_at_idx" ON "refunds" USING btree ("updated_at");
  CREATE INDEX "refunds_created_at_idx" ON "refunds" USING btree ("created_at");
  CREATE INDEX "writer_earnings_tenant_idx" ON "writer_earnings" USING btree ("tenant_id");
  CREATE INDEX "writer_earnings_writer_idx" ON "writer_earnings" USING btree ("writer_id");
  CREATE INDEX "writer_earnings_order_idx" ON "writer_earnings" USING btree ("order_id");
  CREATE INDEX "writer_earnings_status_idx" ON "writer_earnings" USING btree ("status");
  CREATE UNIQUE INDEX "writer_earnings_reference_idx" ON "writer_earnings" USING btree ("reference");
  CREATE INDEX "writer_earnings_updated_at_idx" ON "writer_earnings" USING btree ("updated_at");
  CREATE INDEX "writer_earnings_created_at_idx" ON "writer_earnings" USING btree ("created_at");
  CREATE INDEX "idempotency_keys_user_idx" ON "idempotency_keys" USING btree ("user_id");
  CREATE INDEX "idempotency_keys_updated_at_idx" ON "idempotency_keys" USING btree ("updated_at");
  CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_scope_key_idx" ON "idempotency_keys" USING btree ("user_id","scope","key");
  CREATE INDEX "provider_events_payment_idx" ON "provider_events" USING btree ("payment_id");
  CREATE INDEX "provider_events_updated_at_idx" ON "provider_events" USING btree ("updated_at");
  CREATE INDEX "provider_events_created_at_idx" ON "provider_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "provider_eventId_idx" ON "provider_events" USING btree ("provider","event_id");
  -- Money never goes negative, whatever writes the row (Payload cannot declare CHECKs).
  ALTER TABLE "wallets" ADD CONSTRAINT "wallets_balance_not_negative" CHECK ("balance" >= 0);
  ALTER TABLE "wallets" ADD CONSTRAINT "wallets_held_not_negative" CHECK ("held" >= 0);
  ALTER TABLE "journal_entries_lines" ADD CONSTRAINT "journal_lines_one_side" CHECK ("debit" >= 0 AND "credit" >= 0 AND ("debit" = 0) <> ("credit" = 0));
  ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK ("amount" > 0);
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK ("amount" > 0);
  ALTER TABLE "orders" ADD CONSTRAINT "orders_amount_paid_in_range" CHECK ("amount_paid" >= 0 AND "amount_paid" <= "total");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "ledger_accounts" CASCADE;
  DROP TABLE "journal_entries_lines" CASCADE;
  DROP TABLE "journal_entries" CASCADE;
  DROP TABLE "wallets" CASCADE;
  DROP TABLE "payments" CASCADE;
  DROP TABLE "refunds" CASCADE;
  DROP TABLE "writer_earnings" CASCADE;
  DROP TABLE "idempotency_keys" CASCADE;
  DROP TABLE "provider_events" CASCADE;
  ALTER TABLE "orders" DROP COLUMN "rate_card";
  DROP TYPE "public"."enum_ledger_accounts_type";
  DROP TYPE "public"."enum_wallets_kind";
  DROP TYPE "public"."enum_payments_purpose";
  DROP TYPE "public"."enum_payments_provider";
  DROP TYPE "public"."enum_payments_status";
  DROP TYPE "public"."enum_refunds_destination";
  DROP TYPE "public"."enum_writer_earnings_kind";
  DROP TYPE "public"."enum_writer_earnings_status";
  DROP TYPE "public"."enum_idempotency_keys_status";`)
}
