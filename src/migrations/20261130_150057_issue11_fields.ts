import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { moneyChecksDown, moneyChecksUp } from './sql/moneyChecks'

/** The field vocabulary changes no column; it adds the money CHECKs (see ./sql/moneyChecks). */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql.raw(moneyChecksUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(moneyChecksDown))
}
