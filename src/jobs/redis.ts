import { Redis, type RedisOptions } from 'ioredis'

import { logger } from '@/logger'

/**
 * A Redis connection that never crashes the process: errors are logged (once per
 * outage) and the client reconnects by itself.
 *
 * - `worker`: commands wait through an outage (BullMQ workers require this).
 * - `producer`: commands fail at once while disconnected, so callers can fall back
 *   (the relay keeps the row and retries; readiness answers 503).
 */
export const createRedis = (url: string, kind: 'worker' | 'producer', name: string): Redis => {
  const options: RedisOptions =
    kind === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 }
  const client = new Redis(url, {
    ...options,
    connectionName: name,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  })
  let down = false
  client.on('error', (error: Error) => {
    if (!down) logger.warn({ redis: name, err: error.message }, 'redis connection error')
    down = true
  })
  client.on('ready', () => {
    if (down) logger.info({ redis: name }, 'redis connection restored')
    down = false
  })
  return client
}
