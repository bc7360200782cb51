import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/** The start-up watch reports and bounds a start-up but never keeps a stalled one alive. */
const fixture = path.resolve(import.meta.dirname, 'fixtures/startupWatchProcess.ts')
const start = (scenario: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', fixture, scenario], { encoding: 'utf8', timeout: 20_000 })

describe('startupWatch', () => {
  it('ends a start-up whose event loop empties with exit 1 and one line naming the stage', () => {
    const result = start('stall')
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('Fixture start-up stalled with nothing left to wait on, at: starting Payload\n')
  })

  it('reports a slow start-up with its stage, then lets the process end on its own once done', () => {
    const result = start('slow')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('ready\n')
    expect(result.stderr).toMatch(/^Fixture still starting after \d+ s, at: starting Payload$/m)
    expect(result.stderr).not.toMatch(/exited|stalled/)
  })

  it('bounds the start-up: past the limit, exit 1 naming the stage', () => {
    const result = start('limit')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^Fixture start-up took more than 1 s, at: starting Payload$/m)
    expect(result.stderr).not.toMatch(/exited with code/)
  })
})
