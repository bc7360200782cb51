import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// A waived special-order milestone waives its installment: owed no more, never offered at checkout.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_installments_status" ADD VALUE 'waived';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   UPDATE "installments" SET "status" = 'pending' WHERE "status" = 'waived';
  ALTER TABLE "installments" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "installments" ALTER COLUMN "status" SET DEFAULT 'pending'::text;
  DROP TYPE "public"."enum_installments_status";
  CREATE TYPE "public"."enum_installments_status" AS ENUM('pending', 'paid');
  ALTER TABLE "installments" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."enum_installments_status";
  ALTER TABLE "installments" ALTER COLUMN "status" SET DATA TYPE "public"."enum_installments_status" USING "status"::"public"."enum_installments_status";`)
}
