import { env } from '@/env'
import { createRedis } from '@/jobs/redis'

import { type EventBus, memoryEventBus, redisEventBus } from './bus'
import { setEventBus } from './current'

/** The process's event bus: Redis pub/sub when REDIS_URL is set, memory otherwise. */
export const startEventBus = (redisUrl: string | null): EventBus => {
  const bus = redisUrl
    ? redisEventBus(
        createRedis(redisUrl, 'producer', 'scriptorium-events'),
        createRedis(redisUrl, 'worker', 'scriptorium-events-sub'),
        env().REDIS_PREFIX,
      )
    : memoryEventBus()
  setEventBus(bus)
  return bus
}
