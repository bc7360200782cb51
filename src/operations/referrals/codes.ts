import { randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import { REFERRAL_CODE_LENGTH, referralCodeFrom } from '@/domain/referrals/settings'

const UNIQUE_VIOLATION = '23505'

const isUniqueViolation = (error: unknown): boolean => {
  const cause = (error as { cause?: { code?: string }; code?: string } | null) ?? null
  return cause?.code === UNIQUE_VIOLATION || cause?.cause?.code === UNIQUE_VIOLATION
}

/**
 * The client's referral code, given on first need: a random code written only where the
 * user has none (two first requests racing keep one code), unique over all users (one
 * more try on the rare collision). Runs in the caller's transaction when it has one.
 */
export const ensureReferralCode = async (req: PayloadRequest, userId: number): Promise<string> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [existing] = await execute<{ code: string | null }>(req, sql`SELECT referral_code AS code FROM users WHERE id = ${userId}`)
    if (!existing) throw new Error(`user ${userId} does not exist`)
    if (existing.code) return existing.code
    const code = referralCodeFrom(randomBytes(REFERRAL_CODE_LENGTH))
    // A code taken already: draw again without provoking the unique violation, which
    // would end the caller's transaction; only a race with another user's new code can.
    const [taken] = await execute(req, sql`SELECT 1 AS taken FROM users WHERE referral_code = ${code}`)
    if (taken) continue
    try {
      const written = await execute<{ code: string }>(req, sql`UPDATE users SET referral_code = ${code} WHERE id = ${userId} AND referral_code IS NULL RETURNING referral_code AS code`)
      if (written[0]) return written[0].code
    } catch (error) {
      if (!isUniqueViolation(error) || req.transactionID) throw error
    }
  }
  throw new Error(`could not give user ${userId} a unique referral code`)
}
