import { announcedCache } from '@/cache/announcedCache'
import { env } from '@/env'

/**
 * The signed-in person as the session strategy last read them (roles, websites,
 * sessions), by user id, so that a request with a known session costs no database read.
 *
 * Correctness first: an entry lives at most `USER_CACHE_TTL_MS`; every change of the
 * person (a save through Payload, a logout, a revoked or ended session, a password change
 * or reset, a second factor switched) drops it here and, through the event bus, in every
 * other process; the whole cache is dropped when the bus reconnects (pub/sub loses what
 * was published while it was away). A token whose session is not in the entry's
 * sessions reads the person again (a new sign-in), and an ended session is refused by
 * the activity store before the entry is looked at (`authenticateSession`). The
 * mechanics (late drop, generation guard, size limit) are `announcedCache`'s.
 */
export const USER_CACHE_TTL_MS = 30_000
/** The bus family that says "this person changed" (`users.changed:<id>`). */
export const USER_CHANGED = 'users.changed'
/** Memory never holds more than this many people; the oldest entries go first. */
const LIMIT = 10_000

/** null: as `USER_CACHE` says; set by `useUserCache`. */
let switched: boolean | null = null

const cache = announcedCache<number, Record<string, unknown>>({
  label: 'user change',
  family: USER_CHANGED,
  ttlMs: USER_CACHE_TTL_MS,
  limit: LIMIT,
  isOff: () => (switched === null ? env().USER_CACHE === 'off' : !switched),
  // Callers change the row they get (the session strategy adds to it).
  copy: (doc) => structuredClone(doc),
})

export const userCacheStats = cache.stats

/** Drops every entry (tests, and whenever the bus may have missed a change). */
export const flushUserCache = () => cache.flush()

/** Drops this process's entry only (it proved stale here; nothing changed elsewhere). */
export const dropCachedUser = (id: number) => cache.dropLocal(String(id))

/** The person's cached row (a copy the caller may change), or null. */
export const cachedUser = (id: number, now = Date.now()): Record<string, unknown> | null => cache.get(id, now)

/** The generation a read starts at; `rememberUser` stores its row only if nothing dropped since. */
export const userCacheGeneration = () => cache.generation()

export const rememberUser = (id: number, doc: Record<string, unknown>, startedAt: number): void => cache.remember(id, doc, startedAt)

/**
 * Says that a person changed: this process's entry goes at once, every other process's
 * when the bus delivers the signal, and both again a second later (after the commit of
 * the transaction that made the change). Never throws: a bus failure is logged.
 */
export const forgetUser = (id: number | string | null | undefined): void => {
  const user = Number(id)
  if (!Number.isInteger(user) || user <= 0) return
  cache.announce(String(user))
}

/** Switches the cache off or on in this process (the bench measures both); null: as `USER_CACHE` says. */
export const useUserCache = (on: boolean | null) => {
  switched = on
  cache.flush()
}
