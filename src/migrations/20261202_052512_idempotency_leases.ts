import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "idempotency_keys" ADD COLUMN "owner" varchar;
  ALTER TABLE "idempotency_keys" ADD COLUMN "lease_until" timestamp(3) with time zone;
  ALTER TABLE "idempotency_keys" ADD COLUMN "applied_at" timestamp(3) with time zone;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "idempotency_keys" DROP COLUMN "owner";
  ALTER TABLE "idempotency_keys" DROP COLUMN "lease_until";
  ALTER TABLE "idempotency_keys" DROP COLUMN "applied_at";`)
}
