import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { announcedCache } from '@/cache/announcedCache'
import { env } from '@/env'

import { JSON_CONTENT_TYPE, movedAnswer, strongEtag, taggedResponse } from './cacheable'

/**
 * The finished answers of the public content GETs (posts, pages, reviews, search), per
 * website and request, so that a repeated read, and above all an ETag revalidation,
 * costs no SQL and no rendering: the answer is the same for every reader of a website
 * (each is built as an anonymous visitor), and shared caches may keep it 60 s already
 * (`PUBLIC_CACHE_CONTROL`), so this process keeps it no longer.
 *
 * Correct at once rather than within the minute: every save or delete of what an answer
 * is built from (posts, pages, authors, categories, tags, media, redirects, reviews,
 * price options, a writer's pen name: `announceContentChange`) drops the website's
 * answers here and in every other process through the event bus family
 * `content.changed:<website>`, the worker's scheduled publishing included; a change of
 * any website drops everything (`content.changed`), since it may move a domain from one
 * website to another. The mechanics (late drop after the commit, generation guard,
 * reconnect, limits) are `announcedCache`'s.
 *
 * Two kinds of entries, both in the website's group: which website the request's `Host`
 * and `X-Tenant` name (so that a hit resolves nothing), and the answer by website, path
 * and normalized query. Only 200 and 301 answers are kept; refusals (400, 404) are built
 * every time.
 */
export const CONTENT_CACHE_TTL_MS = 60_000
/** The bus family that says "this website's public content changed" (`content.changed:<id>`); bare: every website's. */
export const CONTENT_CHANGED = 'content.changed'
/** Entries at most (answers and host resolutions together); the oldest go first. */
const LIMIT = 5_000
/** Characters of bodies at most (about 64 MB as one-byte strings); the oldest go first. */
const MAX_CHARACTERS = 64 * 1024 * 1024

/** A built answer: the body of a 200, or the current address of an old slug (301). */
export type FreshAnswer = { body: string; contentType?: string } | { movedTo: string }
type StoredAnswer = { body: string; etag: string; contentType: string } | { movedTo: string }
type Entry = { website: number } | StoredAnswer

/** null: as `CONTENT_CACHE` says; set by `usePublicContentCache`. */
let switched: boolean | null = null
const isOff = () => (switched === null ? env().CONTENT_CACHE === 'off' : !switched)

const cache = announcedCache<string, Entry>({
  label: 'public content change',
  family: CONTENT_CHANGED,
  ttlMs: CONTENT_CACHE_TTL_MS,
  limit: LIMIT,
  maxWeight: MAX_CHARACTERS,
  weightOf: (entry) => ('body' in entry ? entry.body.length : 'movedTo' in entry ? entry.movedTo.length : 0),
  isOff,
})

export const publicContentCacheStats = cache.stats

/** Switches the cache off or on in this process (the bench and tests measure both); null: as `CONTENT_CACHE` says. */
export const usePublicContentCache = (on: boolean | null) => {
  switched = on
  cache.flush()
}

/** Drops every entry of this process (tests). */
export const flushPublicContentCache = () => cache.flush()

/**
 * Says that public content of a website changed (a saved post, a moderated review…):
 * its answers go here at once, in every other process through the bus, and both again a
 * second later, after the commit. null (a row without a website): every website's.
 */
export const announceContentChange = (website: number | null): void => {
  if (website === null) cache.announceAll()
  else cache.announce(String(website))
}

/** Says that any website's public content may have changed (a website saved: domains, settings, branding). */
export const announceAllContentChanged = (): void => cache.announceAll()

/** What names the website in a request, as `resolveTenant` reads it. */
const hostKey = (req: PayloadRequest) => `host ${req.headers.get('host') ?? ''} ${req.headers.get('x-tenant') ?? ''}`
const answerKey = (website: number, variant: string) => `answer ${website} ${variant}`

const responseOf = (req: PayloadRequest, answer: StoredAnswer): Response =>
  'movedTo' in answer ? movedAnswer(answer.movedTo) : taggedResponse(req, answer.body, answer.etag, answer.contentType)

/** Keys in a fixed order, so that `{a, b}` and `{b, a}` name one entry. */
const sortedJson = (value: Record<string, unknown>): string => JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))

/**
 * What distinguishes one answer of a website from another: the path (slug included) and
 * the query as the endpoint's schema reads it (unknown parameters dropped, defaults
 * filled, the last of a repeated one), so equal requests share an entry. null when the
 * query is refused: the endpoint then answers its 400 as always, and nothing is kept.
 */
export const requestVariant = (req: PayloadRequest, query?: z.ZodObject): string | null => {
  if (!query) return req.pathname
  const parsed = query.safeParse(Object.fromEntries(req.searchParams ?? new URLSearchParams()))
  return parsed.success ? `${req.pathname}?${sortedJson(parsed.data as Record<string, unknown>)}` : null
}

/** The website's stored answer to this request, as a Response (304 when If-None-Match holds its tag), or null. */
export const cachedAnswer = (req: PayloadRequest, variant: string | null): Response | null => {
  if (variant === null || isOff()) return null
  const named = cache.get(hostKey(req))
  const hit = named && 'website' in named ? cache.get(answerKey(named.website, variant)) : null
  return hit && !('website' in hit) ? responseOf(req, hit) : null
}

/** The generation a build starts at: `answerOf` keeps its answer only if nothing was dropped since. */
export const answerGeneration = () => cache.generation()

/**
 * The Response for a freshly built answer, with the same headers as a stored one; kept
 * (with the website the request's Host names) unless a change was announced since
 * `started` or the request has no variant.
 */
export const answerOf = (req: PayloadRequest, website: number, variant: string | null, fresh: FreshAnswer, started: number): Response => {
  const answer: StoredAnswer = 'movedTo' in fresh ? fresh : { body: fresh.body, etag: strongEtag(fresh.body), contentType: fresh.contentType ?? JSON_CONTENT_TYPE }
  if (variant !== null) {
    cache.remember(hostKey(req), { website }, started, String(website))
    cache.remember(answerKey(website, variant), answer, started, String(website))
  }
  return responseOf(req, answer)
}
