import { generateSync } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import type { TestContext } from '../helpers/testPayload'
import { newPerson, websiteId } from '../helpers/newPerson'
import { startTestPayload } from '../helpers/testPayload'
import { whileSettings } from '../helpers/websiteSwitches'

/**
 * Two-factor sign-in (issue 16): enrolment with an authenticator app, the login's second
 * step, recovery codes, and the website rule that requires it of staff. Codes come from
 * the same TOTP algorithm an app runs (otplib), for this time step or the next.
 */

let t: TestContext
let alpha: number
const ALPHA = { host: 'alpha.test' }

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteId(t, 'alpha')
})
afterAll(async () => {
  await t?.close()
})

const person = (role: 'client' | 'writer' | 'support' | 'admin' = 'client') => newPerson(t, alpha, role)

const loginAnswer = (email: string) => t.api.post('/api/users/login', { ...ALPHA, body: { email, password: DEMO_PASSWORD } })
const codeOf = (secret: string, stepsAhead = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })
const works = async (token: string) => (await t.api.get('/api/users/sessions', { ...ALPHA, token, unchecked: true })).status === 200
const sessionsOf = async (id: number) => ((await t.payload.db.drizzle.execute(`SELECT count(*)::int AS n FROM users_sessions WHERE _parent_id = ${id}`)).rows[0] as { n: number }).n
const securityActions = async (userId: number) =>
  ((await t.payload.db.drizzle.execute(`SELECT action FROM audit_events WHERE kind = 'security' AND target_id = '${userId}' ORDER BY id`)).rows as { action: string }[]).map((r) => r.action)

/** Enrols `email` (signed in with `token`) and answers the seed and the recovery codes. */
const enrol = async (token: string) => {
  const started = await t.api.post('/api/users/2fa/enrol', { ...ALPHA, token })
  expect(started.status).toBe(200)
  const secret = started.body.secret as string
  const confirmed = await t.api.post('/api/users/2fa/confirm', { ...ALPHA, token, body: { code: codeOf(secret) } })
  expect(confirmed.status).toBe(200)
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[], started }
}

describe('enrolment', () => {
  it('gives an otpauth URI, its QR code and the seed; a wrong code is refused naming code; the right one answers ten recovery codes once', async () => {
    const me = await person()
    const token = (await t.api.login(me.email, DEMO_PASSWORD, ALPHA)) as string
    const started = await t.api.post('/api/users/2fa/enrol', { ...ALPHA, token })
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=/)
    expect(started.body.otpauthUri).toContain(encodeURIComponent(me.email).replace('%40', '@').split('@')[0])
    expect(started.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    const wrong = await t.api.post('/api/users/2fa/confirm', { ...ALPHA, token, body: { code: '000000' === codeOf(started.body.secret) ? '111111' : '000000' } })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.body)).toContain('code')

    const confirmed = await t.api.post('/api/users/2fa/confirm', { ...ALPHA, token, body: { code: codeOf(started.body.secret) } })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.recoveryCodes).toHaveLength(10)
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10)
    for (const code of confirmed.body.recoveryCodes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/)

    // At rest: sealed seed, hashed codes; through the API: only when it was switched on.
    const [row] = (await t.payload.db.drizzle.execute(`SELECT two_factor_secret AS s, two_factor_recovery_codes::text AS c FROM users WHERE id = ${me.id}`)).rows as { s: string; c: string }[]
    expect(row!.s).toMatch(/^v1\./)
    expect(row!.s).not.toContain(started.body.secret)
    for (const code of confirmed.body.recoveryCodes) expect(row!.c).not.toContain(code)
    const mine = await t.api.get(`/api/users/${me.id}`, { ...ALPHA, token })
    expect(mine.body.twoFactorEnabledAt).toEqual(expect.any(String))
    expect(JSON.stringify(mine.body)).not.toMatch(/twoFactorSecret|twoFactorRecoveryCodes|twoFactorPendingSecret|twoFactorLastStep/)
    expect((await t.api.post('/api/users/2fa/enrol', { ...ALPHA, token })).status).toBe(409)
    expect(await securityActions(me.id)).toContain('second_factor_enrolled')
  })
})

