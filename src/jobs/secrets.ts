import { JOB_SECRETS } from './types'

/** What a secret's value becomes in a done row and in every API read. */
export const REDACTED = '[redacted]'

const declared = JOB_SECRETS as Readonly<Record<string, readonly string[] | undefined>>
const EVERY_SECRET_KEY = [...new Set(Object.values(declared).flatMap((keys) => keys ?? []))]

/** The secret keys of a job type; of every job type when the type is not known (a read that did not select it). */
export const secretKeysOf = (type: string | null | undefined): readonly string[] => (type == null ? EVERY_SECRET_KEY : (declared[type] ?? []))

/** `payload` with the values of its secret keys replaced by REDACTED; the same value when it holds none. */
export const redactSecrets = <T>(type: string | null | undefined, payload: T): T => {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload
  const present = secretKeysOf(type).filter((key) => key in payload)
  if (present.length === 0) return payload
  return { ...payload, ...Object.fromEntries(present.map((key) => [key, REDACTED])) }
}
