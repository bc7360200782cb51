import { createHash } from 'node:crypto'

import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { EventBus } from '@/events/bus'
import type { JobRuntime } from '@/jobs/runtime'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { type MailSink, startMailSink } from '../helpers/smtp'
import { startTestPayload, type TestContext } from '../helpers/testPayload'
import { setFeature, whileFeature } from '../helpers/websiteSwitches'

/**
 * Magic-link sign-in (issue 16): a website switch, off by default; on, a client or writer
 * is mailed a link (through the outbox, to the real SMTP receiver) that signs in once,
 * within 15 minutes, on that website only; every email gets the same answer; staff never
 * get a link.
 */

let t: TestContext
let sink: MailSink
let runtime: JobRuntime
let bus: EventBus
let alpha: number
let beta: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }

const tenantId = async (slug: string) => (await t.payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, depth: 0 })).docs[0]!.id

beforeAll(async () => {
  sink = await startMailSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  // The seed's queued live events need a bus to be done with.
  const { startEventBus } = await import('@/events/start')
  bus = startEventBus(null)
  const { startJobRuntime } = await import('@/jobs/runtime')
  runtime = await startJobRuntime({ payload: t.payload, redisUrl: null, schedules: [], relayIntervalMs: 20 })
  alpha = await tenantId('alpha')
  beta = await tenantId('beta')
})
afterAll(async () => {
  await runtime?.close()
  await bus?.close()
  await t?.close()
  await sink?.close()
  delete process.env.SMTP_URL
})

let addresses = 0
/** A fresh client address per request unless given, so only the limit under test counts. */
const ask = (email: string, from: { host?: string; address?: string } = {}) => {
  addresses += 1
  return t.api.post('/api/auth/magic-link', { host: from.host ?? ALPHA.host, address: from.address ?? `198.51.100.${addresses % 250}`, body: { email } })
}
const verify = (token: string, host = ALPHA.host) => t.api.post('/api/auth/magic-link/verify', { host, body: { token } })

/** The sign-in mails `email` received (the seed's queued mails arrive too). */
const mailsTo = (email: string): ParsedMail[] =>
  sink.mails.filter((mail) => mail.subject?.startsWith('Sign in to') && mail.to && !Array.isArray(mail.to) && mail.to.value.some((a) => a.address === email))
/** The token of the newest sign-in link mailed to `email`, once it has arrived. */
const linkMailedTo = async (email: string, before: number): Promise<string> => {
  await expect.poll(() => mailsTo(email).length, { timeout: 30_000 }).toBeGreaterThan(before)
  const mail = mailsTo(email).at(-1)!
  expect(mail.subject).toBe('Sign in to Alpha Essays')
  const match = /\/magic-link\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')
  expect(match, mail.text).not.toBeNull()
  return match![1]!
}
const linkMails = async (userId: number) =>
  (await t.payload.find({ collection: 'outbox', where: { and: [{ type: { equals: 'mail.magicLink' } }, { 'payload.userId': { equals: userId } }] }, depth: 0 })).totalDocs
const userId = async (email: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0]!.id
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex')

describe('switched off (the default)', () => {
  it('refuses with the same 403 for a known and an unknown email, mails nothing, and refuses sign-in', async () => {
    const website = await t.payload.findByID({ collection: 'tenants', id: alpha, depth: 0 })
    expect(website.settings?.features?.magicLinkEnabled).toBe(false)
    const known = await ask('client@alpha.test')
    const unknown = await ask('nobody-at-all@alpha.test')
    expect([known.status, unknown.status]).toEqual([403, 403])
    expect(known.body).toEqual(unknown.body)
    expect(known.body.errors[0].message).toBe('Alpha Essays does not sign in by mailed link: log in with your password.')
    expect(await linkMails(await userId('client@alpha.test'))).toBe(0)
    expect((await verify('a'.repeat(32))).status).toBe(403)
  })
})

