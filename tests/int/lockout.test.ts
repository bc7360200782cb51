import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { LOCKOUT } from '@/domain/logins/throttle'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { startDeliveringPayload } from '../helpers/deliveringPayload'
import type { MailSink } from '../helpers/smtp'
import type { TestContext } from '../helpers/testPayload'
import { whileSettings } from '../helpers/websiteSwitches'

/**
 * Failed-login lockout (issue 16): an (account, address) pair locked out after the
 * website's number of failures (15 min, 1 h, 24 h), never another address; the same
 * answer for known and unknown emails; the owner's single-use unlock link past the
 * account-wide ceiling; staff unlock; the trail and the owner's notification.
 */

let t: TestContext
let sink: MailSink
let close: (() => Promise<void>) | undefined
let alpha: number

beforeAll(async () => {
  ;({ t, sink, close } = await startDeliveringPayload())
  alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
})
afterAll(async () => close?.())
afterEach(() => {
  vi.useRealTimers()
})

const login = (email: string, password: string, address: string, host = 'alpha.test') => t.api.post('/api/users/login', { host, address, body: { email, password } })
const failTimes = async (n: number, email: string, address: string, host = 'alpha.test') => {
  for (let i = 1; i <= n; i++) expect((await login(email, 'wrong-password', address, host)).status, `failure ${i} of ${email} from ${address}`).toBe(401)
}
const userId = async (email: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0]!.id
const tokenOf = async (email: string, address: string, host = 'alpha.test') => {
  const res = await login(email, DEMO_PASSWORD, address, host)
  expect(res.status).toBe(200)
  return res.body.token as string
}
const securityRows = async (action: string, target: number) =>
  (await t.payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: action } }, { targetId: { equals: String(target) } }] }, depth: 0, sort: 'createdAt', limit: 50 })).docs

const LOCKED = /^Too many failed logins from this address for this account; try again in \d+ s\.$/

it('locked after five failed logins from one address: the sixth, with the right password, is refused; another address logs in', async () => {
  await failTimes(5, 'client@alpha.test', '203.0.113.1')
  const refused = await login('client@alpha.test', DEMO_PASSWORD, '203.0.113.1')
  expect(refused.status).toBe(429)
  expect(refused.body.token).toBeUndefined()
  expect(refused.body.errors[0].message).toMatch(LOCKED)
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(LOCKOUT.stepsS[0] - 60)
  expect((await login('client@alpha.test', DEMO_PASSWORD, '203.0.113.2')).status).toBe(200)
  // Still locked for the first address: the other address's success lifts nothing of it.
  expect((await login('client@alpha.test', DEMO_PASSWORD, '203.0.113.1')).status).toBe(429)

  const client = await userId('client@alpha.test')
  const lockouts = await securityRows('lockout', client)
  expect(lockouts).toHaveLength(1)
  expect(lockouts[0]!.changes).toEqual({ address: '203.0.113.1', lockout: 1, minutes: 15 })
  const told = await t.payload.find({ collection: 'notifications', where: { and: [{ recipient: { equals: client } }, { event: { equals: 'account.locked_out' } }] }, depth: 0 })
  expect(told.docs).toHaveLength(1)
  expect(told.docs[0]!.body).toContain('After 5 failed logins from 203.0.113.1, that address cannot log in to your account for 15 minutes.')
})

it('unknown and known emails get the same answer: status, body and headers, before and after the lockout', async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date() })
  const answers = { known: [] as unknown[], unknown: [] as unknown[] }
  const answer = async (email: string, address: string) => {
    const res = await login(email, 'wrong-password', address)
    return { status: res.status, body: res.body, headers: Object.fromEntries(res.headers) }
  }
  for (let i = 1; i <= 6; i++) {
    answers.known.push(await answer('client2@alpha.test', '203.0.113.10'))
    answers.unknown.push(await answer('nobody-here@alpha.test', '203.0.113.11'))
  }
  expect(answers.unknown).toEqual(answers.known)
  expect((answers.known.at(-1) as { status: number }).status).toBe(429)
  expect((answers.known.at(-1) as { headers: Record<string, string> }).headers['retry-after']).toBe(String(LOCKOUT.stepsS[0]))
})

