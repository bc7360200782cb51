/** `npm run seed`: demo websites and users (idempotent), with progress. */
import { requireDirectLexicalBuild } from './lexicalConditions'
import { loadEnvOrExit } from './loadEnv'

loadEnvOrExit()
requireDirectLexicalBuild()

const { closePayload, migrate, openPayload, prepareDatabase } = await import('./boot')
const { seed } = await import('@/seed')
const database = await prepareDatabase()
const payload = await openPayload()
try {
  await migrate(payload)
  const { created } = await seed(payload, (line) => payload.logger.info(line))
  payload.logger.info({ created }, 'seed finished')
} finally {
  await closePayload(payload)
  await database.embedded?.stop()
}
process.exit(0)
