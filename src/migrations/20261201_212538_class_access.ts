import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_class_access_views_outcome" AS ENUM('granted', 'refused', 'throttled');
  CREATE TABLE "class_access" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"class_order_id" integer NOT NULL,
  	"key_id" varchar NOT NULL,
  	"credentials_iv" varchar,
  	"credentials_tag" varchar,
  	"credentials_ciphertext" varchar,
  	"two_factor_window" varchar,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_access_views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"class_order_id" integer NOT NULL,
  	"viewer_id" integer NOT NULL,
  	"role" varchar NOT NULL,
  	"reason" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"outcome" "enum_class_access_views_outcome" NOT NULL,
  	"answer" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "class_access" ADD CONSTRAINT "class_access_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access" ADD CONSTRAINT "class_access_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access" ADD CONSTRAINT "class_access_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access_views" ADD CONSTRAINT "class_access_views_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access_views" ADD CONSTRAINT "class_access_views_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_access_views" ADD CONSTRAINT "class_access_views_viewer_id_users_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "class_access_tenant_idx" ON "class_access" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "class_access_class_order_idx" ON "class_access" USING btree ("class_order_id");
  CREATE INDEX "class_access_key_id_idx" ON "class_access" USING btree ("key_id");
  CREATE INDEX "class_access_updated_by_idx" ON "class_access" USING btree ("updated_by_id");
  CREATE INDEX "class_access_updated_at_idx" ON "class_access" USING btree ("updated_at");
  CREATE INDEX "class_access_created_at_idx" ON "class_access" USING btree ("created_at");
  CREATE INDEX "class_access_views_tenant_idx" ON "class_access_views" USING btree ("tenant_id");
  CREATE INDEX "class_access_views_class_order_idx" ON "class_access_views" USING btree ("class_order_id");
  CREATE INDEX "class_access_views_viewer_idx" ON "class_access_views" USING btree ("viewer_id");
  CREATE INDEX "class_access_views_outcome_idx" ON "class_access_views" USING btree ("outcome");
  CREATE INDEX "class_access_views_updated_at_idx" ON "class_access_views" USING btree ("updated_at");
  CREATE INDEX "class_access_views_created_at_idx" ON "class_access_views" USING btree ("created_at");
  CREATE INDEX "classOrder_at_idx" ON "class_access_views" USING btree ("class_order_id","at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "class_access" CASCADE;
  DROP TABLE "class_access_views" CASCADE;
  DROP TYPE "public"."enum_class_access_views_outcome";`)
}