it('repeated lockouts grow: 15 minutes, then an hour, then a day; remembered for a day', async () => {
  const start = Date.now()
  vi.useFakeTimers({ toFake: ['Date'], now: start })
  const address = '203.0.113.20'
  const retryAfter = async () => {
    const res = await login('writer@alpha.test', DEMO_PASSWORD, address)
    expect(res.status).toBe(429)
    return Number(res.headers.get('retry-after'))
  }
  const seen: number[] = []
  let clock = start
  for (let round = 0; round < 3; round++) {
    await failTimes(5, 'writer@alpha.test', address)
    const locked = await retryAfter()
    seen.push(locked)
    // Just past the lockout: the limiter's own expiry, read against the moved clock.
    clock += (locked + 1) * 1000
    vi.setSystemTime(clock)
  }
  expect(seen).toEqual([...LOCKOUT.stepsS])
  // A day after the count began, the pair starts again at the first step.
  vi.setSystemTime(start + (LOCKOUT.memoryS + 1) * 1000 + seen.reduce((a, b) => a + b, 0) * 1000)
  await failTimes(5, 'writer@alpha.test', address)
  expect(await retryAfter()).toBe(LOCKOUT.stepsS[0])
  // Within the lockout the right password from elsewhere still works.
  expect((await login('writer@alpha.test', DEMO_PASSWORD, '203.0.113.21')).status).toBe(200)
}, 300_000)

it('the website’s setting decides the count; out of range is a 400 naming it that changes nothing', async () => {
  await whileSettings(t.payload, alpha, { lockout: { failures: 3 } }, { lockout: { failures: 5 } }, async () => {
    await failTimes(3, 'support@alpha.test', '203.0.113.30')
    expect((await login('support@alpha.test', DEMO_PASSWORD, '203.0.113.30')).status).toBe(429)
  })
  // Back at five: three failures leave the address free.
  await failTimes(3, 'support@alpha.test', '203.0.113.31')
  expect((await login('support@alpha.test', DEMO_PASSWORD, '203.0.113.31')).status).toBe(200)

  const superadmin = await tokenOf('superadmin@scriptorium.test', '203.0.113.32', 'localhost')
  const refused = await t.api.patch(`/api/tenants/${alpha}`, { token: superadmin, body: { settings: { lockout: { failures: 2 } } } })
  expect(refused.status).toBe(400)
  expect(JSON.stringify(refused.body)).toContain('settings.lockout.failures')
  const kept = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })
  expect(kept.settings?.lockout?.failures).toBe(5)
})

