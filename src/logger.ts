import { type DestinationStream, pino } from 'pino'
import pretty from 'pino-pretty'

import { env } from './env'

/** The HTTP status an error carries, GraphQL's wrapper or not. */
const statusOf = (error: unknown): number | null => {
  if (!error || typeof error !== 'object') return null
  const own = (error as { status?: unknown }).status
  if (typeof own === 'number') return own
  const original = (error as { originalError?: { status?: unknown } }).originalError
  return typeof original?.status === 'number' ? original.status : null
}

/**
 * The one structured logger: Payload logs through it too. Readable lines on a terminal,
 * JSON elsewhere (CI, containers). Paths that could carry secrets are redacted.
 */
export const createLogger = (destination?: DestinationStream, level: string = env().LOG_LEVEL) =>
  pino(
    {
      name: 'scriptorium',
      level,
      redact: ['password', '*.password', 'req.headers.authorization', 'req.headers.cookie', 'token', '*.token'],
      hooks: {
        // Payload logs every error it answers at error level unless its class is listed in
        // `loggingLevels`; a refusal the client caused (any 4xx: "Invalid JSON", a GraphQL
        // NotFound) is an answer, not a fault, whatever its class.
        logMethod(args, method, level) {
          const first = args[0] as { err?: unknown } | undefined
          const status = level >= 50 && first && typeof first === 'object' ? statusOf(first.err) : null
          if (status !== null && status >= 400 && status < 500) {
            const err = first!.err as { message?: unknown; name?: unknown }
            return this.info({ status, name: err.name }, typeof err.message === 'string' ? err.message : 'client error')
          }
          return method.apply(this, args)
        },
      },
    },
    destination ?? (process.stdout.isTTY ? pretty({ colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' }) : undefined),
  )

export const logger = createLogger()
