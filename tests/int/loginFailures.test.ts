import { pbkdf2Sync } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { LiveEvent } from '@/events/bus'
import { DEMO_PASSWORD } from '@/seed/demoData'
import { dummyPasswordHashRuns, PAYLOAD_PASSWORD_HASH } from '@/security/dummyPasswordHash'

import { startDeliveringPayload } from '../helpers/deliveringPayload'
import type { MailSink } from '../helpers/smtp'
import type { TestContext } from '../helpers/testPayload'

/**
 * Failed logins: counted per (account, address) across websites and held back per pair,
 * never for other addresses; an account-wide ceiling that alerts without locking; one
 * answer after the same work for every refusal. Over REST and GraphQL.
 */

let t: TestContext
let sink: MailSink
let delivered: LiveEvent[]
let close: (() => Promise<void>) | undefined

beforeAll(async () => {
  ;({ t, sink, delivered, close } = await startDeliveringPayload())
})
afterAll(async () => close?.())

type From = { host?: string; address?: string }
type Answer = { status: number; body: unknown; token: string | null; retryAfter: string | null; message: string | null }

const LOGIN_USER = 'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }'

const transports: Record<'REST' | 'GraphQL', (email: string, password: string, from?: From) => Promise<Answer>> = {
  REST: async (email, password, { host = 'alpha.test', address } = {}) => {
    const res = await t.api.post('/api/users/login', { host, address, body: { email, password } })
    return { status: res.status, body: res.body, token: res.body?.token ?? null, retryAfter: res.headers.get('retry-after'), message: res.body?.errors?.[0]?.message ?? null }
  },
  GraphQL: async (email, password, { host = 'alpha.test', address } = {}) => {
    const res = await t.api.graphql(LOGIN_USER, { host, address, variables: { email, password } })
    const error = res.body?.errors?.[0]
    return {
      status: error ? error.extensions.statusCode : res.status,
      body: res.body,
      token: res.body?.data?.loginUser?.token ?? null,
      retryAfter: res.headers.get('retry-after'),
      message: error?.message ?? null,
    }
  },
}

const REFUSED_ON_ALPHA = 'The email or password is wrong for Alpha Essays. Clients and writers log in on the website where they registered.'
const REFUSED_ON_BETA = 'The email or password is wrong for Beta Papers. Clients and writers log in on the website where they registered.'

