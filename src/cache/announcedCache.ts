import type { EventBus } from '@/events/bus'
import { startedEventBus } from '@/events/current'
import { logger } from '@/logger'

/**
 * A process cache whose entries every process drops at once when something they were
 * built from changes, announced on the event bus (the signed-in person, public content
 * answers). The rules that make it safe, kept in one place:
 * - an entry lives at most `ttlMs` (a safety net under the bus);
 * - each entry belongs to a group (a user, a website); `announce(group)` drops the group
 *   here at once and, through the bus family `<family>:<group>`, in every other process;
 *   `announceAll()` drops everything everywhere (signal `<family>`);
 * - a change is announced from inside its transaction, so a process may read again
 *   before the commit and keep the old rows: every announcement is repeated `lateDropMs`
 *   later, when the commit has long happened;
 * - every drop bumps a generation, and `remember` stores only when the read began at the
 *   current one: a read that started before a drop may hold what the drop was about;
 * - the whole cache is dropped when the bus reconnects (pub/sub loses what was
 *   published while it was away);
 * - memory holds at most `limit` entries and `maxWeight` units (`weightOf`), the oldest
 *   going first.
 */
export type AnnouncedCacheOptions<V> = {
  /** Names the cache in the warning logged when the bus refuses a signal. */
  label: string
  /** Bus family of the drops; null keeps the cache to this process (TTL only, no signals). */
  family: string | null
  ttlMs: number
  limit: number
  /** Whether the cache is switched off now (an env setting, a test): nothing is served or kept. */
  isOff: () => boolean
  /** A copy on the way in and out, for values the callers may change. */
  copy?: (value: V) => V
  /** Caps the sum of `weightOf` (a body's length) over the entries; unset: no cap. */
  maxWeight?: number
  weightOf?: (value: V) => number
  lateDropMs?: number
}

export type AnnouncedCache<K extends string | number, V> = {
  /** The entry's value while it is fresh, or null (counted in `stats`). */
  get: (key: K, now?: number) => V | null
  /** The generation a read starts at, to hand to `remember`. */
  generation: () => number
  /** Keeps `value` under `key` in `group` (default: the key) if nothing was dropped since `startedAt`. */
  remember: (key: K, value: V, startedAt: number, group?: string) => void
  /** Drops a group in this process only (it proved stale here; nothing changed elsewhere). */
  dropLocal: (group: string) => void
  /** Drops every entry of this process. */
  flush: () => void
  /** Says a group changed: dropped here now, everywhere through the bus, and again later. Never throws. */
  announce: (group: string) => void
  /** Says everything changed: the whole cache, here, everywhere, and again later. Never throws. */
  announceAll: () => void
  readonly stats: { hits: number; misses: number }
  readonly size: () => number
}

/** How long after an announcement it is repeated: the announcing transaction has committed by then. */
export const LATE_DROP_MS = 1_000

export const announcedCache = <K extends string | number, V>(options: AnnouncedCacheOptions<V>): AnnouncedCache<K, V> => {
  type Entry = { value: V; at: number; group: string; weight: number }
  const entries = new Map<K, Entry>()
  const groups = new Map<string, Set<K>>()
  let weight = 0
  let generation = 0
  let attached: { bus: EventBus; detach: () => void } | null = null
  const stats = { hits: 0, misses: 0 }
  const copy = options.copy ?? ((value: V) => value)
  const lateDropMs = options.lateDropMs ?? LATE_DROP_MS

  const remove = (key: K) => {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    weight -= entry.weight
    const members = groups.get(entry.group)
    members?.delete(key)
    if (members?.size === 0) groups.delete(entry.group)
  }

  const flush = () => {
    generation += 1
    entries.clear()
    groups.clear()
    weight = 0
  }

  const dropLocal = (group: string) => {
    generation += 1
    for (const key of [...(groups.get(group) ?? [])]) remove(key)
  }

  /** Listens on the process's bus (once per bus: tests start several). */
  const attach = () => {
    if (options.family === null) return
    const bus = startedEventBus()
    if (attached?.bus === bus) return
    attached?.detach()
    attached = null
    if (!bus) return
    const offGroup = bus.onSignal(`${options.family}:*`, (detail) => {
      if (detail !== undefined) dropLocal(detail)
    })
    const offAll = bus.onSignal(options.family, flush)
    const offReconnect = bus.onReconnect(flush)
    attached = { bus, detach: () => (offGroup(), offAll(), offReconnect()) }
  }

  const signal = (bus: EventBus | null, topic: string) => {
    bus?.signal(topic).catch((error: unknown) => {
      logger.warn({ err: (error as Error).message, topic }, `${options.label}: the event bus did not take the signal; other processes catch up within ${Math.round(options.ttlMs / 1000)} s`)
    })
  }

  /** Drops here, signals the others, and does both again once the change has surely committed. */
  const announceWith = (drop: () => void, topic: string | null) => {
    drop()
    const bus = startedEventBus()
    if (topic) signal(bus, topic)
    const late = setTimeout(() => {
      drop()
      if (topic) signal(bus, topic)
    }, lateDropMs)
    late.unref()
  }

  return {
    get: (key, now = Date.now()) => {
      if (options.isOff()) return null
      attach()
      const entry = entries.get(key)
      if (!entry || now - entry.at >= options.ttlMs) {
        if (entry) remove(key)
        stats.misses += 1
        return null
      }
      stats.hits += 1
      return copy(entry.value)
    },
    generation: () => generation,
    remember: (key, value, startedAt, group = String(key)) => {
      if (startedAt !== generation || options.isOff()) return
      const entryWeight = options.weightOf?.(value) ?? 0
      if (options.maxWeight !== undefined && entryWeight > options.maxWeight) return
      attach()
      remove(key)
      entries.set(key, { value: copy(value), at: Date.now(), group, weight: entryWeight })
      weight += entryWeight
      const members = groups.get(group) ?? new Set<K>()
      members.add(key)
      groups.set(group, members)
      while (entries.size > options.limit || (options.maxWeight !== undefined && weight > options.maxWeight)) {
        remove(entries.keys().next().value as K)
      }
    },
    dropLocal,
    flush,
    announce: (group) => announceWith(() => dropLocal(group), options.family && `${options.family}:${group}`),
    announceAll: () => announceWith(flush, options.family),
    stats,
    size: () => entries.size,
  }
}
