import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { PayloadRequest } from 'payload'

import { env } from '@/env'
import { ClientError } from '@/errors'
import { RATE_LIMITS, type RateLimitName } from '@/domain/rateLimits'
import type { Tenant } from '@/payload-types'

let redis: Redis | null = null
const limiters = new Map<string, RateLimiterAbstract>()

/** Redis when configured (limits hold across web processes), memory otherwise. */
export const useRateLimitStore = (client: Redis | null) => {
  redis = client
  limiters.clear()
}

/** Forgets every count (tests start each case from zero). */
export const resetRateLimits = () => limiters.clear()

const limiterFor = (name: RateLimitName, points: number, durationS: number): RateLimiterAbstract => {
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

/** The client's address: the first X-Forwarded-For hop (set by Next and proxies). */
export const clientIp = (req: Pick<PayloadRequest, 'headers'>): string =>
  req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || req.headers.get('x-real-ip') || 'unknown'

/**
 * Counts one attempt against a limit of the request's website; past it, a 429 with
 * Retry-After. `subject` is what is limited (an email, an address).
 */
export const consume = async (req: PayloadRequest, tenant: Tenant | null, name: RateLimitName, subject: string) => {
  const defaults = RATE_LIMITS[name]
  const configured = tenant?.settings?.rateLimits?.[name]
  const points = typeof configured === 'number' && configured > 0 ? configured : defaults.points
  try {
    await limiterFor(name, points, defaults.durationS).consume(`${tenant?.id ?? 'platform'}:${subject.toLowerCase()}`)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    req.responseHeaders = new Headers({ 'Retry-After': String(retryAfter) })
    throw new ClientError(`Too many ${defaults.label}; try again in ${retryAfter} s.`, 429, { retryAfter })
  }
}