describe.each(Object.entries(transports))('%s', (_transport, login) => {
  it('ten wrong passwords from one address, then the right one from another address: logged in', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 10; i++) {
      const res = await login('writer@alpha.test', 'wrong-password', { address: '192.0.2.1' })
      statuses.push(res.status)
      expect(res.token).toBeNull()
    }
    // Five failures, then that address is held back for this account.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429])
    const owner = await login('writer@alpha.test', DEMO_PASSWORD, { address: '192.0.2.2' })
    expect(owner.status).toBe(200)
    expect(owner.token).toEqual(expect.any(String))
  })

  it('a pair failing five times is locked out (15 minutes), even with the right password; other pairs are not', async () => {
    for (let i = 1; i <= 5; i++) expect((await login('client@alpha.test', 'wrong-password', { address: '192.0.2.10' })).status, `failure ${i}`).toBe(401)
    const refused = await login('client@alpha.test', DEMO_PASSWORD, { address: '192.0.2.10' })
    expect(refused.status).toBe(429)
    expect(refused.token).toBeNull()
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(15 * 60)
    expect(refused.message).toMatch(/^Too many failed logins from this address for this account; try again in \d+ s\.$/)
    // The same account from another address, and another account from the same address.
    expect((await login('client@alpha.test', DEMO_PASSWORD, { address: '192.0.2.11' })).status).toBe(200)
    expect((await login('client2@alpha.test', DEMO_PASSWORD, { address: '192.0.2.10' })).status).toBe(200)
    // Counted across websites: the pair stays refused on Beta too.
    expect((await login('client@alpha.test', DEMO_PASSWORD, { host: 'beta.test', address: '192.0.2.10' })).status).toBe(429)
  })

  it('every refusal is the same answer, naming only the website; the ones without a stored hash to check run a dummy hash', async () => {
    const refusal = async (email: string, password: string, host: string, address: string) => {
      const before = dummyPasswordHashRuns()
      const answer = await login(email, password, { host, address })
      return { answer: { status: answer.status, body: answer.body }, dummyHashes: dummyPasswordHashRuns() - before }
    }
    const onBeta = {
      wrongPassword: await refusal('client@beta.test', 'wrong-password', 'beta.test', '192.0.2.40'),
      unknownEmail: await refusal('nobody@beta.test', 'wrong-password', 'beta.test', '192.0.2.41'),
      otherWebsiteRightPassword: await refusal('client@alpha.test', DEMO_PASSWORD, 'beta.test', '192.0.2.42'),
      otherWebsiteWrongPassword: await refusal('client@alpha.test', 'wrong-password', 'beta.test', '192.0.2.43'),
      staffNotHoldingBeta: await refusal('support@alpha.test', DEMO_PASSWORD, 'beta.test', '192.0.2.44'),
    }
    expect(onBeta.wrongPassword.answer.status).toBe(401)
    for (const [kind, seen] of Object.entries(onBeta)) expect(seen.answer, kind).toEqual(onBeta.wrongPassword.answer)
    expect(JSON.stringify(onBeta.wrongPassword.answer.body)).toContain(REFUSED_ON_BETA)
    expect(onBeta.wrongPassword.dummyHashes).toBe(0)
    expect(onBeta.unknownEmail.dummyHashes).toBe(1)
    expect(onBeta.otherWebsiteRightPassword.dummyHashes).toBe(1)
    expect(onBeta.otherWebsiteWrongPassword.dummyHashes).toBe(1)
    expect(onBeta.staffNotHoldingBeta.dummyHashes).toBe(1)

    // No website named (the platform host): a client and an unknown email alike.
    const client = await refusal('client@alpha.test', DEMO_PASSWORD, 'localhost:3000', '192.0.2.45')
    const unknown = await refusal('nobody@alpha.test', DEMO_PASSWORD, 'localhost:3000', '192.0.2.46')
    expect(client.answer).toEqual(unknown.answer)
    expect(client.answer.status).toBe(401)
    expect(JSON.stringify(client.answer.body)).toContain('The email or password is wrong. Clients and writers log in on the website where they registered.')

    // A right password on the right website runs no dummy hash.
    const before = dummyPasswordHashRuns()
    expect((await login('client@beta.test', DEMO_PASSWORD, { host: 'beta.test', address: '192.0.2.47' })).status).toBe(200)
    expect(dummyPasswordHashRuns()).toBe(before)
  })
})

describe('REST (the same screening as GraphQL)', () => {
  const login = transports.REST
  it('a success starts the pair again from zero', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('client@alpha.test', 'wrong-password', { address: '192.0.2.20' })).status).toBe(401)
    expect((await login('client@alpha.test', DEMO_PASSWORD, { address: '192.0.2.20' })).status).toBe(200)
    for (let i = 1; i <= 4; i++) expect((await login('client@alpha.test', 'wrong-password', { address: '192.0.2.20' })).status, `failure ${i} after the success`).toBe(401)
    expect((await login('client@alpha.test', DEMO_PASSWORD, { address: '192.0.2.20' })).status).toBe(200)
  })

  it('wrong-website refusals and unknown emails are counted like wrong passwords', async () => {
    for (let i = 1; i <= 5; i++) expect((await login('client@alpha.test', DEMO_PASSWORD, { host: 'beta.test', address: '192.0.2.30' })).status).toBe(401)
    expect((await login('client@alpha.test', DEMO_PASSWORD, { address: '192.0.2.30' })).status).toBe(429)
    for (let i = 1; i <= 5; i++) expect((await login('nobody@alpha.test', 'wrong-password', { address: '192.0.2.30' })).status).toBe(401)
    expect((await login('nobody@alpha.test', 'wrong-password', { address: '192.0.2.30' })).status).toBe(429)
  })
})

it('REST refusals read the same as Payload’s own wrong password, word for word', async () => {
  const res = await transports.REST('client@alpha.test', 'wrong-password', { address: '192.0.2.50' })
  expect(res.body).toEqual({ errors: [{ message: REFUSED_ON_ALPHA }] })
})

