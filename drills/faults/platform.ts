import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort } from '../../src/server/embeddedPostgres'
import { withDatabase } from '../../src/server/database'
import { type CompiledProcess, type EntryName, missingBuild, startCompiled, stopCompiled, waitForExit, waitForOutput, waitForReady } from '../../tests/helpers/compiledProcess'
import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../../tests/helpers/redis'

import { productionEnv } from '../productionEnv'

import { hasPostgresBinaries, type PrivatePostgres, startPrivatePostgres } from './privatePostgres'

/**
 * The platform as an operator runs it, for the fault drills: the production build's web
 * process(es) and worker (`npm start`, `npm run worker`), on a PostgreSQL and a Redis of
 * the drill's own that it may kill, migrated by the compiled migrate and seeded with the
 * demo data by the first web start.
 */
export type Web = { port: number; base: string; process: CompiledProcess }

export type Platform = {
  postgres: PrivatePostgres
  redis: PrivateRedis
  databaseUrl: string
  /** One statement on a connection of its own (the drill's checks; never Payload's pool). */
  query: <R extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>
  startWeb: (options?: { seed?: boolean }) => Promise<Web>
  startWorker: () => Promise<CompiledProcess>
  stop: (running: CompiledProcess) => Promise<void>
  close: () => Promise<void>
}

const LIMIT_MS = 180_000

export const preflight = (say: (line: string) => void): boolean => {
  const missing = (['migrate', 'index', 'worker'] as EntryName[]).flatMap((name) => missingBuild(name))
  if (missing.length > 0) say(`No production build (${missing.join(', ')} missing): run npm run build first`)
  if (!hasRedisServer()) say('The drills need redis-server (Debian package redis-server)')
  if (!hasPostgresBinaries()) say('The drills need PostgreSQL 15 binaries (Debian package postgresql-15, or PG_BIN)')
  return missing.length === 0 && hasRedisServer() && hasPostgresBinaries()
}

export const startPlatform = async (say: (line: string) => void, extraEnv: Record<string, string> = {}): Promise<Platform> => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-drills-'))
  const postgres = await startPrivatePostgres()
  const redis = await startPrivateRedis()
  const databaseUrl = withDatabase(postgres.url, 'scriptorium')
  const setup = new pg.Client({ connectionString: postgres.url })
  await setup.connect()
  await setup.query('CREATE DATABASE scriptorium')
  await setup.end()
  say(`private PostgreSQL ${postgres.url}, private Redis ${redis.url}`)
  const env = { ...productionEnv({ databaseUrl, redisUrl: redis.url, scratch }), ...extraEnv }
  const migrating = startCompiled('migrate', env)
  const migrated = await waitForExit(migrating.child, LIMIT_MS)
  if (migrated !== 0) throw new Error(`the compiled migrate ended with ${migrated}\n${migrating.output().slice(-2000)}`)

  const running = new Set<CompiledProcess>()
  const stop = async (process_: CompiledProcess) => {
    running.delete(process_)
    await stopCompiled(process_.child, 20_000)
  }
  const query = async <R extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<R[]> => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      return (await client.query<R>(text, values)).rows
    } finally {
      await client.end()
    }
  }
  return {
    postgres,
    redis,
    databaseUrl,
    query,
    startWeb: async (options = {}) => {
      const port = await freePort()
      const web = startCompiled('index', { ...env, PORT: String(port), SEED_DEMO_DATA: options.seed ? 'true' : 'false' })
      running.add(web)
      const base = `http://127.0.0.1:${port}`
      await waitForReady(base, web.child, LIMIT_MS)
      return { port, base, process: web }
    },
    startWorker: async () => {
      const worker = startCompiled('worker', env)
      running.add(worker)
      await waitForOutput(worker, 'worker started', LIMIT_MS)
      return worker
    },
    stop,
    close: async () => {
      for (const process_ of [...running]) await stop(process_).catch(() => {})
      await postgres.destroy().catch(() => {})
      await redis.stop().catch(() => {})
      await rm(scratch, { recursive: true, force: true })
    },
  }
}
