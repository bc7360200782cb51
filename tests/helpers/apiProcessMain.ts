/**
 * A second web process for tests that need two (`startSecondApiProcess`): Payload on the
 * test's database, the event bus and the session activity store on the test's Redis,
 * and the web process's HTTP stack without Next. `GET /__user-cache` and
 * `GET /__content-cache` answer this process's user-cache and public content cache counters. Prints `API_READY <base>` when listening.
 */
import { Router } from 'express'

const redisUrl = process.env.REDIS_URL
if (!redisUrl) throw new Error('REDIS_URL is required: the processes talk through Redis')

const { openPayload } = await import('../../src/server/boot')
const payload = await openPayload()
const { startEventBus } = await import('../../src/events/start')
const bus = startEventBus(redisUrl)
await bus.ready()
const { createRedis } = await import('../../src/jobs/redis')
const { useSessionActivityStore } = await import('../../src/security/sessionActivity')
useSessionActivityStore(createRedis(redisUrl, 'producer', 'second-web'))
const { userCacheStats } = await import('../../src/security/userCache')
const { publicContentCacheStats } = await import('../../src/content/http/answerCache')
const { startApiServer } = await import('./payloadApiRoute')

const stats = Router()
  .get('/__user-cache', (_req, res) => {
    res.json(userCacheStats)
  })
  .get('/__content-cache', (_req, res) => {
    res.json(publicContentCacheStats)
  })
const server = await startApiServer(payload, { routers: [stats] })
process.stdout.write(`API_READY ${server.base}\n`)
