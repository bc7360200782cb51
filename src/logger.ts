import { pino } from 'pino'
import pretty from 'pino-pretty'

import { env } from './env'

/**
 * The one structured logger: Payload logs through it too. Readable lines on a terminal,
 * JSON elsewhere (CI, containers). Paths that could carry secrets are redacted.
 */
export const logger = pino(
  {
    name: 'scriptorium',
    level: env().LOG_LEVEL,
    redact: ['password', '*.password', 'req.headers.authorization', 'req.headers.cookie', 'token', '*.token'],
  },
  process.stdout.isTTY ? pretty({ colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' }) : undefined,
)
