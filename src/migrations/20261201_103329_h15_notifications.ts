import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { notificationsDown, notificationsUp } from './sql/notifications'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_notifications_category" AS ENUM('orders', 'payments', 'payouts', 'fines', 'tickets', 'reviews', 'account', 'marketing');
  CREATE TYPE "public"."enum_notifications_priority" AS ENUM('low', 'normal', 'high', 'critical');
  CREATE TYPE "public"."enum_notifications_email_status" AS ENUM('none', 'queued', 'sent', 'held', 'digested', 'skipped');
  CREATE TYPE "public"."enum_notification_preferences_digest" AS ENUM('none', 'hourly', 'daily', 'weekly');
  CREATE TYPE "public"."enum_notification_preferences_min_priority" AS ENUM('low', 'normal', 'high', 'critical');
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"recipient_id" integer NOT NULL,
  	"event" varchar NOT NULL,
  	"category" "enum_notifications_category" NOT NULL,
  	"priority" "enum_notifications_priority" DEFAULT 'normal' NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar,
  	"link" varchar,
  	"data" jsonb,
  	"key" varchar NOT NULL,
  	"read_at" timestamp(3) with time zone,
  	"inbox" boolean DEFAULT true,
  	"email_status" "enum_notifications_email_status" DEFAULT 'none' NOT NULL,
  	"email_reason" varchar,
  	"emailed_at" timestamp(3) with time zone,
  	"digested_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"user_id" integer NOT NULL,
  	"channels" jsonb,
  	"mute_until" timestamp(3) with time zone,
  	"dnd_start" numeric,
  	"dnd_end" numeric,
  	"time_zone" varchar,
  	"digest" "enum_notification_preferences_digest",
  	"min_priority" "enum_notification_preferences_min_priority",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notification_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"event" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"html" varchar,
  	"text" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notification_templates" ADD CONSTRAINT "notification_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "notifications_tenant_idx" ON "notifications" USING btree ("tenant_id");
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("event");
  CREATE INDEX "notifications_email_status_idx" ON "notifications" USING btree ("email_status");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_recipient_key_idx" ON "notifications" USING btree ("tenant_id","recipient_id","key");
  CREATE INDEX "notification_preferences_tenant_idx" ON "notification_preferences" USING btree ("tenant_id");
  CREATE INDEX "notification_preferences_user_idx" ON "notification_preferences" USING btree ("user_id");
  CREATE INDEX "notification_preferences_updated_at_idx" ON "notification_preferences" USING btree ("updated_at");
  CREATE INDEX "notification_preferences_created_at_idx" ON "notification_preferences" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_user_idx" ON "notification_preferences" USING btree ("tenant_id","user_id");
  CREATE INDEX "notification_templates_tenant_idx" ON "notification_templates" USING btree ("tenant_id");
  CREATE INDEX "notification_templates_updated_at_idx" ON "notification_templates" USING btree ("updated_at");
  CREATE INDEX "notification_templates_created_at_idx" ON "notification_templates" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_event_idx" ON "notification_templates" USING btree ("tenant_id","event");`)
  await db.execute(sql.raw(notificationsUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(notificationsDown))
  await db.execute(sql`
   DROP TABLE "notifications" CASCADE;
  DROP TABLE "notification_preferences" CASCADE;
  DROP TABLE "notification_templates" CASCADE;
  DROP TYPE "public"."enum_notifications_category";
  DROP TYPE "public"."enum_notifications_priority";
  DROP TYPE "public"."enum_notifications_email_status";
  DROP TYPE "public"."enum_notification_preferences_digest";
  DROP TYPE "public"."enum_notification_preferences_min_priority";`)
}
