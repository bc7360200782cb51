import type { Actor } from '@/access/actor'
import { announcedCache } from '@/cache/announcedCache'

/**
 * GET /api/dashboard's answer per caller and scope for a few seconds: the admin home
 * polls it, and each build is some 18 statements of aggregates over the websites' orders,
 * ledger, requests and content. Its figures are minutes-fresh by nature, so an answer up
 * to `DASHBOARD_CACHE_TTL_MS` old is fine (the API description says so, and `generatedAt`
 * tells its age); a website's save drops every answer at once (names, currencies and time
 * zones show), in every process through the bus family `dashboard.changed`.
 *
 * Keyed by the caller's id, roles and websites and the `?tenant=` asked for: the parts are
 * read through the caller's access (`overrideAccess: false`, `user: req.user`), so one
 * person's answer is never another's, even with the same roles, and a change of roles or
 * websites is a new key at once.
 */
export const DASHBOARD_CACHE_TTL_MS = 15_000
export const DASHBOARD_CHANGED = 'dashboard.changed'
/** Callers' answers kept at most; the oldest go first. */
const LIMIT = 1_000
/** Characters of answers at most (about 16 MB); the oldest go first. */
const MAX_CHARACTERS = 16 * 1024 * 1024

/** null: cached; set by `useDashboardCache` (tests that check figures right after a change switch it off). */
let switched: boolean | null = null

const cache = announcedCache<string, string>({
  label: 'dashboard',
  family: DASHBOARD_CHANGED,
  ttlMs: DASHBOARD_CACHE_TTL_MS,
  limit: LIMIT,
  maxWeight: MAX_CHARACTERS,
  weightOf: (body) => body.length,
  isOff: () => switched === false,
})

export const dashboardCacheStats = cache.stats

/** Switches the cache off or on in this process; null: on. */
export const useDashboardCache = (on: boolean | null) => {
  switched = on
  cache.flush()
}

/** Says that a website changed: every dashboard answer goes, here and in every process. Never throws. */
export const announceDashboardChange = (): void => cache.announceAll()

const keyOf = (actor: Actor, tenant: number | null): string =>
  JSON.stringify([actor.id, [...actor.roles].sort(), actor.allTenants ? 'all' : [...actor.tenantIds].sort((a, b) => a - b), tenant])

/**
 * The caller's dashboard as a JSON body: the stored one while fresh, else `build`'s,
 * kept unless a website changed meanwhile. `fresh` (the request's `Cache-Control:
 * no-cache`) builds it anew and keeps that: a person opening the admin home right after
 * their own change sees it, while pollers get the kept answer. Without a signed-in
 * caller it builds (and `build` refuses).
 */
export const cachedDashboard = async (actor: Actor | null, tenant: number | null, build: () => Promise<unknown>, fresh = false): Promise<string> => {
  const key = actor ? keyOf(actor, tenant) : null
  const hit = key === null || fresh ? null : cache.get(key)
  if (hit !== null) return hit
  const started = cache.generation()
  const body = JSON.stringify(await build())
  if (key !== null) cache.remember(key, body, started, String(actor!.id))
  return body
}
