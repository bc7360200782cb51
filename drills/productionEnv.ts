import { randomBytes } from 'node:crypto'
import path from 'node:path'

/**
 * The environment the drills start the production build with: production mode, the
 * drill's own database and Redis, fresh secrets, data under `scratch`, no demo seed
 * (a caller that wants one says so), info logs (the worker says it started at info).
 */
export const productionEnv = (options: { databaseUrl: string; redisUrl: string; scratch: string }): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: options.databaseUrl,
  REDIS_URL: options.redisUrl,
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  CREDENTIALS_KEY: `drill:${randomBytes(32).toString('base64')}`,
  DATA_DIR: path.join(options.scratch, 'data'),
  LOG_LEVEL: 'info',
  NEXT_TELEMETRY_DISABLED: '1',
  SEED_DEMO_DATA: 'false',
})
