import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'

import { createApp } from '@/server/app'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/server/embeddedPostgres'
import { postgresCheck } from '@/server/health'

/**
 * /readyz against a private PostgreSQL that the test stops and starts again: 503 while
 * it is down, 200 once it is back, and the process never falls over.
 */

let scratch: string
let db: EmbeddedDatabase
let pool: pg.Pool
let server: Server
let base: string

const startDatabase = (port?: number) => startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port, ephemeral: false })

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-readyz-'))
  db = await startDatabase()
  pool = new pg.Pool({ connectionString: db.url, connectionTimeoutMillis: 1000 })
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  const app = createApp({ checks: [postgresCheck(pool)] })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server?.close()
  await pool?.end().catch(() => {})
  await db?.stop().catch(() => {})
  await rm(scratch, { recursive: true, force: true })
})

it('answers 200, then 503 naming postgres while it is down, then 200 again', async () => {
  const ready = await fetch(`${base}/readyz`)
  expect(ready.status).toBe(200)
  expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok' } })

  await db.stop()
  const down = await fetch(`${base}/readyz`)
  expect(down.status).toBe(503)
  const body = (await down.json()) as { status: string; checks: { postgres: string } }
  expect(body.status).toBe('unavailable')
  expect(body.checks.postgres).not.toBe('ok')
  // The process itself is still up.
  expect((await fetch(`${base}/healthz`)).status).toBe(200)

  db = await startDatabase(db.port)
  await expect.poll(async () => (await fetch(`${base}/readyz`)).status, { timeout: 10_000 }).toBe(200)
})
