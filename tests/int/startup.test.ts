import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/** The server entry refuses a bad environment with one line that names the variable. */
const root = path.resolve(import.meta.dirname, '../..')
const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/server/index.ts'], {
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
  ])('%j stops the process with exit 1 and one line', (env, message) => {
    const result = start(env)
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(message)
  })
})
