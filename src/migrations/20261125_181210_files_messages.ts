import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_order_files_purpose" AS ENUM('instructions', 'reference', 'style_reference', 'extra_service', 'draft', 'final', 'revision', 'writer_guide', 'internal');
  CREATE TYPE "public"."enum_order_messages_thread" AS ENUM('client_support', 'client_writer', 'writer_support');
  CREATE TABLE "order_files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"purpose" "enum_order_files_purpose" NOT NULL,
  	"uploaded_by_id" integer,
  	"note" varchar,
  	"prefix" varchar DEFAULT '',
  	"_objectkey" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "order_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"order_id" integer NOT NULL,
  	"thread" "enum_order_messages_thread" NOT NULL,
  	"author_id" integer,
  	"body" varchar NOT NULL,
  	"masked" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "orders" ADD COLUMN "files_released" boolean DEFAULT false;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "order_files_tenant_idx" ON "order_files" USING btree ("tenant_id");
  CREATE INDEX "order_files_order_idx" ON "order_files" USING btree ("order_id");
  CREATE INDEX "order_files_purpose_idx" ON "order_files" USING btree ("purpose");
  CREATE INDEX "order_files_uploaded_by_idx" ON "order_files" USING btree ("uploaded_by_id");
  CREATE INDEX "order_files_updated_at_idx" ON "order_files" USING btree ("updated_at");
  CREATE INDEX "order_files_created_at_idx" ON "order_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "order_files_filename_idx" ON "order_files" USING btree ("filename");
  CREATE INDEX "order_messages_tenant_idx" ON "order_messages" USING btree ("tenant_id");
  CREATE INDEX "order_messages_order_idx" ON "order_messages" USING btree ("order_id");
  CREATE INDEX "order_messages_author_idx" ON "order_messages" USING btree ("author_id");
  CREATE INDEX "order_messages_updated_at_idx" ON "order_messages" USING btree ("updated_at");
  CREATE INDEX "order_messages_created_at_idx" ON "order_messages" USING btree ("created_at");
  CREATE INDEX "order_thread_createdAt_idx" ON "order_messages" USING btree ("order_id","thread","created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "order_files" CASCADE;
  DROP TABLE "order_messages" CASCADE;
  ALTER TABLE "orders" DROP COLUMN "files_released";
  DROP TYPE "public"."enum_order_files_purpose";
  DROP TYPE "public"."enum_order_messages_thread";`)
}
