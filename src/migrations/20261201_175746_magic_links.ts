import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { magicLinksDown, magicLinksUp } from './sql/magicLinks'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // Magic-link sign-in (issue 16): the switch defaults to off, two rate limits per website,
  // and the table of mailed links (./sql/magicLinks.ts).
  await db.execute(sql`
   ALTER TABLE "tenants" ALTER COLUMN "settings_features_magic_link_enabled" SET DEFAULT false;
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_magic_link_per_email_per_hour" numeric DEFAULT 5;
  ALTER TABLE "tenants" ADD COLUMN "settings_rate_limits_magic_link_per_ip_per_hour" numeric DEFAULT 20;`)
  await db.execute(sql.raw(magicLinksUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(magicLinksDown))
  await db.execute(sql`
   ALTER TABLE "tenants" ALTER COLUMN "settings_features_magic_link_enabled" SET DEFAULT true;
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_magic_link_per_email_per_hour";
  ALTER TABLE "tenants" DROP COLUMN "settings_rate_limits_magic_link_per_ip_per_hour";`)
}
