import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "order_files" ALTER COLUMN "order_id" DROP NOT NULL;
  ALTER TABLE "order_messages" ALTER COLUMN "order_id" DROP NOT NULL;
  ALTER TABLE "order_files" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "order_files" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "order_messages" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "order_messages" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "order_files_special_order_idx" ON "order_files" USING btree ("special_order_id");
  CREATE INDEX "order_files_class_order_idx" ON "order_files" USING btree ("class_order_id");
  CREATE INDEX "order_messages_special_order_idx" ON "order_messages" USING btree ("special_order_id");
  CREATE INDEX "order_messages_class_order_idx" ON "order_messages" USING btree ("class_order_id");
  CREATE INDEX "specialOrder_thread_createdAt_idx" ON "order_messages" USING btree ("special_order_id","thread","created_at");
  CREATE INDEX "classOrder_thread_createdAt_idx" ON "order_messages" USING btree ("class_order_id","thread","created_at");
  -- A file or a message hangs off exactly one record, whatever writes the row (Payload cannot declare CHECKs).
  ALTER TABLE "order_files" ADD CONSTRAINT "order_files_one_parent" CHECK (num_nonnulls("order_id", "special_order_id", "class_order_id") = 1);
  ALTER TABLE "order_messages" ADD CONSTRAINT "order_messages_one_parent" CHECK (num_nonnulls("order_id", "special_order_id", "class_order_id") = 1);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "order_files" DROP CONSTRAINT "order_files_one_parent";
  ALTER TABLE "order_messages" DROP CONSTRAINT "order_messages_one_parent";
  ALTER TABLE "order_files" DROP CONSTRAINT "order_files_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "order_files" DROP CONSTRAINT "order_files_class_order_id_class_orders_id_fk";
  
  ALTER TABLE "order_messages" DROP CONSTRAINT "order_messages_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "order_messages" DROP CONSTRAINT "order_messages_class_order_id_class_orders_id_fk";
  
  DROP INDEX "order_files_special_order_idx";
  DROP INDEX "order_files_class_order_idx";
  DROP INDEX "order_messages_special_order_idx";
  DROP INDEX "order_messages_class_order_idx";
  DROP INDEX "specialOrder_thread_createdAt_idx";
  DROP INDEX "classOrder_thread_createdAt_idx";
  ALTER TABLE "order_files" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "order_messages" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "order_files" DROP COLUMN "special_order_id";
  ALTER TABLE "order_files" DROP COLUMN "class_order_id";
  ALTER TABLE "order_messages" DROP COLUMN "special_order_id";
  ALTER TABLE "order_messages" DROP COLUMN "class_order_id";`)
}
