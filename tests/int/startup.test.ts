import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/**
 * The entries refuse a bad environment, or a start that would load Lexical through its
 * top-level-await wrapper, with one line. They run through tsx here (tests do not build);
 * production runs the same code compiled.
 */
const root = path.resolve(import.meta.dirname, '../..')
const start = (env: Record<string, string>, entry = 'src/server/index.ts', flags: string[] = ['--conditions=development']) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...flags, entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  })

describe('start-up environment check', () => {
  it.each([
    [{ PORT: 'eighty' }, /^Environment variable PORT is invalid: /],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /^Environment variable DATABASE_URL is invalid: must be a postgres:\/\/ URL$/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x' }, /^Environment variable PAYLOAD_SECRET is missing: required in production$/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x', PAYLOAD_SECRET: 'x'.repeat(32) }, /^Environment variable CREDENTIALS_KEY is missing: required in production$/],
    [{ CREDENTIALS_KEY: 'k1:c2hvcnQ=' }, /^Environment variable CREDENTIALS_KEY is invalid: entry 1 \(k1\): the key must be exactly 32 bytes, it is 5 /],
  ])('%j stops the process with exit 1 and one line', (env, message) => {
    const result = start(env)
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(message)
  })

  it.each(['src/server/index.ts', 'src/server/worker.ts', 'src/server/migrate.ts', 'src/server/seed.ts'])(
    '%s without --conditions stops with exit 1 and one line naming the flag, before it loads anything',
    (entry) => {
      const result = start({ DATABASE_URL: 'postgres://127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' }, entry, [])
      expect(result.status).toBe(1)
      expect(result.stderr).toBe(
        'Start this process with node --conditions=production (npm start, npm run worker and npm run migrate do): without it, loading Lexical can stall start-up\n',
      )
    },
  )
})
