import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { campaignsDown, campaignsUp } from './sql/campaigns'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_email_campaigns_audience_roles" AS ENUM('client', 'writer', 'editor', 'support', 'content', 'admin');
  CREATE TYPE "public"."enum_email_campaigns_audience_segment" AS ENUM('none', 'recentClients', 'lapsedClients', 'writersOfLevel');
  CREATE TYPE "public"."enum_email_campaigns_status" AS ENUM('draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled');
  CREATE TYPE "public"."enum_email_recipients_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'skipped');
  CREATE TYPE "public"."enum_email_suppressions_reason" AS ENUM('bounce', 'complaint', 'manual');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'email-campaigns';
  CREATE TABLE "email_campaigns_audience_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_email_campaigns_audience_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "email_campaigns" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"body" jsonb,
  	"audience_segment" "enum_email_campaigns_audience_segment" DEFAULT 'none',
  	"audience_days" numeric,
  	"audience_level_id" integer,
  	"scheduled_at" timestamp(3) with time zone,
  	"status" "enum_email_campaigns_status" DEFAULT 'draft' NOT NULL,
  	"progress_total" numeric DEFAULT 0,
  	"progress_sent" numeric DEFAULT 0,
  	"progress_failed" numeric DEFAULT 0,
  	"progress_skipped" numeric DEFAULT 0,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_recipients" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"campaign_id" integer NOT NULL,
  	"user_id" integer,
  	"address" varchar NOT NULL,
  	"status" "enum_email_recipients_status" DEFAULT 'pending' NOT NULL,
  	"reason" varchar,
  	"claimed_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"attempt" numeric DEFAULT 0,
  	"message_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "email_suppressions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"address" varchar NOT NULL,
  	"reason" "enum_email_suppressions_reason" DEFAULT 'manual' NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "email_campaigns_audience_roles" ADD CONSTRAINT "email_campaigns_audience_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."email_campaigns"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_campaigns" ADD CONSTRAINT "email_campaigns_audience_level_id_writer_levels_id_fk" FOREIGN KEY ("audience_level_id") REFERENCES "public"."writer_levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_campaign_id_email_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."email_campaigns"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_recipients" ADD CONSTRAINT "email_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "email_suppressions" ADD CONSTRAINT "email_suppressions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "email_campaigns_audience_roles_order_idx" ON "email_campaigns_audience_roles" USING btree ("order");
  CREATE INDEX "email_campaigns_audience_roles_parent_idx" ON "email_campaigns_audience_roles" USING btree ("parent_id");
  CREATE INDEX "email_campaigns_tenant_idx" ON "email_campaigns" USING btree ("tenant_id");
  CREATE INDEX "email_campaigns_audience_audience_level_idx" ON "email_campaigns" USING btree ("audience_level_id");
  CREATE INDEX "email_campaigns_scheduled_at_idx" ON "email_campaigns" USING btree ("scheduled_at");
  CREATE INDEX "email_campaigns_status_idx" ON "email_campaigns" USING btree ("status");
  CREATE INDEX "email_campaigns_updated_at_idx" ON "email_campaigns" USING btree ("updated_at");
  CREATE INDEX "email_campaigns_created_at_idx" ON "email_campaigns" USING btree ("created_at");
  CREATE INDEX "email_recipients_tenant_idx" ON "email_recipients" USING btree ("tenant_id");
  CREATE INDEX "email_recipients_campaign_idx" ON "email_recipients" USING btree ("campaign_id");
  CREATE INDEX "email_recipients_user_idx" ON "email_recipients" USING btree ("user_id");
  CREATE INDEX "email_recipients_status_idx" ON "email_recipients" USING btree ("status");
  CREATE INDEX "email_recipients_updated_at_idx" ON "email_recipients" USING btree ("updated_at");
  CREATE INDEX "email_recipients_created_at_idx" ON "email_recipients" USING btree ("created_at");
  CREATE UNIQUE INDEX "campaign_address_idx" ON "email_recipients" USING btree ("campaign_id","address");
  CREATE INDEX "email_suppressions_tenant_idx" ON "email_suppressions" USING btree ("tenant_id");
  CREATE INDEX "email_suppressions_updated_at_idx" ON "email_suppressions" USING btree ("updated_at");
  CREATE INDEX "email_suppressions_created_at_idx" ON "email_suppressions" USING btree ("created_at");
  CREATE UNIQUE INDEX "address_tenant_idx" ON "email_suppressions" USING btree ("address","tenant_id");`)
  await db.execute(sql.raw(campaignsUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(campaignsDown))
  await db.execute(sql`
   DROP TABLE "email_campaigns_audience_roles" CASCADE;
  DROP TABLE "email_campaigns" CASCADE;
  DROP TABLE "email_recipients" CASCADE;
  DROP TABLE "email_suppressions" CASCADE;
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests', 'discipline-records', 'fines', 'loyalty-redemptions', 'referrals', 'discount-campaigns');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  DROP TYPE "public"."enum_email_campaigns_audience_roles";
  DROP TYPE "public"."enum_email_campaigns_audience_segment";
  DROP TYPE "public"."enum_email_campaigns_status";
  DROP TYPE "public"."enum_email_recipients_status";
  DROP TYPE "public"."enum_email_suppressions_reason";`)
}
