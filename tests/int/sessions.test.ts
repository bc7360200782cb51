import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'
import { recordActivity, resetSessionActivity, useSessionActivityStore } from '@/security/sessionActivity'

import type { TestContext } from '../helpers/testPayload'
import { newPerson, websiteId } from '../helpers/newPerson'
import { startTestPayload } from '../helpers/testPayload'
import { whileSettings } from '../helpers/websiteSwitches'

/**
 * Sessions (issue 16): every token is a session of Payload's, checked on each request for
 * its idle timeout (per website and role), listed and revoked by its owner, ended by a
 * logout, a password change and the concurrent-session limit. The clock is controlled by
 * moving a session's last activity into the past, as time would.
 */

let t: TestContext
let alpha: number
const ALPHA = { host: 'alpha.test' }
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteId(t, 'alpha')
})
afterAll(async () => {
  await t?.close()
})

const person = (role: 'client' | 'writer' | 'support' | 'admin' = 'client') => newPerson(t, alpha, role)

const login = async (email: string, options: { agent?: string; address?: string; password?: string } = {}) => {
  const res = await t.api.post('/api/users/login', { ...ALPHA, address: options.address ?? '203.0.113.10', headers: { 'user-agent': options.agent ?? FIREFOX }, body: { email, password: options.password ?? DEMO_PASSWORD } })
  expect(res.status).toBe(200)
  return res.body.token as string
}

const sidOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid

/** Whether the token still signs its holder in (an endpoint that needs a session). */
const works = async (token: string) => {
  const res = await t.api.get('/api/users/sessions', { ...ALPHA, token, unchecked: true })
  if (res.status !== 200 && res.status !== 401) throw new Error(`unexpected ${res.status}`)
  return res.status === 200
}

const endOf = async (token: string) => {
  const [row] = (await t.payload.db.drizzle.execute(`SELECT end_reason, ended_at FROM login_sessions WHERE sid = '${sidOf(token)}'`)).rows as { end_reason: string | null }[]
  return row?.end_reason ?? null
}

const idleFor = (token: string, minutes: number) => recordActivity(sidOf(token), Date.now() - minutes * 60_000)

const securityActions = async (userId: number) =>
  ((await t.payload.db.drizzle.execute(`SELECT action FROM audit_events WHERE kind = 'security' AND target_id = '${userId}' ORDER BY id`)).rows as { action: string }[]).map((r) => r.action)

