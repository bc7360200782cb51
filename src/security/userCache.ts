import type { EventBus } from '@/events/bus'
import { env } from '@/env'
import { startedEventBus } from '@/events/current'
import { logger } from '@/logger'

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
 * the activity store before the entry is looked at (`authenticateSession`).
 */
export const USER_CACHE_TTL_MS = 30_000
/** The bus family that says "this person changed" (`users.changed:<id>`). */
export const USER_CHANGED = 'users.changed'
/** Memory never holds more than this many people; the oldest entries go first. */
const LIMIT = 10_000
/**
 * A change is announced from inside its transaction, so a process may read the person
 * again before the commit and keep the old row: every drop is repeated this much later.
 */
const LATE_DROP_MS = 1_000

type Entry = { doc: Record<string, unknown>; at: number }

const entries = new Map<number, Entry>()
/** Bumped by every drop: a read that started before one must not be stored. */
let generation = 0
let attached: { bus: EventBus; detach: () => void } | null = null
/** null: as `USER_CACHE` says; set by `useUserCache`. */
let switched: boolean | null = null
const isOff = () => (switched === null ? env().USER_CACHE === 'off' : !switched)

export const userCacheStats = { hits: 0, misses: 0 }

/** Drops every entry (tests, and whenever the bus may have missed a change). */
export const flushUserCache = () => {
  generation += 1
  entries.clear()
}

const dropLocal = (id: number) => {
  generation += 1
  entries.delete(id)
}

/** Drops this process's entry only (it proved stale here; nothing changed elsewhere). */
export const dropCachedUser = (id: number) => dropLocal(id)

/** Listens on the process's bus (once per bus: tests start several). */
const attach = () => {
  const bus = startedEventBus()
  if (attached?.bus === bus) return
  attached?.detach()
  attached = null
  if (!bus) return
  const offChange = bus.onSignal(`${USER_CHANGED}:*`, (detail) => {
    const id = Number(detail)
    if (Number.isInteger(id)) dropLocal(id)
  })
  const offReconnect = bus.onReconnect(flushUserCache)
  attached = { bus, detach: () => (offChange(), offReconnect()) }
}

/** The person's cached row (a copy the caller may change), or null. */
export const cachedUser = (id: number, now = Date.now()): Record<string, unknown> | null => {
  if (isOff()) return null
  attach()
  const entry = entries.get(id)
  if (!entry || now - entry.at >= USER_CACHE_TTL_MS) {
    if (entry) entries.delete(id)
    userCacheStats.misses += 1
    return null
  }
  userCacheStats.hits += 1
  return structuredClone(entry.doc)
}

/** The generation a read starts at; `rememberUser` stores its row only if nothing dropped since. */
export const userCacheGeneration = () => generation

export const rememberUser = (id: number, doc: Record<string, unknown>, startedAt: number): void => {
  if (startedAt !== generation || isOff()) return
  attach()
  entries.delete(id)
  entries.set(id, { doc: structuredClone(doc), at: Date.now() })
  if (entries.size > LIMIT) entries.delete(entries.keys().next().value as number)
}

const announce = (bus: EventBus | null, id: number) => {
  bus?.signal(`${USER_CHANGED}:${id}`).catch((error: unknown) => {
    logger.warn({ err: (error as Error).message, user: id }, 'user change: the event bus did not take the signal; other processes catch up within 30 s')
  })
}

/**
 * Says that a person changed: this process's entry goes at once, every other process's
 * when the bus delivers the signal, and both again a second later (after the commit of
 * the transaction that made the change). Never throws: a bus failure is logged.
 */
export const forgetUser = (id: number | string | null | undefined): void => {
  const user = Number(id)
  if (!Number.isInteger(user) || user <= 0) return
  dropLocal(user)
  const bus = startedEventBus()
  announce(bus, user)
  const late = setTimeout(() => {
    dropLocal(user)
    announce(bus, user)
  }, LATE_DROP_MS)
  late.unref()
}

/** Switches the cache off or on in this process (the bench measures both); null: as `USER_CACHE` says. */
export const useUserCache = (on: boolean | null) => {
  switched = on
  flushUserCache()
}
