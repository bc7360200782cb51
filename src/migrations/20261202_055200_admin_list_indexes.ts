import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { adminListIndexesDown, adminListIndexesUp } from './sql/adminListIndexes'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // Admin list views at scale: sort by total, search by number and topic, filter by
  // client email (./sql/adminListIndexes.ts; measured by bench/adminScale.ts).
  await db.execute(sql.raw(adminListIndexesUp))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(adminListIndexesDown))
}
