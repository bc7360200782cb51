import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pricing_options_dimension" AS ENUM('paperType', 'workType', 'academicLevel', 'subjectCategory', 'subject', 'formattingStyle', 'englishType', 'analysisLevel', 'deadlineBand', 'writerLevel', 'addon');
  CREATE TABLE "pricing_options" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"dimension" "enum_pricing_options_dimension" NOT NULL,
  	"code" varchar NOT NULL,
  	"label" varchar NOT NULL,
  	"multiplier" numeric,
  	"amount" numeric,
  	"flat" boolean DEFAULT true,
  	"max_hours" numeric,
  	"category" varchar,
  	"sort_order" numeric DEFAULT 0,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "pricing_base_per_page" numeric DEFAULT 1399;
  ALTER TABLE "tenants" ADD COLUMN "pricing_base_per_slide" numeric DEFAULT 1399;
  ALTER TABLE "tenants" ADD COLUMN "pricing_base_per_diagram" numeric DEFAULT 1999;
  ALTER TABLE "tenants" ADD COLUMN "pricing_minimum_charge" numeric DEFAULT 1399;
  ALTER TABLE "tenants" ADD COLUMN "pricing_preferred_writer_fee" numeric DEFAULT 499;
  ALTER TABLE "tenants" ADD COLUMN "pricing_single_spacing_multiplier" numeric DEFAULT 2;
  ALTER TABLE "tenants" ADD COLUMN "pricing_double_spacing_multiplier" numeric DEFAULT 1;
  ALTER TABLE "pricing_options" ADD CONSTRAINT "pricing_options_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "pricing_options_tenant_idx" ON "pricing_options" USING btree ("tenant_id");
  CREATE INDEX "pricing_options_dimension_idx" ON "pricing_options" USING btree ("dimension");
  CREATE INDEX "pricing_options_active_idx" ON "pricing_options" USING btree ("active");
  CREATE INDEX "pricing_options_updated_at_idx" ON "pricing_options" USING btree ("updated_at");
  CREATE INDEX "pricing_options_created_at_idx" ON "pricing_options" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_dimension_code_idx" ON "pricing_options" USING btree ("tenant_id","dimension","code");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "pricing_options" CASCADE;
  ALTER TABLE "tenants" DROP COLUMN "pricing_base_per_page";
  ALTER TABLE "tenants" DROP COLUMN "pricing_base_per_slide";
  ALTER TABLE "tenants" DROP COLUMN "pricing_base_per_diagram";
  ALTER TABLE "tenants" DROP COLUMN "pricing_minimum_charge";
  ALTER TABLE "tenants" DROP COLUMN "pricing_preferred_writer_fee";
  ALTER TABLE "tenants" DROP COLUMN "pricing_single_spacing_multiplier";
  ALTER TABLE "tenants" DROP COLUMN "pricing_double_spacing_multiplier";
  DROP TYPE "public"."enum_pricing_options_dimension";`)
}
