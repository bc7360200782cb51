import { Writable } from 'node:stream'

import { APIError } from 'payload'
import { describe, expect, it } from 'vitest'

import { createLogger } from '@/logger'

const capture = () => {
  const lines: { level: number; msg: string; status?: number }[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()))
      done()
    },
  })
  return { logger: createLogger(stream, 'info'), lines }
}

describe('the logger', () => {
  it('files a refusal the client caused at info, whatever its class or wrapper', () => {
    const { logger, lines } = capture()
    logger.error({ err: new APIError('Invalid JSON', 400) })
    logger.error({ err: { name: 'GraphQLError', message: 'Not Found', originalError: { status: 404 } } })
    expect(lines.map((l) => [l.level, l.msg, l.status])).toEqual([
      [30, 'Invalid JSON', 400],
      [30, 'Not Found', 404],
    ])
  })

  it('keeps server faults at error level', () => {
    const { logger, lines } = capture()
    logger.error({ err: new APIError('database gone', 500) })
    logger.error({ err: new Error('no status') })
    logger.error('plain message')
    expect(lines.map((l) => l.level)).toEqual([50, 50, 50])
  })

  it('redacts passwords and tokens', () => {
    const { logger, lines } = capture()
    logger.info({ password: 'secret', token: 'abc', user: { password: 'x' } }, 'login')
    expect(JSON.stringify(lines[0])).not.toMatch(/secret|abc|"x"/)
  })
})