describe('signing in with a second factor', () => {
  it('answers a challenge instead of a token (no session, no cookie); the code finishes it once; a code is good once', async () => {
    const me = await person()
    const { secret } = await enrol((await t.api.login(me.email, DEMO_PASSWORD, ALPHA)) as string)
    const before = await sessionsOf(me.id)

    const first = await loginAnswer(me.email)
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ message: expect.any(String), mfaRequired: true, enrolRequired: false, challenge: expect.any(String) })
    expect(first.headers.get('set-cookie')).toBeNull()
    expect(await sessionsOf(me.id)).toBe(before)

    const wrong = await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: first.body.challenge, code: '12345' } })
    expect(wrong.status).toBe(400)
    const code = codeOf(secret, 1)
    const done = await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: first.body.challenge, code } })
    expect(done.status).toBe(200)
    expect(done.body.user.email).toBe(me.email)
    expect(done.headers.get('set-cookie')).toMatch(/^payload-token=ey/)
    expect(await works(done.body.token)).toBe(true)
    // The challenge is used up, and the same code cannot sign in again.
    expect((await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: first.body.challenge, code } })).status).toBe(400)
    const second = await loginAnswer(me.email)
    expect((await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: second.body.challenge, code } })).status).toBe(400)
    expect((await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: `${first.body.challenge}x`, code: codeOf(secret, 2) } })).status).toBe(401)
    expect(await securityActions(me.id)).toEqual(expect.arrayContaining(['second_factor_challenged', 'second_factor_failed', 'second_factor_used', 'login']))
  })

  it('takes a recovery code once', async () => {
    const me = await person()
    const { recoveryCodes } = await enrol((await t.api.login(me.email, DEMO_PASSWORD, ALPHA)) as string)
    const code = recoveryCodes[3]!
    const one = await loginAnswer(me.email)
    const used = await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: one.body.challenge, code: code.toUpperCase().replace('-', ' ') } })
    expect(used.status).toBe(200)
    const two = await loginAnswer(me.email)
    expect((await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: two.body.challenge, code } })).status).toBe(400)
    expect((await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: two.body.challenge, code: recoveryCodes[4] } })).status).toBe(200)
  })

  it('stops guessing: past ten codes in 15 minutes the account answers 429', async () => {
    const me = await person()
    await enrol((await t.api.login(me.email, DEMO_PASSWORD, ALPHA)) as string)
    const { body } = await loginAnswer(me.email)
    const statuses: number[] = []
    for (let i = 0; i < 11; i += 1) statuses.push((await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: body.challenge, code: String(100000 + i) }, unchecked: true })).status)
    expect(statuses.slice(0, 9).every((s) => s === 400)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })

  it('can be switched off with a code, and then the password alone signs in again', async () => {
    const me = await person()
    const token = (await t.api.login(me.email, DEMO_PASSWORD, ALPHA)) as string
    const { secret } = await enrol(token)
    expect((await t.api.post('/api/users/2fa/disable', { ...ALPHA, token, body: { code: '000001' } })).status).toBe(400)
    expect((await t.api.post('/api/users/2fa/disable', { ...ALPHA, token, body: { code: codeOf(secret, 1) } })).status).toBe(200)
    expect((await loginAnswer(me.email)).body.token).toEqual(expect.any(String))
  })
})

describe('twoFactorRequired', () => {
  it('on: an admin without a factor is signed out and cannot reach admin data until enrolled; a client is not asked; off again: the admin keeps their factor', async () => {
    const admin = await person('admin')
    const before = (await t.api.login(admin.email, DEMO_PASSWORD, ALPHA)) as string
    expect((await t.api.get('/api/users?limit=1', { ...ALPHA, token: before })).status).toBe(200)
    const client = await person()

    await whileSettings(t.payload, alpha, { features: { twoFactorRequired: true } }, { features: { twoFactorRequired: false } }, async () => {
      expect(await works(before)).toBe(false)
      const answer = await loginAnswer(admin.email)
      expect(answer.body).toEqual(expect.objectContaining({ mfaRequired: true, enrolRequired: true }))
      expect(answer.body.token).toBeUndefined()
      // Without the second step there is no token: admin data stays out of reach.
      expect((await t.api.get('/api/users?limit=1', { ...ALPHA, unchecked: true })).status).toBe(403)
      const setup = await t.api.post('/api/users/login/mfa/enrol', { ...ALPHA, body: { challenge: answer.body.challenge } })
      expect(setup.status).toBe(200)
      const done = await t.api.post('/api/users/login/mfa', { ...ALPHA, body: { challenge: answer.body.challenge, code: codeOf(setup.body.secret) } })
      expect(done.status).toBe(200)
      expect(done.body.recoveryCodes).toHaveLength(10)
      expect((await t.api.get('/api/users?limit=1', { ...ALPHA, token: done.body.token })).status).toBe(200)
      expect((await t.api.post('/api/users/2fa/disable', { ...ALPHA, token: done.body.token, body: { code: codeOf(setup.body.secret, 1) } })).status).toBe(403)

      expect((await loginAnswer(client.email)).body.token).toEqual(expect.any(String))
    })
    expect((await loginAnswer(admin.email)).body).toEqual(expect.objectContaining({ mfaRequired: true, enrolRequired: false }))
  })
})

