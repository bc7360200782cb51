import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { inject } from 'vitest'

import { ensureDatabase, withDatabase } from '../../src/server/database'

import { createApi, type Api } from './api'

export type TestContext = { payload: Payload; api: Api; databaseUrl: string; close: () => Promise<void> }

/**
 * A Payload instance on a fresh copy of the seeded template database, private to the
 * calling test file, with an in-process REST and GraphQL client.
 */
export const startTestPayload = async (): Promise<TestContext> => {
  const { serverUrl, template, runId } = inject('database')
  const databaseUrl = withDatabase(serverUrl, `${runId}_${randomBytes(4).toString('hex')}`)
  await ensureDatabase(databaseUrl, template)
  process.env.DATABASE_URL = databaseUrl
  process.env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-data-'))
  process.env.LOG_LEVEL ??= 'warn'
  // Redis keys of this file only, if it uses Redis at all.
  process.env.REDIS_PREFIX = `test-${randomBytes(4).toString('hex')}`

  // Modules imported earlier may have read the environment already.
  const { reloadEnv } = await import('../../src/env')
  reloadEnv()
  const { openPayload, closePayload } = await import('../../src/server/boot')
  const payload = await openPayload()
  return { payload, api: createApi(payload), databaseUrl, close: () => closePayload(payload) }
}
