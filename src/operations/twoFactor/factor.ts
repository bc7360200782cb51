import { randomBytes } from 'node:crypto'

import { generateSecret, generateURI, verifySync } from 'otplib'
import type { PayloadRequest } from 'payload'
import QRCode from 'qrcode'
import { RateLimiterRes } from 'rate-limiter-flexible'

import { execute, sql } from '@/db/execute'
import { formatRecoveryCode, hashRecoveryCode, matchRecoveryCode, normalizeTotpCode, RECOVERY_CODE_COUNT, type StoredRecoveryCode } from '@/domain/twoFactor/recoveryCodes'
import { ClientError, refuseField } from '@/errors'
import { openSecret, sealSecret } from '@/security/secretBox'
import { limiterFor, tooMany } from '@/security/rateLimits'
import { forgetUser } from '@/security/userCache'

const PURPOSE = 'two-factor-seed'
/** A code of the step before or after is taken too (a phone's clock 30 s off). */
const TOLERANCE_S = 30
/** Codes tried per person in 15 minutes, right or wrong (a six-digit code falls to guessing otherwise). */
const ATTEMPTS = { points: 10, durationS: 900 } as const

type FactorRow = { email: string; secret: string | null; pending: string | null; enabled_at: string | null; last_step: string | number | null; codes: StoredRecoveryCode[] | null }

/** The person's factor, locked for the rest of the transaction (two requests with one code: one wins). */
const factorOf = async (req: PayloadRequest, userId: number): Promise<FactorRow> => {
  const [row] = await execute<FactorRow>(
    req,
    sql`SELECT email, two_factor_secret AS secret, two_factor_pending_secret AS pending, two_factor_enabled_at AS enabled_at,
               two_factor_last_step AS last_step, two_factor_recovery_codes AS codes
        FROM users WHERE id = ${userId} FOR UPDATE`,
  )
  if (!row) throw new ClientError('Not Found', 404)
  return row
}

export const hasSecondFactor = async (req: PayloadRequest, userId: number): Promise<boolean> => {
  const [row] = await execute<{ on: boolean }>(req, sql`SELECT two_factor_enabled_at IS NOT NULL AS on FROM users WHERE id = ${userId}`)
  return row?.on === true
}

const countAttempt = async (req: PayloadRequest, userId: number) => {
  try {
    await limiterFor('secondFactorAttempts', ATTEMPTS.points, ATTEMPTS.durationS).consume(String(userId))
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    throw tooMany(req, 'second-factor codes for this account', error.msBeforeNext)
  }
}

export type Enrolment = { otpauthUri: string; qrCode: string; secret: string }

/**
 * Starts (or restarts) enrolment: a new seed, kept sealed as pending until a code from it
 * confirms it. Answers what an authenticator app needs: the `otpauth://` URI, the same as
 * a QR code (an SVG data URL) and the seed for typing in.
 */
export const startEnrolment = async (req: PayloadRequest, userId: number, issuer: string): Promise<Enrolment> => {
  const row = await factorOf(req, userId)
  if (row.enabled_at) throw new ClientError('Two-factor sign-in is on already: switch it off first to enrol another device.', 409)
  const secret = generateSecret()
  await execute(req, sql`UPDATE users SET two_factor_pending_secret = ${sealSecret(secret, req.payload.secret, PURPOSE)} WHERE id = ${userId}`)
  const otpauthUri = generateURI({ issuer, label: row.email, secret })
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1 })
  return { otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, secret }
}

const stepOf = (secret: string, code: string, after: number | null): number | null => {
  const result = verifySync({ secret, token: code, epochTolerance: TOLERANCE_S, ...(after !== null ? { afterTimeStep: after } : {}) })
  return result.valid ? (result as unknown as { timeStep: number }).timeStep : null
}

/**
 * Confirms the pending seed with a code from it: two-factor sign-in is on from now, and
 * the ten recovery codes are answered once (only their hashes are kept).
 */
export const confirmEnrolment = async (req: PayloadRequest, userId: number, input: string): Promise<string[]> => {
  await countAttempt(req, userId)
  const row = await factorOf(req, userId)
  if (row.enabled_at) throw new ClientError('Two-factor sign-in is on already.', 409)
  const pending = row.pending ? openSecret(row.pending, req.payload.secret, PURPOSE) : null
  if (!pending) throw new ClientError('Start the enrolment first (POST /api/users/2fa/enrol).', 409)
  const code = normalizeTotpCode(input)
  const step = code ? stepOf(pending, code, null) : null
  if (step === null) throw refuseField('users', 'code', 'The code is not the one your authenticator app shows now.', 400)
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(10)))
  const stored: StoredRecoveryCode[] = codes.map((c) => ({ hash: hashRecoveryCode(c, req.payload.secret), usedAt: null }))
  await execute(
    req,
    sql`UPDATE users SET two_factor_secret = two_factor_pending_secret, two_factor_pending_secret = NULL, two_factor_enabled_at = now(),
               two_factor_last_step = ${step}, two_factor_recovery_codes = ${JSON.stringify(stored)}::jsonb
        WHERE id = ${userId}`,
  )
  forgetUser(userId)
  return codes
}

/**
 * Checks a code of the person's factor: an authenticator code of a later time step than
 * the last one taken (a code is good once), or an unused recovery code (used up now).
 * Answers which it was, or null for neither.
 */
export const verifySecondFactor = async (req: PayloadRequest, userId: number, input: string): Promise<'totp' | 'recovery' | null> => {
  await countAttempt(req, userId)
  const row = await factorOf(req, userId)
  const secret = row.enabled_at && row.secret ? openSecret(row.secret, req.payload.secret, PURPOSE) : null
  if (!secret) return null
  const code = normalizeTotpCode(input)
  if (code) {
    const step = stepOf(secret, code, row.last_step === null ? null : Number(row.last_step))
    if (step === null) return null
    await execute(req, sql`UPDATE users SET two_factor_last_step = ${step} WHERE id = ${userId}`)
    return 'totp'
  }
  const stored = row.codes ?? []
  const index = matchRecoveryCode(input, stored, req.payload.secret)
  if (index < 0) return null
  const used = stored.map((entry, i) => (i === index ? { ...entry, usedAt: new Date().toISOString() } : entry))
  await execute(req, sql`UPDATE users SET two_factor_recovery_codes = ${JSON.stringify(used)}::jsonb WHERE id = ${userId}`)
  return 'recovery'
}

/** Recovery codes left unused (the owner's account page says when to make new ones). */
export const recoveryCodesLeft = async (req: PayloadRequest, userId: number): Promise<number> => {
  const [row] = await execute<{ codes: StoredRecoveryCode[] | null }>(req, sql`SELECT two_factor_recovery_codes AS codes FROM users WHERE id = ${userId}`)
  return (row?.codes ?? []).filter((c) => c.usedAt === null).length
}

/** Switches the factor off (the seed and codes are forgotten). */
export const removeSecondFactor = async (req: PayloadRequest, userId: number): Promise<void> => {
  await execute(
    req,
    sql`UPDATE users SET two_factor_secret = NULL, two_factor_pending_secret = NULL, two_factor_enabled_at = NULL, two_factor_last_step = NULL, two_factor_recovery_codes = NULL WHERE id = ${userId}`,
  )
  forgetUser(userId)
}
