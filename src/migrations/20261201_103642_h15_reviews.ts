import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { reviewsDown, reviewsUp } from './sql/reviews'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_reviews_moderation_reasons" AS ENUM('spam', 'offensive', 'personal_data', 'off_topic', 'not_genuine', 'conflict_of_interest', 'other');
  CREATE TYPE "public"."enum_reviews_kind" AS ENUM('order', 'website');
  CREATE TYPE "public"."enum_reviews_status" AS ENUM('pending', 'approved', 'rejected', 'flagged');
  ALTER TYPE "public"."enum_workflow_events_collection" ADD VALUE 'reviews';
  CREATE TABLE "reviews_moderation_reasons" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_reviews_moderation_reasons",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "reviews" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_reviews_kind" DEFAULT 'website' NOT NULL,
  	"order_id" integer,
  	"client_id" integer NOT NULL,
  	"writer_id" integer,
  	"rating" numeric NOT NULL,
  	"writer_rating" numeric,
  	"text" varchar NOT NULL,
  	"status" "enum_reviews_status" DEFAULT 'pending' NOT NULL,
  	"moderation_note" varchar,
  	"moderation_moderated_by_id" integer,
  	"moderation_moderated_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "pen_name" varchar;
  ALTER TABLE "users" ADD COLUMN "rating_average" numeric;
  ALTER TABLE "users" ADD COLUMN "rating_count" numeric DEFAULT 0;
  ALTER TABLE "reviews_moderation_reasons" ADD CONSTRAINT "reviews_moderation_reasons_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reviews" ADD CONSTRAINT "reviews_moderation_moderated_by_id_users_id_fk" FOREIGN KEY ("moderation_moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "reviews_moderation_reasons_order_idx" ON "reviews_moderation_reasons" USING btree ("order");
  CREATE INDEX "reviews_moderation_reasons_parent_idx" ON "reviews_moderation_reasons" USING btree ("parent_id");
  CREATE INDEX "reviews_tenant_idx" ON "reviews" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "reviews_order_idx" ON "reviews" USING btree ("order_id");
  CREATE INDEX "reviews_client_idx" ON "reviews" USING btree ("client_id");
  CREATE INDEX "reviews_writer_idx" ON "reviews" USING btree ("writer_id");
  CREATE INDEX "reviews_status_idx" ON "reviews" USING btree ("status");
  CREATE INDEX "reviews_moderation_moderation_moderated_by_idx" ON "reviews" USING btree ("moderation_moderated_by_id");
  CREATE INDEX "reviews_updated_at_idx" ON "reviews" USING btree ("updated_at");
  CREATE INDEX "reviews_created_at_idx" ON "reviews" USING btree ("created_at");
  CREATE INDEX "tenant_status_createdAt_1_idx" ON "reviews" USING btree ("tenant_id","status","created_at");
  CREATE INDEX "writer_status_idx" ON "reviews" USING btree ("writer_id","status");`)
  await db.execute(sql.raw(reviewsUp))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(reviewsDown))
  await db.execute(sql`
   DROP TABLE "reviews_moderation_reasons" CASCADE;
  DROP TABLE "reviews" CASCADE;
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_collection";
  CREATE TYPE "public"."enum_workflow_events_collection" AS ENUM('orders', 'invoices', 'payout-records', 'payout-requests', 'discipline-records', 'fines', 'loyalty-redemptions', 'referrals', 'discount-campaigns');
  ALTER TABLE "workflow_events" ALTER COLUMN "collection" SET DATA TYPE "public"."enum_workflow_events_collection" USING "collection"::"public"."enum_workflow_events_collection";
  ALTER TABLE "users" DROP COLUMN "pen_name";
  ALTER TABLE "users" DROP COLUMN "rating_average";
  ALTER TABLE "users" DROP COLUMN "rating_count";
  DROP TYPE "public"."enum_reviews_moderation_reasons";
  DROP TYPE "public"."enum_reviews_kind";
  DROP TYPE "public"."enum_reviews_status";`)
}
