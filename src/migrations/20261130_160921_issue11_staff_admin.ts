import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { moneyChecksDown, moneyChecksUp } from './sql/moneyChecks'

/**
 * Issue 11: the generic workflow timeline (`workflow_events`), the website's time zone,
 * and the money columns' CHECKs (hand-written, ./sql/moneyChecks: Payload cannot declare them).
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests');
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"collection" "enum_workflow_events_collection" NOT NULL,
  	"document" numeric NOT NULL,
  	"action" varchar NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL,
  	"actor_id" integer,
  	"reason" varchar,
  	"data" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "settings_time_zone" varchar DEFAULT 'UTC';
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "workflow_events_tenant_idx" ON "workflow_events" USING btree ("tenant_id");
  CREATE INDEX "workflow_events_action_idx" ON "workflow_events" USING btree ("action");
  CREATE INDEX "workflow_events_actor_idx" ON "workflow_events" USING btree ("actor_id");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE INDEX "collection_document_createdAt_idx" ON "workflow_events" USING btree ("collection","document","created_at");`)
  await db.execute(sql.raw(moneyChecksUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(moneyChecksDown))
  await db.execute(sql`
   DROP TABLE "workflow_events" CASCADE;
  ALTER TABLE "tenants" DROP COLUMN "settings_time_zone";
  DROP TYPE "public"."enum_workflow_events_collection";`)
}