it('above the account-wide ceiling: staff are alerted and the owner mailed once per window; the owner still logs in', async () => {
  const outboxOf = async (type: string) =>
    (await t.payload.find({ collection: 'outbox', where: { type: { equals: type } }, depth: 0, limit: 100 })).docs.filter(
      (row) => type !== 'live.event' || (row.payload as { event?: string }).event === 'security.login_failures',
    )
  // 50 failures from ten addresses (five each: no address is refused before its last).
  await Promise.all(
    Array.from({ length: 10 }, async (_, a) => {
      for (let i = 0; i < 5; i++) expect((await transports.REST('writer2@alpha.test', 'wrong-password', { address: `198.18.0.${a + 1}` })).status).toBe(401)
    }),
  )
  expect(await outboxOf('mail.loginFailures')).toHaveLength(0)

  // The 51st attempt, the owner's own, passes the ceiling: alert written, login not refused.
  const owner = await transports.REST('writer2@alpha.test', DEMO_PASSWORD, { address: '198.18.1.1' })
  expect(owner.status).toBe(200)

  const { docs: alpha } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })
  const { docs: users } = await t.payload.find({ collection: 'users', where: { email: { equals: 'writer2@alpha.test' } }, depth: 0 })
  const staffAlerts = await outboxOf('live.event')
  expect(staffAlerts).toHaveLength(1)
  expect(staffAlerts[0]!.payload).toEqual({
    audience: { staffOfTenant: alpha[0]!.id },
    event: 'security.login_failures',
    data: { user: users[0]!.id, email: 'writer2@alpha.test', failures: 50, windowMinutes: 60 },
  })
  expect(await outboxOf('mail.loginFailures')).toHaveLength(1)
  // The unlock link's token is a secret of the job, gone from the row once the job ran
  // (tests/int/lockout.test.ts follows the link). A loaded machine runs it a moment later.
  await expect.poll(async () => (await outboxOf('mail.loginFailures'))[0]?.status, { timeout: 10_000 }).toBe('done')
  const mails = await outboxOf('mail.loginFailures')
  expect(mails[0]!.payload).toEqual({ userId: users[0]!.id, failures: 50, windowMinutes: 60, token: '[redacted]' })

  // More failures in the same window (the owner's success gave one point back): no second alert.
  for (let i = 0; i < 3; i++) expect((await transports.REST('writer2@alpha.test', 'wrong-password', { address: '198.18.2.1' })).status).toBe(401)
  expect((await transports.GraphQL('writer2@alpha.test', DEMO_PASSWORD, { address: '198.18.2.2' })).status).toBe(200)
  expect(await outboxOf('live.event')).toHaveLength(1)
  expect(await outboxOf('mail.loginFailures')).toHaveLength(1)

  // The rows were committed although the failed logins around them rolled back: the staff
  // of Alpha hear of it and the mail goes out.
  await expect.poll(() => delivered.filter((e) => e.event === 'security.login_failures').map((e) => e.audience), { timeout: 10_000 }).toEqual([{ staffOfTenant: alpha[0]!.id }])
  // (The demo writer's other mail, the seed's warning notification, is not this alert's.)
  const alerts = () => sink.mails.filter((m) => JSON.stringify(m.to).includes('writer2@alpha.test') && m.subject?.startsWith('Failed logins'))
  await expect.poll(() => alerts().length, { timeout: 10_000 }).toBe(1)
  const mail = alerts()[0]!
  expect(mail.subject).toBe('Failed logins to your Alpha Essays account')
  expect(mail.text).toContain('with a wrong password 50 times within 60 minutes. Your account is not locked')
}, 180_000)

it('the dummy hash does the work Payload does: its parameters reproduce a hash Payload stored', async () => {
  const user = await t.payload.db.findOne<{ id: number; hash: string; salt: string }>({ collection: 'users', where: { email: { equals: 'editor@beta.test' } } })
  const [prefix, stored] = user!.hash.split(':')
  expect(prefix).toBe('pbkdf2-sha256-v1')
  const derived = pbkdf2Sync(DEMO_PASSWORD, user!.salt, PAYLOAD_PASSWORD_HASH.iterations, PAYLOAD_PASSWORD_HASH.keyLength, PAYLOAD_PASSWORD_HASH.digest)
  expect(derived.toString('hex')).toBe(stored)
  expect(Buffer.from(user!.salt, 'hex')).toHaveLength(PAYLOAD_PASSWORD_HASH.saltBytes)
})
