import { describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import { dummyPasswordHashRuns } from '@/security/dummyPasswordHash'

import { mailTestFile, type MailTest } from '../helpers/mailTestFile'
import type { TestContext } from '../helpers/testPayload'

/**
 * Accounts across websites (issue 16): registering with an email that has an account, on
 * a sibling website or the same one, answers exactly as a fresh registration does and
 * creates nothing; the owner of the address is told by mail, in their own website's name.
 */

let t: TestContext
let mailsTo: MailTest['mailsTo']

mailTestFile((test) => {
  ;({ t, mailsTo } = test)
})
const register = (host: string, email: string, address: string, name = 'Sam Same') =>
  t.api.post('/api/auth/register', { host, address, body: { name, email, password: 'Neutral-password-1' } })
/** The answer as bytes, with the email it echoes put back to a placeholder. */
const bytesOf = (res: { status: number; body: unknown; headers: Headers }, email: string) => ({
  status: res.status,
  type: res.headers.get('content-type'),
  body: JSON.stringify(res.body).replace(email, '<email>'),
})
const rowCounts = async () => {
  const req = { payload: t.payload } as Parameters<typeof execute>[0]
  const [row] = await execute<{ users: string; memberships: string; referrals: string; welcomes: string; events: string }>(
    req,
    sql`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM users_tenants) AS memberships, (SELECT count(*) FROM referrals) AS referrals,
               (SELECT count(*) FROM outbox WHERE type = 'mail.welcome') AS welcomes, (SELECT count(*) FROM outbox WHERE type = 'live.event') AS events`,
  )
  return row
}

describe('registering with an email that has an account', () => {
  it('on a sibling website: the same status and bytes as a fresh registration, nothing written, the owner mailed without naming them in the answer', async () => {
    const fresh = `fresh-${Date.now()}@example.com`
    const freshAnswer = await register('beta.test', fresh, '203.0.113.1')
    expect(freshAnswer.status).toBe(201)

    const before = await rowCounts()
    const hashes = dummyPasswordHashRuns()
    const taken = await register('beta.test', 'CLIENT@alpha.test', '203.0.113.2')
    expect(bytesOf(taken, 'client@alpha.test')).toEqual(bytesOf(freshAnswer, fresh))
    expect(JSON.stringify(taken.body)).not.toMatch(/Alpha|"id"/)
    // The password was hashed as a new account's would be; no account, membership, welcome or staff event.
    expect(dummyPasswordHashRuns()).toBe(hashes + 1)
    expect(await rowCounts()).toEqual(before)
    const owner = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } }, depth: 0 })).docs
    expect(owner).toHaveLength(1)
    expect(owner[0]!.tenants?.map((row) => (typeof row.tenant === 'object' ? row.tenant.id : row.tenant))).toHaveLength(1)

    await expect.poll(() => mailsTo('client@alpha.test').filter((m) => m.subject === 'Someone tried to register with your email').length, { timeout: 10_000 }).toBe(1)
    const mail = mailsTo('client@alpha.test').find((m) => m.subject === 'Someone tried to register with your email')!
    // In the owner's own website's name, naming the website tried.
    expect(mail.from?.value[0]).toEqual({ address: 'no-reply@alpha.test', name: 'Alpha Essays' })
    expect(mail.text).toContain('on Beta Papers')
    expect(mail.text).toContain('sign in')
    expect(mailsTo('client@alpha.test').some((m) => /^Welcome/.test(m.subject ?? ''))).toBe(false)
    // The fresh one got their welcome with the link.
    await expect.poll(() => mailsTo(fresh).length, { timeout: 10_000 }).toBe(1)

    const audit = await t.payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: 'registration_existing_email' } }, { targetId: { equals: String(owner[0]!.id) } }] }, depth: 0 })
    expect(audit.totalDocs).toBe(1)
  })

  it('on the same website: the same answer too, and the password is left as it was', async () => {
    const fresh = `fresh-same-${Date.now()}@example.com`
    const freshAnswer = await register('beta.test', fresh, '203.0.113.3')
    const before = await rowCounts()
    const taken = await register('beta.test', 'client@beta.test', '203.0.113.4')
    expect(bytesOf(taken, 'client@beta.test')).toEqual(bytesOf(freshAnswer, fresh))
    expect(await rowCounts()).toEqual(before)
    await expect.poll(() => mailsTo('client@beta.test').filter((m) => m.subject === 'Someone tried to register with your email').length, { timeout: 10_000 }).toBe(1)
    // The attempt's password opens nothing.
    await expect(t.api.login('client@beta.test', 'Neutral-password-1', { host: 'beta.test' })).rejects.toThrow()
  })

  it('keeps the registration limits: past five an hour for one email, 429 whether it is taken or not', async () => {
    for (let i = 0; i < 5; i++) expect((await register('alpha.test', 'writer@alpha.test', `203.0.113.${10 + i}`)).status).toBe(201)
    expect((await register('alpha.test', 'writer@alpha.test', '203.0.113.20')).status).toBe(429)
  })

  it('still refuses bad input as it would for anyone: an unknown referral code is a 400 for a taken email too', async () => {
    const res = await t.api.post('/api/auth/register', { host: 'alpha.test', address: '203.0.113.30', body: { name: 'Sam Same', email: 'client@alpha.test', password: 'Neutral-password-1', referralCode: 'NOPE1234' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('referralCode')
  })
})
