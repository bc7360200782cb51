/**
 * Payload in the drill's own process on a scratch copy of the demo data: a new database
 * on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432), migrated and
 * seeded, dropped again by `close`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { dropDatabases, ensureDatabase, withDatabase } from '@/server/database'

export const scratchPayload = async (name: string, say: (line: string) => void): Promise<{ payload: Payload; close: () => Promise<void> }> => {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
  const scratch = `drill_${name}_${Date.now().toString(36)}`
  const url = withDatabase(serverUrl, scratch)
  await ensureDatabase(url)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-drill-'))
  Object.assign(process.env, { DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' })
  const { reloadEnv } = await import('@/env')
  reloadEnv()
  const { closePayload, migrate, openPayload } = await import('@/server/boot')
  const { seed } = await import('@/seed')
  const started = Date.now()
  const payload = await openPayload()
  await migrate(payload)
  await seed(payload)
  say(`scratch database ${scratch}: migrated and seeded in ${Date.now() - started} ms`)
  return {
    payload,
    close: async () => {
      await closePayload(payload)
      await dropDatabases(serverUrl, [scratch])
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
