import { createLocalReq } from 'payload'
import { expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'

import { mailTestFile, type MailTest } from '../helpers/mailTestFile'
import type { MailSink } from '../helpers/smtp'
import type { TestContext } from '../helpers/testPayload'

/** Mail goes out through the outbox and the worker, to a real SMTP server, in the website's name. */

let t: TestContext
let sink: MailSink
let mailsTo: MailTest['mailsTo']

mailTestFile((test) => {
  ;({ t, sink, mailsTo } = test)
})

it('sends exactly one welcome mail per registration, from the website, with its name', async () => {
  const res = await t.api.post('/api/auth/register', {
    host: 'alpha.test',
    body: { name: 'Mia Mail', email: 'mia@example.com', password: 'long-enough-password' },
  })
  expect(res.status).toBe(201)
  await expect.poll(() => mailsTo('mia@example.com').length, { timeout: 10_000 }).toBe(1)
  await new Promise((r) => setTimeout(r, 300))
  const [mail] = mailsTo('mia@example.com')
  expect(mailsTo('mia@example.com')).toHaveLength(1)
  expect(mail!.from?.value[0]).toEqual({ address: 'no-reply@alpha.test', name: 'Alpha Essays' })
  expect(mail!.subject).toBe('Welcome to Alpha Essays')
  expect(mail!.text).toContain('Hello Mia Mail,')
  expect(mail!.html).toContain('#1f4e79')
})

it('sends nothing for a refused registration', async () => {
  const before = sink.mails.length
  const res = await t.api.post('/api/auth/register', {
    host: 'alpha.test',
    body: { name: 'Dup', email: 'refused@example.com', password: 'short' },
  })
  expect(res.status).toBe(400)
  await new Promise((r) => setTimeout(r, 300))
  expect(sink.mails.length).toBe(before)
})

it('sends the password-reset mail through the outbox, branded, with a working token', async () => {
  const res = await t.api.post('/api/users/forgot-password', { host: 'beta.test', body: { email: 'client@beta.test' } })
  expect(res.status).toBe(200)
  await expect.poll(() => mailsTo('client@beta.test').length, { timeout: 10_000 }).toBe(1)
  const [mail] = mailsTo('client@beta.test')
  expect(mail!.from?.value[0]).toEqual({ address: 'no-reply@beta.test', name: 'Beta Papers' })
  expect(mail!.subject).toBe('Reset your Beta Papers password')
  const token = /reset-password\/([a-f0-9]+)/.exec(mail!.text ?? '')?.[1]
  expect(token).toBeTruthy()
  const reset = await t.api.post('/api/users/reset-password', { host: 'beta.test', body: { token, password: 'a-brand-new-password' } })
  expect(reset.status).toBe(200)
  expect(await t.api.login('client@beta.test', 'a-brand-new-password', { host: 'beta.test' })).toEqual(expect.any(String))
})

it('leaves no reset token in the outbox once the mail went out', async () => {
  const res = await t.api.post('/api/users/forgot-password', { host: 'alpha.test', body: { email: 'writer@alpha.test' } })
  expect(res.status).toBe(200)
  await expect.poll(() => mailsTo('writer@alpha.test').length, { timeout: 10_000 }).toBe(1)
  const token = /reset-password\/([a-f0-9]+)/.exec(mailsTo('writer@alpha.test')[0]!.text ?? '')?.[1]
  expect(token).toBeTruthy()
  const req = await createLocalReq({}, t.payload)
  // The row as stored, past every hook; `done` is written just after the mail is handed over.
  const row = async () =>
    (await execute<{ status: string; payload: string }>(req, sql`SELECT status, payload::text AS payload FROM outbox WHERE type = 'mail.passwordReset' AND payload->>'userId' = (SELECT id::text FROM users WHERE email = 'writer@alpha.test')`))[0]!
  await expect.poll(async () => (await row()).status, { timeout: 10_000 }).toBe('done')
  expect((await row()).payload).not.toContain(token!)
  expect(JSON.parse((await row()).payload)).toMatchObject({ token: '[redacted]', audience: 'site' })
})
