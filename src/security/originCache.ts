import { startedEventBus } from '@/events/current'
import { logger } from '@/logger'

import { type AllowedOrigins, allowedOrigins } from './origins'

/** The bus topic that says a website's domains (or its being active) may have changed. */
export const WEBSITES_CHANGED = 'websites.changed'

/** A safety net under the bus: a missed signal costs at most this long. */
export const ORIGIN_CACHE_TTL_MS = 30_000

/**
 * A change is announced from inside its transaction (an afterChange hook), so a process
 * may reload before the commit and cache the old rows: every drop is repeated once after
 * this delay, when the commit has long happened.
 */
const LATE_DROP_MS = 1_000

export type OriginCache = {
  /** The allowed origins, loaded at most once per TTL (concurrent callers share one load). */
  get: () => Promise<AllowedOrigins>
  /** Forgets the websites' origins: the next `get` reads them again. */
  drop: () => void
  close: () => void
}

const caches = new Set<OriginCache>()

/**
 * Each web process's allowed origins: the websites' (from `loadWebsiteOrigins`, the
 * database) with the fixed ones (`CORS_ORIGINS`, localhost in development). Dropped
 * when any process signals a website change on the event bus, and after a TTL. A failed
 * load keeps the last list (or the fixed origins alone): CORS must not turn a database
 * hiccup into 500s on every request.
 */
export const createOriginCache = (options: {
  loadWebsiteOrigins: () => Promise<string[]>
  fixed: readonly string[]
  development: boolean
  ttlMs?: number
}): OriginCache => {
  const ttl = options.ttlMs ?? ORIGIN_CACHE_TTL_MS
  let cached: { origins: AllowedOrigins; at: number } | null = null
  let loading: Promise<AllowedOrigins> | null = null
  let generation = 0
  const timers = new Set<NodeJS.Timeout>()

  const load = (): Promise<AllowedOrigins> => {
    const started = generation
    const pending = options
      .loadWebsiteOrigins()
      .then((websites) => {
        const origins = allowedOrigins([...websites, ...options.fixed], options.development)
        // A drop while this load ran means its rows may predate the change.
        if (started === generation) cached = { origins, at: Date.now() }
        return origins
      })
      .catch((error: unknown) => {
        logger.warn({ err: (error as Error).message }, 'allowed origins: the websites could not be read; keeping the last list')
        return cached?.origins ?? allowedOrigins(options.fixed, options.development)
      })
      .finally(() => {
        if (loading === pending) loading = null
      })
    loading = pending
    return pending
  }

  const forget = () => {
    generation += 1
    cached = null
    loading = null
  }

  const cache: OriginCache = {
    get: async () => {
      if (cached && Date.now() - cached.at < ttl) return cached.origins
      return loading ?? load()
    },
    drop: () => {
      forget()
      const late = setTimeout(() => {
        timers.delete(late)
        forget()
      }, LATE_DROP_MS)
      late.unref()
      timers.add(late)
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      unsubscribe?.()
      caches.delete(cache)
    },
  }
  const unsubscribe = startedEventBus()?.onSignal(WEBSITES_CHANGED, cache.drop)
  caches.add(cache)
  return cache
}

/**
 * Says that a website changed: this process's caches drop at once, and every other
 * process's when the bus delivers the signal. The save does not wait for Redis: a bus
 * failure is logged, never thrown, and the TTL covers the other processes.
 */
export const announceWebsitesChanged = (): void => {
  for (const cache of caches) cache.drop()
  startedEventBus()
    ?.signal(WEBSITES_CHANGED)
    .catch((error: unknown) => {
      logger.warn({ err: (error as Error).message }, 'website change: the event bus did not take the signal; other processes catch up within the TTL')
    })
}
