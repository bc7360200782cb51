import { DEV_PAYLOAD_SECRET, EnvError, env } from '@/env'
import { developmentKeyRing, type KeyRing, KeyRingError, parseKeyRing } from '@/domain/credentials/keyRing'
import { logger } from '@/logger'

/** The ring, or the start-up's one line naming the variable (never a byte of a key). */
const readRing = (source: string): KeyRing => {
  try {
    return parseKeyRing(source)
  } catch (error) {
    if (error instanceof KeyRingError) throw new EnvError(`Environment variable CREDENTIALS_KEY is invalid: ${error.message}`)
    throw error
  }
}

let cached: { source: string | undefined; ring: KeyRing } | undefined

/**
 * The key ring of class-portal credentials, from CREDENTIALS_KEY (validated with the
 * rest of the environment at start-up). Without it: refused in production, a development
 * key derived from PAYLOAD_SECRET elsewhere, said once in the log. Re-read when the
 * variable changes (tests rotate keys within one process).
 */
export const credentialKeyRing = (): KeyRing => {
  const settings = env()
  const source = process.env.CREDENTIALS_KEY || settings.CREDENTIALS_KEY
  if (cached && cached.source === source) return cached.ring
  let ring: KeyRing
  if (source) ring = readRing(source)
  else if (settings.NODE_ENV === 'production') throw new EnvError('Environment variable CREDENTIALS_KEY is missing: required in production')
  else {
    ring = developmentKeyRing(settings.PAYLOAD_SECRET ?? DEV_PAYLOAD_SECRET)
    logger.warn('CREDENTIALS_KEY is not set: class-portal credentials are sealed with the development key derived from PAYLOAD_SECRET (never in production)')
  }
  cached = { source, ring }
  return ring
}
