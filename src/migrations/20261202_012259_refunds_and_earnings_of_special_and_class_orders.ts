import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { refundParentsDown, refundParentsUp } from './sql/refundParents'

// Refunds of special and class orders; a special order's writer pay, earned at completion.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_special_orders_compensation_kind" AS ENUM('percentage', 'fixed');
  ALTER TYPE "public"."enum_writer_earnings_kind" ADD VALUE 'special_order_earning';
  ALTER TABLE "refunds" ALTER COLUMN "order_id" DROP NOT NULL;
  ALTER TABLE "refunds" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "refunds" ADD COLUMN "class_order_id" integer;
  ALTER TABLE "writer_earnings" ADD COLUMN "special_order_id" integer;
  ALTER TABLE "special_orders" ADD COLUMN "compensation_kind" "enum_special_orders_compensation_kind";
  ALTER TABLE "special_orders" ADD COLUMN "compensation_value" numeric;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "refunds" ADD CONSTRAINT "refunds_class_order_id_class_orders_id_fk" FOREIGN KEY ("class_order_id") REFERENCES "public"."class_orders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "writer_earnings" ADD CONSTRAINT "writer_earnings_special_order_id_special_orders_id_fk" FOREIGN KEY ("special_order_id") REFERENCES "public"."special_orders"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "refunds_special_order_idx" ON "refunds" USING btree ("special_order_id");
  CREATE INDEX "refunds_class_order_idx" ON "refunds" USING btree ("class_order_id");
  CREATE INDEX "writer_earnings_special_order_idx" ON "writer_earnings" USING btree ("special_order_id");`)
  await db.execute(sql.raw(refundParentsUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(refundParentsDown))
  // Lossy by necessity: the older schema has no place for these rows.
  await db.execute(sql`DELETE FROM "refunds" WHERE "order_id" IS NULL; DELETE FROM "writer_earnings" WHERE "kind" = 'special_order_earning';`)
  await db.execute(sql`
   ALTER TABLE "refunds" DROP CONSTRAINT "refunds_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "refunds" DROP CONSTRAINT "refunds_class_order_id_class_orders_id_fk";
  
  ALTER TABLE "writer_earnings" DROP CONSTRAINT "writer_earnings_special_order_id_special_orders_id_fk";
  
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_writer_earnings_kind";
  CREATE TYPE "public"."enum_writer_earnings_kind" AS ENUM('order_earning', 'reversal', 'fine', 'fine_refund', 'class_earning');
  ALTER TABLE "writer_earnings" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_writer_earnings_kind" USING "kind"::"public"."enum_writer_earnings_kind";
  DROP INDEX "refunds_special_order_idx";
  DROP INDEX "refunds_class_order_idx";
  DROP INDEX "writer_earnings_special_order_idx";
  ALTER TABLE "refunds" ALTER COLUMN "order_id" SET NOT NULL;
  ALTER TABLE "refunds" DROP COLUMN "special_order_id";
  ALTER TABLE "refunds" DROP COLUMN "class_order_id";
  ALTER TABLE "writer_earnings" DROP COLUMN "special_order_id";
  ALTER TABLE "special_orders" DROP COLUMN "compensation_kind";
  ALTER TABLE "special_orders" DROP COLUMN "compensation_value";
  DROP TYPE "public"."enum_special_orders_compensation_kind";`)
}
