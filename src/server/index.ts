/**
 * The web process: database (embedded when DATABASE_URL is unset), migrations, demo
 * data on an empty development database, then Express hosting Next (admin, REST,
 * GraphQL) and the health probes. `--dev` runs Next in development mode.
 */
import type { Server } from 'node:http'
import path from 'node:path'

import { loadEnvOrExit } from './loadEnv'

const dev = process.argv.includes('--dev')
if (dev) (process.env as Record<string, string | undefined>).NODE_ENV ??= 'development'
// The machine is offline and nobody opted in.
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const settings = loadEnvOrExit()

const main = async () => {
  const { logger } = await import('@/logger')
  const { closePayload, markClosing, migrate, openPayload, poolOf, prepareDatabase } = await import('./boot')
  const { createApp } = await import('./app')
  const { banner } = await import('./banner')
  const { postgresCheck } = await import('./health')
  const { isEmpty, seed } = await import('@/seed')

  const database = await prepareDatabase()
  const payload = await openPayload()
  await migrate(payload)

  const seedDemo = settings.SEED_DEMO_DATA ?? dev
  let seeded = false
  if (seedDemo && (await isEmpty(payload))) {
    logger.info('empty database: seeding demo data')
    await seed(payload, (line) => logger.info(line))
    seeded = true
  }

  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: path.resolve(import.meta.dirname, '../..'), hostname: 'localhost', port: settings.PORT })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const pool = poolOf(payload)
  if (!pool) throw new Error('the PostgreSQL adapter has no pool')
  const app = createApp({ checks: [postgresCheck(pool)], next: (req, res) => handle(req, res) })
  const server: Server = app.listen(settings.PORT, () => {
    process.stdout.write(banner(settings.PORT, seedDemo))
    if (seeded) logger.info('demo data seeded')
  })

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    markClosing()
    logger.info({ signal }, 'shutting down')
    server.close()
    server.closeAllConnections()
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