describe('a session', () => {
  it('is listed with its device and address, and every signed-in answer says when it will end', async () => {
    const me = await person()
    const token = await login(me.email, { address: '203.0.113.77' })
    const res = await t.api.get('/api/users/sessions', { ...ALPHA, token })
    expect(res.status).toBe(200)
    expect(res.body.sessions).toEqual([expect.objectContaining({ id: sidOf(token), device: 'Firefox on Windows', address: '203.0.113.77', current: true })])
    // A client on Alpha: 8 hours without a request.
    expect(res.headers.get('x-session-idle-timeout')).toBe(String(480 * 60))
    const endsAt = Date.parse(res.headers.get('x-session-expires-at')!)
    expect(endsAt).toBeGreaterThan(Date.now() + 479 * 60_000)
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 480 * 60_000)
  })

  it('is refused after its role’s idle timeout and its row says so; a session active within it goes on', async () => {
    const staff = await person('support')
    const idle = await login(staff.email)
    const active = await login(staff.email)
    await idleFor(idle, 31)
    await idleFor(active, 29)
    expect(await works(idle)).toBe(false)
    expect(await endOf(idle)).toBe('idle')
    expect(await works(active)).toBe(true)
    // Refused for good, even once its stamp is fresh again.
    await recordActivity(sidOf(idle), Date.now())
    expect(await works(idle)).toBe(false)

    const writer = await person('writer')
    const writerToken = await login(writer.email)
    await idleFor(writerToken, 119)
    expect(await works(writerToken)).toBe(true)
    await idleFor(writerToken, 121)
    expect(await works(writerToken)).toBe(false)
  })

  it('is not kept alive by background polling (X-Session-Passive), which still sees it end', async () => {
    const staff = await person('support')
    const token = await login(staff.email)
    await idleFor(token, 20)
    const polled = await t.api.get('/api/users/sessions', { ...ALPHA, token, headers: { 'x-session-passive': '1' } })
    expect(polled.status).toBe(200)
    // The end stays where the last real request put it (10 minutes from now), not 30.
    expect(Date.parse(polled.headers.get('x-session-expires-at')!)).toBeLessThan(Date.now() + 11 * 60_000)
    await idleFor(token, 31)
    expect((await t.api.get('/api/users/sessions', { ...ALPHA, token, headers: { 'x-session-passive': '1' }, unchecked: true })).status).toBe(401)
  })

  it('follows the website’s setting (flipped: 10 minutes for clients), and the database stamp when the store lost it', async () => {
    const me = await person()
    const token = await login(me.email)
    await whileSettings(t.payload, alpha, { clientIdleTimeoutMinutes: 10 }, { clientIdleTimeoutMinutes: 480 }, async () => {
      await idleFor(token, 9)
      const res = await t.api.get('/api/users/sessions', { ...ALPHA, token })
      expect(res.headers.get('x-session-idle-timeout')).toBe('600')
      await idleFor(token, 11)
      expect(await works(token)).toBe(false)

      // A restart without Redis: the store is empty, the row's stamp (written at most once a minute) decides.
      const other = await login(me.email)
      await t.payload.db.drizzle.execute(`UPDATE login_sessions SET last_activity_at = now() - interval '11 minutes' WHERE sid = '${sidOf(other)}'`)
      resetSessionActivity()
      expect(await works(other)).toBe(false)
    })
  })

  it('is useless at once after logout (the logged-out token never works again)', async () => {
    const me = await person()
    const token = await login(me.email)
    const out = await t.api.post('/api/users/logout', { ...ALPHA, token, unchecked: true })
    expect(out.status).toBe(200)
    expect(await works(token)).toBe(false)
    expect((await t.api.get('/api/users/me', { ...ALPHA, token })).body.user).toBeNull()
    expect(await endOf(token)).toBe('logout')
  })

  it('is revoked by its owner from another session; another person’s session is a 404', async () => {
    const me = await person()
    const phone = await login(me.email, { agent: SAFARI })
    const laptop = await login(me.email)
    const stranger = await login((await person()).email)

    expect((await t.api.delete(`/api/users/sessions/${sidOf(phone)}`, { ...ALPHA, token: stranger })).status).toBe(404)
    expect(await works(phone)).toBe(true)

    const listed = (await t.api.get('/api/users/sessions', { ...ALPHA, token: laptop })).body.sessions as { id: string; device: string; current: boolean }[]
    expect(listed.map((s) => [s.device, s.current])).toEqual([
      ['Firefox on Windows', true],
      ['Safari on iPhone', false],
    ])
    const revoked = await t.api.delete(`/api/users/sessions/${sidOf(phone)}`, { ...ALPHA, token: laptop })
    expect(revoked.body).toEqual({ message: 'Signed out.', id: sidOf(phone) })
    expect(await works(phone)).toBe(false)
    expect(await works(laptop)).toBe(true)
    expect(await endOf(phone)).toBe('revoked')
    expect((await t.api.delete(`/api/users/sessions/${sidOf(phone)}`, { ...ALPHA, token: laptop })).status).toBe(404)
    expect((await t.api.delete('/api/users/sessions/not-a-session', { ...ALPHA, token: laptop })).status).toBe(400)
    expect(await securityActions(me.id)).toContain('session_revoked')
  })

  it('ends everywhere with logout-all, which clears the cookie too', async () => {
    const me = await person()
    const one = await login(me.email)
    const two = await login(me.email, { agent: SAFARI })
    const res = await t.api.post('/api/users/logout-all', { ...ALPHA, token: one })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ message: 'Signed out everywhere.', ended: 2 })
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=;/)
    expect(Date.parse(/Expires=([^;]+)/.exec(cookie)![1]!)).toBeLessThanOrEqual(Date.now())
    expect(await works(one)).toBe(false)
    expect(await works(two)).toBe(false)
    expect(await securityActions(me.id)).toContain('sessions_revoked_all')
  })

  it('of others ends when the password changes (the changing session stays); an admin’s reset ends them all', async () => {
    const me = await person()
    const here = await login(me.email)
    const there = await login(me.email, { agent: SAFARI })
    const changed = await t.api.patch(`/api/users/${me.id}`, { ...ALPHA, token: here, body: { password: 'A-new-password-2' } })
    expect(changed.status).toBe(200)
    expect(await works(there)).toBe(false)
    expect(await endOf(there)).toBe('password_change')
    expect(await works(here)).toBe(true)

    const admin = await login('admin@alpha.test')
    expect((await t.api.patch(`/api/users/${me.id}`, { ...ALPHA, token: admin, body: { password: 'A-newer-password-3' } })).status).toBe(200)
    expect(await works(here)).toBe(false)
  })

  it('the sixth concurrent sign-in ends the first (limit 5 by default), and the limit follows the website', async () => {
    const me = await person()
    const tokens: string[] = []
    for (let i = 0; i < 6; i += 1) tokens.push(await login(me.email))
    expect(await works(tokens[0]!)).toBe(false)
    expect(await endOf(tokens[0]!)).toBe('limit')
    for (const token of tokens.slice(1)) expect(await works(token)).toBe(true)
    expect(await securityActions(me.id)).toContain('session_limit')

    await whileSettings(t.payload, alpha, { sessionLimits: { client: 2 } }, { sessionLimits: { client: 5 } }, async () => {
      const third = await login(me.email)
      const listed = (await t.api.get('/api/users/sessions', { ...ALPHA, token: third })).body.sessions as unknown[]
      expect(listed).toHaveLength(2)
      expect(await works(tokens[5]!)).toBe(true)
      expect(await works(tokens[4]!)).toBe(false)
    })
  })

  it('from a device and address never seen on the account tells its owner; the same one again does not', async () => {
    const me = await person()
    const notices = async () => (await t.payload.count({ collection: 'notifications', where: { and: [{ recipient: { equals: me.id } }, { event: { equals: 'account.new_sign_in' } }] }, overrideAccess: true })).totalDocs
    await login(me.email, { address: '203.0.113.20' })
    expect(await notices()).toBe(0) // the first sign-in ever is not news
    await login(me.email, { address: '203.0.113.20' })
    expect(await notices()).toBe(0)
    await login(me.email, { agent: SAFARI, address: '198.51.100.99' })
    expect(await notices()).toBe(1)
  })
})

