import type { Redis } from 'ioredis'

import { env } from '@/env'
import { logger } from '@/logger'

/**
 * When each session was last active, by session id: in Redis when configured (every web
 * process sees the same clock), in memory otherwise or while Redis fails. This is the
 * per-request write of the idle timeout; the database hears of activity at most once a
 * minute (`claimActivityWrite`), so a lost store costs at most a minute of idleness.
 */
let redis: Redis | null = null
const memory = new Map<string, number>()
const memoryClaims = new Map<string, number>()
/** Memory never holds more than this many sessions; the oldest stamps go first. */
const MEMORY_LIMIT = 100_000
/** Longer than any idle timeout (a week), so a stamp outlives the session it times. */
const KEEP_S = 8 * 24 * 3600

export const useSessionActivityStore = (client: Redis | null) => {
  redis = client
}

/** Forgets every stamp (tests start each case from zero). */
export const resetSessionActivity = () => {
  memory.clear()
  memoryClaims.clear()
}

const keyOf = (sid: string) => `${env().REDIS_PREFIX}-session-activity:${sid}`
const claimKeyOf = (sid: string) => `${env().REDIS_PREFIX}-session-written:${sid}`

let warned = false
const fellBack = (error: unknown) => {
  if (!warned) logger.warn({ err: (error as Error)?.message }, 'session activity store unreachable: using memory')
  warned = true
}

const remember = (sid: string, at: number) => {
  memory.delete(sid)
  memory.set(sid, at)
  if (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value as string)
}

/** The session's last activity (ms since the epoch), or null when the store has none. */
export const lastActivity = async (sid: string): Promise<number | null> => {
  if (redis) {
    try {
      const value = await redis.get(keyOf(sid))
      warned = false
      if (value !== null) return Number(value)
    } catch (error) {
      fellBack(error)
    }
  }
  return memory.get(sid) ?? null
}

/** Stamps the session active at `at`. */
export const recordActivity = async (sid: string, at: number): Promise<void> => {
  remember(sid, at)
  if (!redis) return
  try {
    await redis.set(keyOf(sid), String(at), 'EX', KEEP_S)
  } catch (error) {
    fellBack(error)
  }
}

/**
 * Whether this process should write the session's activity to the database now: true at
 * most once per `everyS` per session across processes sharing Redis.
 */
export const claimActivityWrite = async (sid: string, at: number, everyS: number): Promise<boolean> => {
  if (redis) {
    try {
      return (await redis.set(claimKeyOf(sid), '1', 'EX', everyS, 'NX')) === 'OK'
    } catch (error) {
      fellBack(error)
    }
  }
  const last = memoryClaims.get(sid)
  if (last !== undefined && at - last < everyS * 1000) return false
  memoryClaims.set(sid, at)
  if (memoryClaims.size > MEMORY_LIMIT) memoryClaims.delete(memoryClaims.keys().next().value as string)
  return true
}

/** The stamp of an ended session: a login that raced its revocation cannot bring it back to life. */
export const ENDED = 0

/** Marks sessions ended in the store, which every request reads anyway. */
export const markEnded = async (sids: readonly string[]): Promise<void> => {
  for (const sid of sids) {
    remember(sid, ENDED)
    memoryClaims.delete(sid)
  }
  if (!redis || sids.length === 0) return
  try {
    const batch = redis.multi()
    for (const sid of sids) batch.set(keyOf(sid), String(ENDED), 'EX', KEEP_S).del(claimKeyOf(sid))
    await batch.exec()
  } catch (error) {
    fellBack(error)
  }
}
