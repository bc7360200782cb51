import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Refunds paid back outside the platform (docs/decisions.md, allowWallet): destination `external` and its reference.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_refunds_destination" ADD VALUE 'external';
  ALTER TABLE "refunds" ADD COLUMN "external_reference" varchar;`)
}

// Going down fails while an external refund exists: its destination has no value to fall back to.
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "refunds" ALTER COLUMN "destination" SET DATA TYPE text;
  DROP TYPE "public"."enum_refunds_destination";
  CREATE TYPE "public"."enum_refunds_destination" AS ENUM('wallet', 'provider');
  ALTER TABLE "refunds" ALTER COLUMN "destination" SET DATA TYPE "public"."enum_refunds_destination" USING "destination"::"public"."enum_refunds_destination";
  ALTER TABLE "refunds" DROP COLUMN "external_reference";`)
}
