import { assertProductionReady, type Env, EnvError, env } from '@/env'

/** The validated environment, or exit 1 with one line naming the bad variable. */
export const loadEnvOrExit = (): Env => {
  try {
    const settings = env()
    assertProductionReady(settings)
    return settings
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
}
