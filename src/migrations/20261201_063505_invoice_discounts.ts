import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { invoiceDiscountsDown, invoiceDiscountsUp } from './sql/invoiceDiscounts'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "invoices" ADD COLUMN "subtotal" numeric;
  ALTER TABLE "invoices" ADD COLUMN "discount" numeric DEFAULT 0;
  ALTER TABLE "invoices" ADD COLUMN "discount_snapshot" jsonb;`)
  await db.execute(sql.raw(invoiceDiscountsUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(invoiceDiscountsDown))
  await db.execute(sql`
   ALTER TABLE "invoices" DROP COLUMN "subtotal";
  ALTER TABLE "invoices" DROP COLUMN "discount";
  ALTER TABLE "invoices" DROP COLUMN "discount_snapshot";`)
}