describe('staff reset a lost second factor', () => {
  const beta = { host: 'beta.test' }
  const reset = (id: number, token: string, body: Record<string, unknown> = { reason: 'Identified by video call; lost phone.' }, at = ALPHA) => t.api.post(`/api/users/${id}/2fa/reset`, { ...at, token, body, unchecked: true })

  it('an admin of the website removes it with a reason: every session ends, the person is told, the audit trail says who and why, and the password alone signs in', async () => {
    const writer = await person('writer')
    const writerToken = (await t.api.login(writer.email, DEMO_PASSWORD, ALPHA)) as string
    await enrol(writerToken)
    const admin = await person('admin')
    const adminToken = (await t.api.login(admin.email, DEMO_PASSWORD, ALPHA)) as string

    const noReason = await reset(writer.id, adminToken, {})
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(noReason.body)).toContain('reason')
    expect(await works(writerToken)).toBe(true)

    const done = await reset(writer.id, adminToken)
    expect(done.status).toBe(200)
    expect(done.body.sessionsEnded).toBeGreaterThanOrEqual(1)
    expect(await works(writerToken)).toBe(false)
    expect(await sessionsOf(writer.id)).toBe(0)
    const [row] = (await t.payload.db.drizzle.execute(`SELECT two_factor_secret AS s, two_factor_enabled_at AS at FROM users WHERE id = ${writer.id}`)).rows as { s: string | null; at: string | null }[]
    expect(row).toEqual({ s: null, at: null })
    const signIn = await loginAnswer(writer.email)
    expect(signIn.status).toBe(200)
    expect(signIn.body.token).toEqual(expect.any(String))

    const [audit] = (await t.payload.db.drizzle.execute(`SELECT actor AS actor_id, changes::text AS changes FROM audit_events WHERE action = 'second_factor_reset' AND target_id = '${writer.id}'`)).rows as { actor_id: number; changes: string }[]
    expect(Number(audit!.actor_id)).toBe(admin.id)
    expect(audit!.changes).toContain('video call')
    const told = await t.payload.find({ collection: 'notifications', where: { and: [{ recipient: { equals: writer.id } }, { event: { equals: 'account.second_factor_reset' } }] }, depth: 0 })
    expect(told.totalDocs).toBe(1)

    // Nothing left to reset.
    expect((await reset(writer.id, adminToken)).status).toBe(409)
  })

  it('is refused to the person themselves, to support, for another admin, and from another website', async () => {
    const victim = await person('client')
    const victimToken = (await t.api.login(victim.email, DEMO_PASSWORD, ALPHA)) as string
    await enrol(victimToken)
    const otherAdmin = await person('admin')
    const otherAdminToken = (await t.api.login(otherAdmin.email, DEMO_PASSWORD, ALPHA)) as string
    await enrol(otherAdminToken)
    const admin = await person('admin')
    const adminToken = (await t.api.login(admin.email, DEMO_PASSWORD, ALPHA)) as string
    const support = await person('support')
    const supportToken = (await t.api.login(support.email, DEMO_PASSWORD, ALPHA)) as string
    const betaAdmin = await newPerson(t, await websiteId(t, 'beta'), 'admin')
    const betaToken = (await t.api.login(betaAdmin.email, DEMO_PASSWORD, beta)) as string

    expect((await reset(victim.id, victimToken)).status).toBe(403)
    expect((await reset(victim.id, supportToken)).status).toBe(403)
    expect((await reset(otherAdmin.id, adminToken)).status).toBe(403)
    expect((await reset(victim.id, betaToken, undefined, beta)).status).toBe(404)
    const [row] = (await t.payload.db.drizzle.execute(`SELECT count(*)::int AS n FROM users WHERE id IN (${victim.id}, ${otherAdmin.id}) AND two_factor_enabled_at IS NOT NULL`)).rows as { n: number }[]
    expect(row!.n).toBe(2)
    expect(await works(victimToken)).toBe(true)
  })
})
