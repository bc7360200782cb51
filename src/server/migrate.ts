/** `npm run migrate`: applies committed migrations to DATABASE_URL (or the embedded database). */
import { requireDirectLexicalBuild } from './lexicalConditions'
import { loadEnvOrExit } from './loadEnv'

loadEnvOrExit()
requireDirectLexicalBuild()

const { closePayload, migrate, openPayload, prepareDatabase } = await import('./boot')
const database = await prepareDatabase()
const payload = await openPayload()
try {
  await migrate(payload)
  payload.logger.info('migrations are up to date')
} finally {
  await closePayload(payload)
  await database.embedded?.stop()
}
process.exit(0)
