/**
 * The web process: database (embedded when DATABASE_URL is unset), migrations, demo
 * data on an empty development database, then Express hosting the API (REST and
 * GraphQL through Payload's own handlers), Next (the admin) and the health probes.
 * `--dev` runs Next in development mode.
 */
import { once } from 'node:events'
import type { Server } from 'node:http'
import path from 'node:path'

import type { Queue } from 'bullmq'

import { requireDirectLexicalBuild } from './lexicalConditions'
import { loadEnvOrExit } from './loadEnv'
import { startupWatch } from './startupWatch'
import { withTimeout } from './withTimeout'

const dev = process.argv.includes('--dev')
if (dev) (process.env as Record<string, string | undefined>).NODE_ENV ??= 'development'
// The machine is offline and nobody opted in.
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const settings = loadEnvOrExit()
requireDirectLexicalBuild()

const startup = startupWatch('Scriptorium')

const main = async () => {
  const { logger } = await import('@/logger')
  const { closePayload, markClosing, migrate, openPayload, poolOf, prepareDatabase } = await import('./boot')
  const { createApp } = await import('./app')
  const { answerClientErrors } = await import('./clientErrors')
  const { banner } = await import('./banner')
  const { postgresCheck, redisCheck } = await import('./health')
  const { eventStreams } = await import('./events')
  const { contentRoutes } = await import('./contentRoutes')
  const { watchAvailability } = await import('./availability')
  const { queueDashboard } = await import('./queueDashboard')
  const { payloadApi } = await import('./payloadApi')
  const { websiteOriginCache } = await import('./websiteOrigins')
  const { startEventBus } = await import('@/events/start')
  const { startJobRuntime } = await import('@/jobs/runtime')
  const { createRedis } = await import('@/jobs/redis')
  const { useRateLimitStore } = await import('@/security/rateLimits')
  const { useSessionActivityStore } = await import('@/security/sessionActivity')
  const { isEmpty, seed } = await import('@/seed')
  const { credentialKeyRing } = await import('@/security/credentialKeys')
  // Says at start when class-portal credentials are sealed with the development key.
  credentialKeyRing()

  startup.stage('preparing the database')
  const database = await prepareDatabase()
  startup.stage('starting Payload')
  const payload = await openPayload()
  startup.stage('running migrations')
  await migrate(payload)

  const seedDemo = settings.SEED_DEMO_DATA ?? dev
  let seeded = false
  if (seedDemo) {
    startup.stage('seeding demo data')
    // Idempotent: a fresh database gets everything, an older one what later versions added.
    const fresh = await isEmpty(payload)
    if (fresh) logger.info('empty database: seeding demo data')
    const { created } = await seed(payload, (line) => (fresh || !line.includes(' exists ')) && logger.info(line))
    seeded = created > 0
  }

  startup.stage('preparing Next')
  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: path.resolve(import.meta.dirname, '../..'), hostname: 'localhost', port: settings.PORT })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  // Background work: with Redis, BullMQ (the worker process does the work, or this one
  // in development); without, everything in this process.
  startup.stage('starting the job runtime and event bus')
  const redisUrl = settings.REDIS_URL ?? null
  const bus = startEventBus(redisUrl)
  const runtime = await startJobRuntime({ payload, redisUrl, work: !redisUrl || dev })
  const streams = eventStreams(payload, bus)
  const health = redisUrl ? createRedis(redisUrl, 'producer', 'scriptorium-health') : null
  // Rate limits hold across web processes when they share Redis.
  useRateLimitStore(health)
  // Idle timeouts hold across web processes too: every request stamps its session there.
  useSessionActivityStore(health)

  const pool = poolOf(payload)
  if (!pool) throw new Error('the PostgreSQL adapter has no pool')
  const routers = [streams.router, contentRoutes(payload)]
  if ('queue' in runtime.dispatcher) routers.push(queueDashboard(payload, runtime.dispatcher.queue as Queue))
  const checks = [postgresCheck(pool), ...(health ? [redisCheck(health)] : [])]
  // The guard's first probe must not meet a connection still being made: it would hold
  // "redis unreachable" (503 on /api and /admin) for a probe interval after /readyz says ready.
  if (health && health.status !== 'ready') await withTimeout(5000, 'redis not ready', once(health, 'ready')).catch(() => undefined)
  const availability = watchAvailability(checks)
  // After the event bus: every process's cache hears when a website changes.
  const origins = websiteOriginCache(payload)
  const app = createApp({
    checks,
    edge: { origins, cookieName: `${payload.config.cookiePrefix}-token`, production: settings.NODE_ENV === 'production', development: dev || settings.NODE_ENV === 'development' },
    guard: availability.guard,
    routers,
    api: payloadApi(payload.config),
    next: (req, res) => handle(req, res),
  })
  startup.stage(`binding port ${settings.PORT}`)
  const server: Server = answerClientErrors(
    app.listen(settings.PORT, () => {
      startup.done()
      process.stdout.write(banner(settings.PORT, seedDemo))
      if (seeded) logger.info('demo data seeded')
    }),
  )

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    markClosing()
    logger.info({ signal }, 'shutting down')
    // Stop accepting, end the live streams (clients reconnect elsewhere), drain the rest.
    availability.stop()
    origins.close()
    server.close()
    streams.closeAll()
    server.closeIdleConnections()
    await runtime.close().catch(() => {})
    await bus.close().catch(() => {})
    health?.disconnect()
    await nextApp.close().catch(() => {})
    await closePayload(payload)
    if (database.embedded) await database.embedded.stop().catch(() => {})
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`Scriptorium failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
