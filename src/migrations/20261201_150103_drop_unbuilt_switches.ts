import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

// Switches of features not on the roadmap (docs/decisions.md): order drafts, order presets, writer portfolios, pay advances.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" DROP COLUMN "settings_features_allow_order_drafts";
  ALTER TABLE "tenants" DROP COLUMN "settings_features_allow_order_presets";
  ALTER TABLE "tenants" DROP COLUMN "settings_features_allow_writer_portfolios";
  ALTER TABLE "tenants" DROP COLUMN "settings_features_allow_advance_payments";`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants" ADD COLUMN "settings_features_allow_order_drafts" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_features_allow_order_presets" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_features_allow_writer_portfolios" boolean DEFAULT true;
  ALTER TABLE "tenants" ADD COLUMN "settings_features_allow_advance_payments" boolean DEFAULT true;`)
}