describe('switched on', () => {
  beforeAll(() => setFeature(t.payload, alpha, 'magicLinkEnabled', true))
  afterAll(() => setFeature(t.payload, alpha, 'magicLinkEnabled', false))

  it('mails a client a link that signs in once, as a password login does, and is audited as a magic-link login', async () => {
    const email = 'client@alpha.test'
    const before = mailsTo(email).length
    const asked = await ask(email)
    expect(asked.status).toBe(200)
    expect(asked.body).toEqual({ message: 'If this email belongs to a client or writer of Alpha Essays who may sign in by link, a link has been mailed to it; it works once, within 15 minutes.' })
    const token = await linkMailedTo(email, before)
    // Stored hashed only, with its expiry about 15 minutes away.
    const [row] = (await t.payload.db.drizzle.execute(`SELECT token_hash, expires_at - now() < interval '15 minutes 5 seconds' AND expires_at - now() > interval '14 minutes' AS fifteen, used_at FROM magic_links WHERE token_hash = '${sha256(token)}'`)).rows as { fifteen: boolean; used_at: string | null }[]
    expect(row).toMatchObject({ fifteen: true, used_at: null })

    const signedIn = await verify(token)
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200)
    const byPassword = await t.api.post('/api/users/login', { ...ALPHA, body: { email, password: DEMO_PASSWORD } })
    expect(Object.keys(signedIn.body).sort()).toEqual(Object.keys(byPassword.body).sort())
    expect(Object.keys(signedIn.body.user).sort()).toEqual(Object.keys(byPassword.body.user).sort())
    expect(signedIn.body).toMatchObject({ message: byPassword.body.message, user: { email, id: byPassword.body.user.id } })
    expect(signedIn.body.exp).toEqual(expect.any(Number))
    expect(signedIn.body.user).not.toHaveProperty('hash')
    expect(signedIn.headers.get('set-cookie')).toMatch(/^payload-token=[^;]+;.*HttpOnly/i)

    const me = await t.api.get('/api/users/me', { ...ALPHA, token: signedIn.body.token })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(email)
    // A session like any other: listed for its owner, ended by a logout.
    const sessions = await t.api.get('/api/users/sessions', { ...ALPHA, token: signedIn.body.token })
    expect(sessions.body.sessions).toContainEqual(expect.objectContaining({ current: true }))

    const again = await verify(token)
    expect(again.status).toBe(400)
    expect(again.body.errors[0].message).toBe('This sign-in link is no longer valid (it was used, it expired, or it is for another website): ask for a new one.')
    expect(again.body.errors[0].data.errors[0].path).toBe('token')

    const [audit] = (await t.payload.db.drizzle.execute(`SELECT action, changes, tenant_id FROM audit_events WHERE kind = 'security' AND target_id = '${me.body.user.id}' AND changes->>'method' = 'magic_link'`)).rows as { action: string; tenant_id: number }[]
    expect(audit).toMatchObject({ action: 'login', tenant_id: alpha })
  })

  it('refuses an expired link, and a link on another website (which leaves it working on its own)', async () => {
    const email = 'client2@alpha.test'
    const before = mailsTo(email).length
    expect((await ask(email)).status).toBe(200)
    const expiring = await linkMailedTo(email, before)
    expect((await ask(email)).status).toBe(200)
    const other = await linkMailedTo(email, before + 1)
    expect(other).not.toBe(expiring)

    await t.payload.db.drizzle.execute(`UPDATE magic_links SET expires_at = now() - interval '1 second' WHERE token_hash = '${sha256(expiring)}'`)
    const expired = await verify(expiring)
    expect(expired.status).toBe(400)
    expect(expired.body.errors[0].message).toMatch(/^This sign-in link is no longer valid/)

    await whileFeature(t.payload, beta, 'magicLinkEnabled', true, false, async () => {
      const onBeta = await verify(other, BETA.host)
      expect(onBeta.status).toBe(400)
      expect(onBeta.body).toEqual(expired.body)
    })
    expect((await verify(other)).status).toBe(200)
  })

  it('gives an unknown email, staff, a suspended writer and another website’s client the same answer and no mail', async () => {
    const suspended = await userId('writer2@alpha.test')
    await t.payload.update({ collection: 'users', id: suspended, data: { suspended: true }, depth: 0 })
    try {
      const answers: Record<string, { status: number; body: unknown }> = {}
      for (const email of ['nobody-here@alpha.test', 'support@alpha.test', 'admin@alpha.test', 'writer2@alpha.test', 'client@beta.test', 'client@alpha.test']) {
        const res = await ask(email)
        answers[email] = { status: res.status, body: res.body }
      }
      for (const [email, answer] of Object.entries(answers)) expect(answer, email).toEqual(answers['client@alpha.test'])
      // The known client's mail arrives; the others had none queued.
      await linkMailedTo('client@alpha.test', mailsTo('client@alpha.test').length - 1)
      for (const email of ['support@alpha.test', 'admin@alpha.test', 'writer2@alpha.test', 'client@beta.test']) {
        expect(await linkMails(await userId(email)), email).toBe(0)
        expect(mailsTo(email), email).toEqual([])
      }
    } finally {
      await t.payload.update({ collection: 'users', id: suspended, data: { suspended: false }, depth: 0 })
    }
  })

  it('a writer of the website gets a link too', async () => {
    const before = mailsTo('writer@alpha.test').length
    expect((await ask('writer@alpha.test')).status).toBe(200)
    const token = await linkMailedTo('writer@alpha.test', before)
    expect((await verify(token)).body.user.email).toBe('writer@alpha.test')
  })

  it('answers 429 past the limits per email (5 an hour) and per address (20 an hour)', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 6; i++) statuses.push((await ask('nobody-limited@alpha.test')).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const refused = await ask('nobody-limited@alpha.test')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.body.errors[0].message).toMatch(/^Too many sign-in links for this email; try again in \d+ s\.$/)

    const fromOne: number[] = []
    for (let i = 1; i <= 21; i++) fromOne.push((await ask(`nobody-${i}@alpha.test`, { address: '203.0.113.99' })).status)
    expect(fromOne.slice(0, 20).every((s) => s === 200)).toBe(true)
    expect(fromOne[20]).toBe(429)
  })

  it('names a malformed email or token (400)', async () => {
    const res = await ask('not an email')
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('email')
    const noToken = await t.api.post('/api/auth/magic-link/verify', { ...ALPHA, body: {} })
    expect(noToken.status).toBe(400)
    expect(noToken.body.errors[0].data.errors[0].path).toBe('token')
  })
})