describe('who reads sign-ins', () => {
  it('the owner reads their own; a website’s admin reads its sign-ins, never another website’s; another client none', async () => {
    const me = await person()
    await login(me.email)
    const betaClient = await t.api.post('/api/users/login', { host: 'beta.test', body: { email: 'client@beta.test', password: DEMO_PASSWORD } })
    const betaRow = (await t.payload.find({ collection: 'login-sessions', where: { sid: { equals: sidOf(betaClient.body.token) } }, depth: 0 })).docs[0]!
    const mine = (await t.payload.find({ collection: 'login-sessions', where: { user: { equals: me.id } }, depth: 0 })).docs[0]!
    const admin = await login('admin@alpha.test')
    const stranger = await login((await person()).email)

    expect((await t.api.get(`/api/login-sessions/${mine.id}`, { ...ALPHA, token: await login(me.email) })).status).toBe(200)
    expect((await t.api.get(`/api/login-sessions/${mine.id}`, { ...ALPHA, token: admin })).status).toBe(200)
    expect((await t.api.get(`/api/login-sessions/${mine.id}`, { ...ALPHA, token: stranger })).status).toBe(404)
    expect((await t.api.get(`/api/login-sessions/${betaRow.id}`, { ...ALPHA, token: admin })).status).toBe(404)
    const listed = await t.api.get('/api/login-sessions?limit=100&depth=0', { ...ALPHA, token: admin })
    expect(listed.body.docs.map((d: { id: number }) => d.id)).not.toContain(betaRow.id)
    expect((await t.api.patch(`/api/login-sessions/${mine.id}`, { ...ALPHA, token: admin, body: { deviceLabel: 'x' }, unchecked: true })).status).toBe(403)
  })
})

describe('with Redis', () => {
  it('keeps the activity stamps there, so every web process sees the same idle time', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 })
    useSessionActivityStore(redis)
    try {
      const me = await person()
      const token = await login(me.email)
      expect(await works(token)).toBe(true)
      const keys = await redis.keys(`*session-activity:${sidOf(token)}`)
      expect(keys).toHaveLength(1)
      // Another process's view: only Redis, no memory of this one.
      resetSessionActivity()
      await redis.set(keys[0]!, String(Date.now() - 481 * 60_000))
      expect(await works(token)).toBe(false)
    } finally {
      useSessionActivityStore(null)
      redis.disconnect()
    }
  })
})
