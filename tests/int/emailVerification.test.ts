import { describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { mailTestFile, type MailTest } from '../helpers/mailTestFile'
import { workflowClient } from '../helpers/orderWorkflow'
import type { TestContext } from '../helpers/testPayload'

/**
 * Email verification (issue 16): a registered client proves their address by a single-use
 * link before placing an order where the website asks for it, may ask for a new link a
 * few times an hour, and changes their address only through a link mailed to the new one.
 * Mail goes through the outbox and the worker to a real SMTP receiver.
 */

let t: TestContext
let mailsTo: MailTest['mailsTo']
let alpha: number
const ALPHA = { host: 'alpha.test' }
const PASSWORD = 'Verify-password-1'
const tokens: Record<string, string> = {}

mailTestFile(async (test) => {
  ;({ t, mailsTo } = test)
  alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
  tokens.admin = await t.api.login('admin@alpha.test', DEMO_PASSWORD, ALPHA)
})
/** The newest mail to `address` whose subject matches, once it arrived. */
const mailTo = async (address: string, subject: RegExp, count = 1) => {
  await expect.poll(() => mailsTo(address).filter((m) => subject.test(m.subject ?? '')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count)
  return mailsTo(address).filter((m) => subject.test(m.subject ?? '')).at(-1)!
}
const linkToken = (mail: { text?: string }, page: 'verify-email' | 'confirm-email') => new RegExp(`/${page}/([A-Za-z0-9_-]{43})`).exec(mail.text ?? '')?.[1] ?? ''

const userByEmail = async (email: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1 })).docs[0]!

let people = 0
/** A client registered on Alpha over REST and signed in as `key`: unverified. */
const registered = async () => {
  people += 1
  const key = `v${people}`
  const email = `verify-${people}-${Date.now()}@example.com`
  const res = await t.api.post('/api/auth/register', { ...ALPHA, address: `198.51.100.${people}`, body: { name: `Verify Person ${people}`, email, password: PASSWORD } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  tokens[key] = await t.api.login(email, PASSWORD, ALPHA)
  return { key, email, id: (await userByEmail(email)).id }
}

/** Runs `check` with Alpha's `emailVerificationRequired` at `on`, and back off whatever happens. */
const requiring = async (on: boolean, check: () => Promise<void>) => {
  const set = (value: boolean) => t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { features: { emailVerificationRequired: value } } }, depth: 0 })
  await set(on)
  try {
    await check()
  } finally {
    await set(false)
  }
}