describe('staff unlock', () => {
  it('an admin of the user’s website lifts every lockout; a client, and an admin of another website, cannot', async () => {
    const client = await userId('client2@beta.test')
    await failTimes(5, 'client2@beta.test', '203.0.113.40', 'beta.test')
    await failTimes(5, 'client2@beta.test', '203.0.113.41', 'beta.test')
    const locked = async () => (await login('client2@beta.test', DEMO_PASSWORD, '203.0.113.40', 'beta.test')).status

    const ownToken = await tokenOf('client2@beta.test', '203.0.113.42', 'beta.test')
    expect((await t.api.post(`/api/users/${client}/unlock`, { host: 'beta.test', token: ownToken })).status).toBe(403)
    const otherClient = await tokenOf('client@beta.test', '203.0.113.43', 'beta.test')
    expect((await t.api.post(`/api/users/${client}/unlock`, { host: 'beta.test', token: otherClient })).status).toBe(404)
    const alphaAdmin = await tokenOf('admin@alpha.test', '203.0.113.44')
    expect((await t.api.post(`/api/users/${client}/unlock`, { host: 'alpha.test', token: alphaAdmin })).status).toBe(404)
    expect((await t.api.post('/api/users/unlock', { host: 'alpha.test', token: alphaAdmin, body: { email: 'client2@beta.test' } })).status).toBe(403)
    expect((await t.api.post(`/api/users/${client}/unlock`, { host: 'beta.test' })).status).toBe(401)
    expect(await locked()).toBe(429)
    expect(await securityRows('unlock', client)).toHaveLength(0)

    const betaAdmin = await tokenOf('admin@beta.test', '203.0.113.45', 'beta.test')
    const unlocked = await t.api.post(`/api/users/${client}/unlock`, { host: 'beta.test', token: betaAdmin })
    expect(unlocked.status).toBe(200)
    expect(unlocked.body).toEqual({ message: 'Every lockout of the account is lifted.', user: client })
    expect(await locked()).toBe(200)
    expect((await login('client2@beta.test', DEMO_PASSWORD, '203.0.113.41', 'beta.test')).status).toBe(200)

    // Payload's own unlock does the same.
    await failTimes(5, 'client2@beta.test', '203.0.113.46', 'beta.test')
    expect((await login('client2@beta.test', DEMO_PASSWORD, '203.0.113.46', 'beta.test')).status).toBe(429)
    expect((await t.api.post('/api/users/unlock', { host: 'beta.test', token: betaAdmin, body: { email: 'client2@beta.test' } })).status).toBe(200)
    expect((await login('client2@beta.test', DEMO_PASSWORD, '203.0.113.46', 'beta.test')).status).toBe(200)

    const rows = await securityRows('unlock', client)
    expect(rows.map((r) => [r.changes, r.actorEmail])).toEqual([
      [{ by: 'staff' }, 'admin@beta.test'],
      [{ by: 'staff' }, 'admin@beta.test'],
    ])
  }, 300_000)
})

it('past the account-wide ceiling the owner is mailed an unlock link: it lifts every lockout once, a second use is a 409', async () => {
  const owner = await userId('writer2@beta.test')
  // Ten addresses fail five times each (each locked out at its fifth), the 51st attempt passes the ceiling.
  await Promise.all(Array.from({ length: 10 }, (_, a) => failTimes(5, 'writer2@beta.test', `198.51.100.${a + 1}`, 'beta.test')))
  expect((await login('writer2@beta.test', 'wrong-password', '198.51.100.11', 'beta.test')).status).toBe(401)
  expect((await login('writer2@beta.test', DEMO_PASSWORD, '198.51.100.1', 'beta.test')).status).toBe(429)

  const mailOf = () => sink.mails.find((m) => JSON.stringify(m.to).includes('writer2@beta.test') && m.subject?.startsWith('Failed logins'))
  await expect.poll(() => Boolean(mailOf()), { timeout: 15_000 }).toBe(true)
  const text = mailOf()!.text ?? ''
  expect(text).toContain('unlock and secure your account')
  const token = /\/unlock-account\/([A-Za-z0-9_-]+)/.exec(text)?.[1]
  expect(token).toEqual(expect.any(String))
  // The stored value is the token's hash, never the token.
  const stored = await t.payload.db.findOne<{ id: number; unlockTokenHash: string }>({ collection: 'users', where: { id: { equals: owner } } })
  expect(stored!.unlockTokenHash).not.toContain(token!)

  const unlock = (body: unknown) => t.api.post('/api/auth/unlock', { host: 'beta.test', address: '198.51.100.50', body })
  expect((await unlock({})).status).toBe(400)
  expect((await unlock({ token: 'x'.repeat(32) })).status).toBe(404)
  const first = await unlock({ token })
  expect(first.status).toBe(200)
  expect(first.body.message).toMatch(/^Every lockout of your account is lifted\./)
  for (let a = 1; a <= 10; a++) expect((await login('writer2@beta.test', DEMO_PASSWORD, `198.51.100.${a}`, 'beta.test')).status, `address ${a}`).toBe(200)

  const second = await unlock({ token })
  expect(second.status).toBe(409)
  expect(second.body.errors[0].message).toBe('This unlock link was already used. Log in, or use "Forgot password" if you still cannot.')
  const rows = await securityRows('unlock', owner)
  expect(rows.map((r) => [r.changes, r.actorEmail])).toEqual([[{ by: 'link' }, 'writer2@beta.test']])
}, 300_000)
