import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { PayloadRequest } from 'payload'

import { env } from '@/env'
import { ClientError } from '@/errors'
import { RATE_LIMITS, type RateLimitName } from '@/domain/rateLimits'
import type { Tenant } from '@/payload-types'

import { CLIENT_ADDRESS_HEADER } from './clientAddress'

let redis: Redis | null = null
const limiters = new Map<string, RateLimiterAbstract>()

/** Redis when configured (limits hold across web processes), memory otherwise. */
export const useRateLimitStore = (client: Redis | null) => {
  redis = client
  limiters.clear()
}

/** Forgets every count (tests start each case from zero). */
export const resetRateLimits = () => limiters.clear()

/**
 * The counter `name` with `points` per `durationS` seconds, in Redis when configured
 * (with a memory stand-in while Redis fails), in memory otherwise. One per name and shape.
 */
export const limiterFor = (name: string, points: number, durationS: number): RateLimiterAbstract => {
  const key = `${name}:${points}:${durationS}`
  let limiter = limiters.get(key)
  if (!limiter) {
    const options = { keyPrefix: `${env().REDIS_PREFIX}-rl-${name}`, points, duration: durationS }
    limiter = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options)
    limiters.set(key, limiter)
  }
  return limiter
}

/**
 * The client's address as the HTTP server worked it out (`assignClientAddress`, under
 * TRUST_PROXY); 'unknown' when nothing set it (the Local API). Never read from
 * X-Forwarded-For here: a client can send any value in it.
 */
export const clientIp = (req: Pick<PayloadRequest, 'headers'>): string => req.headers.get(CLIENT_ADDRESS_HEADER) || 'unknown'

/** A 429 with Retry-After (whole seconds, at least 1) for `what` ("login attempts for …"). */
export const tooMany = (req: PayloadRequest, what: string, msBeforeNext: number): ClientError => {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000))
  req.responseHeaders = new Headers({ 'Retry-After': String(retryAfter) })
  return new ClientError(`Too many ${what}; try again in ${retryAfter} s.`, 429, { retryAfter })
}

/** A fixed limit: `points` per `durationS` seconds, refused as "too many `label`". */
export type Limit = { name: string; points: number; durationS: number; label: string }

/** Counts one attempt of `subject` against `limit`; past it, a 429 with Retry-After. */
export const consumeLimit = async (req: PayloadRequest, limit: Limit, subject: string) => {
  try {
    await limiterFor(limit.name, limit.points, limit.durationS).consume(subject)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    throw tooMany(req, limit.label, error.msBeforeNext)
  }
}

/**
 * Counts one attempt against a limit of the request's website; past it, a 429 with
 * Retry-After. `subject` is what is limited (an email, an address).
 */
export const consume = async (req: PayloadRequest, tenant: Tenant | null, name: RateLimitName, subject: string) => {
  const defaults = RATE_LIMITS[name]
  const configured = tenant?.settings?.rateLimits?.[name]
  const points = typeof configured === 'number' && configured > 0 ? configured : defaults.points
  await consumeLimit(req, { name, points, durationS: defaults.durationS, label: defaults.label }, `${tenant?.id ?? 'platform'}:${subject.toLowerCase()}`)
}
