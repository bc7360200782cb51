import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_orders_spacing" AS ENUM('single', 'double');
  CREATE TYPE "public"."enum_orders_payment_status" AS ENUM('unpaid', 'partially_paid', 'fully_paid', 'refunded');
  CREATE TYPE "public"."enum_orders_status" AS ENUM('created', 'unpaid', 'pending_payment', 'paid', 'ready_for_staffing', 'pending_writer_acceptance', 'in_progress', 'on_hold', 'qa_review', 'under_editing', 'submitted', 'completed', 'disputed', 'revision_requested', 'pending_cancellation', 'cancelled', 'refunded', 'archived');
  CREATE TYPE "public"."enum_orders_visibility" AS ENUM('hidden', 'pool', 'preferred_writer_only');
  CREATE TABLE "orders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"number" varchar NOT NULL,
  	"client_id" integer NOT NULL,
  	"topic" varchar NOT NULL,
  	"instructions" varchar NOT NULL,
  	"paper_type" varchar NOT NULL,
  	"work_type" varchar NOT NULL,
  	"academic_level" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"analysis_level" varchar,
  	"writer_level" varchar,
  	"formatting_style" varchar,
  	"english_type" varchar,
  	"pages" numeric NOT NULL,
  	"spacing" "enum_orders_spacing" NOT NULL,
  	"client_deadline" timestamp(3) with time zone NOT NULL,
  	"writer_deadline" timestamp(3) with time zone NOT NULL,
  	"preferred_writer_id" integer,
  	"total" numeric NOT NULL,
  	"amount_paid" numeric DEFAULT 0 NOT NULL,
  	"currency" varchar NOT NULL,
  	"payment_status" "enum_orders_payment_status" NOT NULL,
  	"status" "enum_orders_status" NOT NULL,
  	"visibility" "enum_orders_visibility" DEFAULT 'hidden' NOT NULL,
  	"writer_id" integer,
  	"editor_id" integer,
  	"price_snapshot" jsonb,
  	"flags_urgent" boolean DEFAULT false,
  	"flags_high_value" boolean DEFAULT false,
  	"flags_first_order" boolean DEFAULT false,
  	"flags_returning_client" boolean DEFAULT false,
  	"timestamps_paid_at" timestamp(3) with time zone,
  	"timestamps_assigned_at" timestamp(3) with time zone,
  	"timestamps_submitted_at" timestamp(3) with time zone,
  	"timestamps_completed_at" timestamp(3) with time zone,
  	"timestamps_approved_at" timestamp(3) with time zone,
  	"timestamps_cancelled_at" timestamp(3) with time zone,
  	"timestamps_archived_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "orders_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  ALTER TABLE "tenants" ADD COLUMN "order_prefix" varchar;
  ALTER TABLE "tenants" ADD COLUMN "order_sequence" numeric DEFAULT 0;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_preferred_writer_id_users_id_fk" FOREIGN KEY ("preferred_writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_writer_id_users_id_fk" FOREIGN KEY ("writer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders" ADD CONSTRAINT "orders_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "orders_texts" ADD CONSTRAINT "orders_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "orders_tenant_idx" ON "orders" USING btree ("tenant_id");
  CREATE INDEX "orders_client_idx" ON "orders" USING btree ("client_id");
  CREATE INDEX "orders_paper_type_idx" ON "orders" USING btree ("paper_type");
  CREATE INDEX "orders_work_type_idx" ON "orders" USING btree ("work_type");
  CREATE INDEX "orders_academic_level_idx" ON "orders" USING btree ("academic_level");
  CREATE INDEX "orders_subject_idx" ON "orders" USING btree ("subject");
  CREATE INDEX "orders_client_deadline_idx" ON "orders" USING btree ("client_deadline");
  CREATE INDEX "orders_writer_deadline_idx" ON "orders" USING btree ("writer_deadline");
  CREATE INDEX "orders_preferred_writer_idx" ON "orders" USING btree ("preferred_writer_id");
  CREATE INDEX "orders_payment_status_idx" ON "orders" USING btree ("payment_status");
  CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status");
  CREATE INDEX "orders_writer_idx" ON "orders" USING btree ("writer_id");
  CREATE INDEX "orders_editor_idx" ON "orders" USING btree ("editor_id");
  CREATE INDEX "orders_updated_at_idx" ON "orders" USING btree ("updated_at");
  CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_number_idx" ON "orders" USING btree ("tenant_id","number");
  CREATE INDEX "tenant_status_createdAt_idx" ON "orders" USING btree ("tenant_id","status","created_at");
  CREATE INDEX "tenant_client_createdAt_idx" ON "orders" USING btree ("tenant_id","client_id","created_at");
  CREATE INDEX "orders_texts_order_parent" ON "orders_texts" USING btree ("order","parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "orders" CASCADE;
  DROP TABLE "orders_texts" CASCADE;
  ALTER TABLE "tenants" DROP COLUMN "order_prefix";
  ALTER TABLE "tenants" DROP COLUMN "order_sequence";
  DROP TYPE "public"."enum_orders_spacing";
  DROP TYPE "public"."enum_orders_payment_status";
  DROP TYPE "public"."enum_orders_status";
  DROP TYPE "public"."enum_orders_visibility";`)
}
