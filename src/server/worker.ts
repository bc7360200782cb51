/**
 * `npm run worker`: BullMQ workers for every job type, the schedules and the outbox
 * relay. Needs REDIS_URL and DATABASE_URL; run as many as you like.
 */
import { requireDirectLexicalBuild } from './lexicalConditions'
import { loadEnvOrExit } from './loadEnv'

const settings = loadEnvOrExit()
for (const name of ['REDIS_URL', 'DATABASE_URL'] as const) {
  if (!settings[name]) {
    process.stderr.write(`Environment variable ${name} is missing: the worker needs it (without Redis, npm run dev runs jobs in-process)\n`)
    process.exit(1)
  }
}
requireDirectLexicalBuild()

const { startupWatch } = await import('./startupWatch')
const startup = startupWatch('Scriptorium worker')
const { closePayload, markClosing, openPayload } = await import('./boot')
const { startEventBus } = await import('@/events/start')
const { startJobRuntime } = await import('@/jobs/runtime')

startup.stage('starting Payload')
const payload = await openPayload()
startup.stage('starting the job runtime')
const bus = startEventBus(settings.REDIS_URL!)
const runtime = await startJobRuntime({ payload, redisUrl: settings.REDIS_URL!, work: true })
startup.done()
payload.logger.info('worker started')

let stopping = false
const shutdown = async (signal: string) => {
  if (stopping) return
  stopping = true
  markClosing()
  payload.logger.info({ signal }, 'worker shutting down (finishing running jobs)')
  await runtime.close().catch(() => {})
  await bus.close().catch(() => {})
  await closePayload(payload)
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