const ordersOf = async (client: number) => (await t.payload.count({ collection: 'orders', where: { client: { equals: client } } })).totalDocs
const placing = (key: string) => t.api.post('/api/orders', { ...ALPHA, token: tokens[key], body: { topic: 'Verification', instructions: 'Two pages.', pages: 2, spacing: 'double', paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities', deadlineHours: 240 } })
const verify = (token: string) => t.api.post('/api/auth/verify-email', { ...ALPHA, body: { token } })
const securityRows = async (user: number, action: string) =>
  (await t.payload.count({ collection: 'audit-events', where: { and: [{ targetId: { equals: String(user) } }, { action: { equals: action } }] } })).totalDocs

describe('verification before placement', () => {
  it('an unverified client signs in and browses but cannot place an order; after the link they can; the link works once', async () => {
    const who = await registered()
    expect((await userByEmail(who.email)).emailVerifiedAt ?? null).toBeNull()
    const welcome = await mailTo(who.email, /^Welcome to Alpha Essays$/)
    const token = linkToken(welcome, 'verify-email')
    expect(token).toHaveLength(43)
    expect(welcome.text).toMatch(/https:\/\/[a-z.]+\/verify-email\//)

    await requiring(true, async () => {
      const me = await t.api.get('/api/users/me', { ...ALPHA, token: tokens[who.key] })
      expect(me.status).toBe(200)
      expect(me.body.user.emailVerifiedAt ?? null).toBeNull()
      expect((await t.api.get('/api/orders', { ...ALPHA, token: tokens[who.key] })).status).toBe(200)

      const refused = await placing(who.key)
      expect(refused.status).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/^Verify your email first/)
      expect(refused.body.errors[0].data.errors).toEqual([{ path: 'emailVerifiedAt', message: expect.stringMatching(/^Verify your email first/) }])
      expect(await ordersOf(who.id)).toBe(0)

      const verified = await verify(token)
      expect(verified.status).toBe(200)
      expect(verified.body.doc).toEqual({ id: who.id, email: who.email, emailVerifiedAt: expect.any(String) })
      expect((await placing(who.key)).status).toBe(201)
      expect(await ordersOf(who.id)).toBe(1)

      const again = await verify(token)
      expect(again.status).toBe(400)
      expect(again.body.errors[0].data.errors[0].path).toBe('token')
    })
    expect(await securityRows(who.id, 'email_verified')).toBe(1)
  })

  it('switch off (the default): an unverified client places; on: refused (flip test)', async () => {
    const who = await registered()
    expect((await placing(who.key)).status).toBe(201)
    await requiring(true, async () => {
      expect((await placing(who.key)).status).toBe(403)
    })
    expect((await placing(who.key)).status).toBe(201)
    expect(await ordersOf(who.id)).toBe(2)
  })

  it('staff place for an unverified client, and accounts created by staff or the seed are verified', async () => {
    const who = await registered()
    await requiring(true, async () => {
      const w = workflowClient(t.api, 'alpha.test', tokens)
      const order = await w.place('admin', { client: who.id })
      expect(typeof order.client === 'object' ? order.client?.id : order.client).toBe(who.id)
    })
    const made = await t.api.post('/api/users', { ...ALPHA, token: tokens.admin, body: { name: 'Made By Admin', email: `made-${Date.now()}@example.com`, password: PASSWORD, roles: ['client'], tenants: [{ tenant: alpha }], emailVerifiedAt: null } })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.doc.emailVerifiedAt).toEqual(expect.any(String))
    expect((await userByEmail('client@alpha.test')).emailVerifiedAt).toEqual(expect.any(String))
  })

  it('a client cannot stamp themselves verified, nor read the link’s hash', async () => {
    const who = await registered()
    const res = await t.api.patch(`/api/users/${who.id}`, { ...ALPHA, token: tokens[who.key], body: { emailVerifiedAt: new Date().toISOString(), emailTokenHash: 'x' } })
    expect(res.status).toBe(200)
    expect(res.body.doc.emailVerifiedAt ?? null).toBeNull()
    expect(res.body.doc).not.toHaveProperty('emailTokenHash')
    expect((await userByEmail(who.email)).emailVerifiedAt ?? null).toBeNull()
    const gql = await t.api.graphql(`mutation { updateUser(id: ${who.id}, data: { name: "Still Me" }) { id emailVerifiedAt } }`, { ...ALPHA, token: tokens[who.key] })
    expect(gql.body.data.updateUser.emailVerifiedAt ?? null).toBeNull()
  })
})

describe('resending the link', () => {
  it('three an hour, each replacing the last; then 429; once verified, 409', async () => {
    const who = await registered()
    const first = linkToken(await mailTo(who.email, /^Welcome/), 'verify-email')
    const resend = () => t.api.post('/api/auth/verify-email/resend', { ...ALPHA, token: tokens[who.key] })
    for (let i = 1; i <= 3; i++) {
      const res = await resend()
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      await mailTo(who.email, /^Confirm your email for Alpha Essays$/, i)
    }
    const limited = await resend()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)

    expect((await verify(first)).status).toBe(400)
    const newest = linkToken(await mailTo(who.email, /^Confirm your email/, 3), 'verify-email')
    expect((await verify(newest)).status).toBe(200)
    expect((await resend()).status).toBe(409)
    expect(await securityRows(who.id, 'email_verification_sent')).toBe(3)
  })

  it('answers 409 naming emailVerifiedAt for a verified user, 401 for nobody', async () => {
    const res = await t.api.post('/api/auth/verify-email/resend', { ...ALPHA, token: tokens.admin })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].data.errors[0].path).toBe('emailVerifiedAt')
    expect((await t.api.post('/api/auth/verify-email/resend', ALPHA)).status).toBe(401)
  })

  it('refuses a malformed or unknown token with 400 naming token', async () => {
    for (const body of [{}, { token: '' }, { token: 'nope' }, { token: 'A'.repeat(43) }]) {
      const res = await t.api.post('/api/auth/verify-email', { ...ALPHA, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe('token')
    }
  })
})

describe('changing one’s email', () => {
  it('is held until the link mailed to the new address is followed; the old address is told; the link works once', async () => {
    const who = await registered()
    const next = `moved-${Date.now()}@example.com`
    const res = await t.api.patch(`/api/users/${who.id}`, { ...ALPHA, token: tokens[who.key], body: { email: next } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.email).toBe(who.email)
    expect(res.body.doc.pendingEmail).toBe(next)
    expect((await userByEmail(who.email)).id).toBe(who.id)

    const notice = await mailTo(who.email, /change of your Alpha Essays email/)
    expect(notice.text).toContain('m***@example.com')
    expect(notice.text).not.toContain(next)
    const confirm = await mailTo(next, /^Confirm your new email for Alpha Essays$/)
    const token = linkToken(confirm, 'confirm-email')
    // The verification endpoint does not take a change's link.
    expect((await verify(token)).status).toBe(400)
    await expect(t.api.login(next, PASSWORD, ALPHA)).rejects.toThrow()

    const done = await t.api.post('/api/auth/confirm-email-change', { ...ALPHA, body: { token } })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.doc).toEqual({ id: who.id, email: next, emailVerifiedAt: expect.any(String) })
    const user = await userByEmail(next)
    expect(user.id).toBe(who.id)
    expect(user.pendingEmail ?? null).toBeNull()
    expect(await t.api.login(next, PASSWORD, ALPHA)).toEqual(expect.any(String))
    expect((await t.api.post('/api/auth/confirm-email-change', { ...ALPHA, body: { token } })).status).toBe(400)
    expect(await securityRows(who.id, 'email_change_requested')).toBe(1)
    expect(await securityRows(who.id, 'email_changed')).toBe(1)
  })

  it('is held over GraphQL and the Local API with the user as well', async () => {
    const who = await registered()
    const byGraphql = `gql-${Date.now()}@example.com`
    const gql = await t.api.graphql(`mutation { updateUser(id: ${who.id}, data: { email: "${byGraphql}" }) { id email pendingEmail } }`, { ...ALPHA, token: tokens[who.key] })
    expect(gql.body.data.updateUser).toEqual({ id: who.id, email: who.email, pendingEmail: byGraphql })

    const user = await t.payload.findByID({ collection: 'users', id: who.id, depth: 0 })
    const byLocal = `local-${Date.now()}@example.com`
    const local = await t.payload.update({ collection: 'users', id: who.id, data: { email: byLocal }, user: { ...user, collection: 'users' }, overrideAccess: false, depth: 0 })
    expect(local.email).toBe(who.email)
    expect(local.pendingEmail).toBe(byLocal)
    // The newer request replaced the older one's link.
    const older = linkToken(await mailTo(byGraphql, /^Confirm your new email/), 'confirm-email')
    expect((await t.api.post('/api/auth/confirm-email-change', { ...ALPHA, body: { token: older } })).status).toBe(400)
    expect((await userByEmail(who.email)).id).toBe(who.id)
  })

  it('an admin changing a client’s email applies it at once, audited as an email change', async () => {
    const who = await registered()
    const next = `by-admin-${Date.now()}@example.com`
    const res = await t.api.patch(`/api/users/${who.id}`, { ...ALPHA, token: tokens.admin, body: { email: next } })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.email).toBe(next)
    expect(res.body.doc.pendingEmail ?? null).toBeNull()
    const audit = await t.payload.find({ collection: 'audit-events', where: { and: [{ targetId: { equals: String(who.id) } }, { action: { equals: 'email_change' } }] }, depth: 0 })
    expect(audit.totalDocs).toBe(1)
  })

  it('refuses a confirmation whose address another account took meanwhile (409 naming email) and changes nothing', async () => {
    const who = await registered()
    const other = await registered()
    const res = await t.api.patch(`/api/users/${who.id}`, { ...ALPHA, token: tokens[who.key], body: { email: other.email } })
    expect(res.status).toBe(200)
    const token = linkToken(await mailTo(other.email, /^Confirm your new email/), 'confirm-email')
    const refused = await t.api.post('/api/auth/confirm-email-change', { ...ALPHA, body: { token } })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].data.errors[0].path).toBe('email')
    expect((await t.payload.findByID({ collection: 'users', id: who.id, depth: 0 })).email).toBe(who.email)
  })
})
