import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { auditDown, auditUp } from './sql/audit'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_audit_events_kind" AS ENUM('change', 'workflow', 'security', 'access');
  CREATE TABLE "audit_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_audit_events_kind" NOT NULL,
  	"action" varchar NOT NULL,
  	"actor" numeric,
  	"actor_email" varchar,
  	"actor_role" varchar,
  	"target_collection" varchar,
  	"target_id" varchar,
  	"changes" jsonb,
  	"address" varchar,
  	"user_agent" varchar,
  	"request_id" varchar,
  	"seq" numeric,
  	"prev_hash" varchar,
  	"hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "audit_events_tenant_idx" ON "audit_events" USING btree ("tenant_id");
  CREATE INDEX "audit_events_kind_idx" ON "audit_events" USING btree ("kind");
  CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");
  CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor");
  CREATE INDEX "audit_events_target_collection_idx" ON "audit_events" USING btree ("target_collection");
  CREATE INDEX "audit_events_request_id_idx" ON "audit_events" USING btree ("request_id");
  CREATE INDEX "audit_events_updated_at_idx" ON "audit_events" USING btree ("updated_at");
  CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_seq_idx" ON "audit_events" USING btree ("tenant_id","seq");
  CREATE INDEX "targetCollection_targetId_idx" ON "audit_events" USING btree ("target_collection","target_id");`)
  await db.execute(sql.raw(auditUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(auditDown))
  await db.execute(sql`
   DROP TABLE "audit_events" CASCADE;
  DROP TYPE "public"."enum_audit_events_kind";`)
}
