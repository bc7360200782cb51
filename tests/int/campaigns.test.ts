import { randomBytes } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { ParsedMail } from 'mailparser'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { handlers } from '@/jobs/handlers'
import { sendCampaign, type Mailer } from '@/operations/campaigns/send'
import { unsubscribeUrl } from '@/operations/notifications/consent'
import type { EmailCampaign } from '@/payload-types'

import { para, lexicalBody } from '../helpers/lexical'
import { billingPeople } from '../helpers/orderPeople'
import { runSchedule } from '../helpers/schedules'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { type MailSink, startMailSink } from '../helpers/smtp'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Mail campaigns (issue 15): a campaign to 1,000+ recipients (users written by SQL) goes out
 * in batches to a real SMTP receiver, once per address, skipping suppressed addresses; a
 * sender that dies midway and a restart send nobody twice; the workflow's rules and refusals.
 */

let t: TestContext
let sink: MailSink
let tokens: Record<string, string>
let ids: Record<string, number>
let alphaId: number
const ALPHA = { host: 'alpha.test' }
const MINUTE = 60 * 1000

type Row = Record<string, unknown>
const query = async (q: ReturnType<typeof sql>) => (await (t.payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Row[] }> } }).drizzle.execute(q)).rows

beforeAll(async () => {
  sink = await startMailSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  ;({ tokens, ids, alpha: alphaId } = await billingPeople(t))
})
afterAll(async () => {
  await t?.close()
  await sink?.close()
  delete process.env.SMTP_URL
})

/** `count` clients of Alpha written by SQL in three statements, their addresses `<tag>-<i>@bulk.example`. */
const bulkClients = async (tag: string, count: number) => {
  await query(sql`
    WITH u AS (
      INSERT INTO users (name, email, timezone) SELECT 'Bulk ' || g, ${tag}::text || '-' || g || '@bulk.example', 'UTC' FROM generate_series(1, ${count}::int) g RETURNING id
    ), r AS (INSERT INTO users_roles ("order", parent_id, value) SELECT 1, id, 'client' FROM u)
    INSERT INTO users_tenants (_order, _parent_id, id, tenant_id) SELECT 1, id, md5(random()::text || id::text), ${alphaId}::int FROM u`)
  return Array.from({ length: count }, (_, i) => `${tag}-${i + 1}@bulk.example`)
}

/** Alpha's clients' addresses, as the audience `roles: ['client']` selects them. */
const alphaClients = async () =>
  (
    await query(sql`SELECT DISTINCT lower(u.email) AS email FROM users u
      JOIN users_roles r ON r.parent_id = u.id AND r.value = 'client'
      JOIN users_tenants ut ON ut._parent_id = u.id AND ut.tenant_id = ${alphaId}`)
  ).map((r) => String(r.email))

const as = (who: string) => ({ ...ALPHA, token: tokens[who] })
const create = (who: string, body: Record<string, unknown>) => t.api.post('/api/email-campaigns', { ...as(who), body })
const act = (who: string, id: number, action: string, body: Record<string, unknown> = {}) => t.api.post(`/api/email-campaigns/${id}/actions/${action}`, { ...as(who), body })
const must = async (who: string, id: number, action: string) => {
  const res = await act(who, id, action)
  if (res.status !== 200) throw new Error(`${who} ${action} on campaign ${id}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as EmailCampaign
}
const campaign = (id: number) => t.payload.findByID({ collection: 'email-campaigns', id, depth: 0 })
const draft = async (subject: string, extra: Record<string, unknown> = {}): Promise<EmailCampaign> => {
  const res = await create('admin', { name: subject, subject, body: lexicalBody(para(`Hello from ${subject}`)), audience: { roles: ['client'] }, ...extra })
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as EmailCampaign
}
const recipientCounts = async (id: number) => {
  const rows = await query(sql`SELECT status::text AS status, count(*)::int AS n FROM email_recipients WHERE campaign_id = ${id} GROUP BY status`)
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>
}

const addressOf = (mail: ParsedMail): string => {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to
  return (to?.value[0]?.address ?? '').toLowerCase()
}
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? null
/** How many mails of `subject` each address received. */
const receivedBy = (subject: string) => {
  const counts = new Map<string, number>()
  for (const mail of sink.mails) if (mail.subject === subject) counts.set(addressOf(mail), (counts.get(addressOf(mail)) ?? 0) + 1)
  return counts
}
const localReq = () => createLocalReq({}, t.payload)

describe('a campaign to 1,000 recipients', () => {
  it('goes out in batches of 100, once per address, skipping suppressed addresses', async () => {
    const bulk = await bulkClients(`c${randomBytes(3).toString('hex')}`, 1000)
    // 24 suppressed by SQL, one by an admin over REST in capitals (stored lower-cased).
    for (const address of bulk.slice(0, 24)) await query(sql`INSERT INTO email_suppressions (tenant_id, address, reason) VALUES (${alphaId}, ${address}, 'bounce')`)
    const manual = await t.api.post('/api/email-suppressions', { ...as('admin'), body: { address: bulk[24]!.toUpperCase(), reason: 'manual' } })
    expect(manual.status).toBe(201)
    expect(manual.body.doc.address).toBe(bulk[24])
    const again = await t.api.post('/api/email-suppressions', { ...as('admin'), body: { address: bulk[24]!, reason: 'complaint' } })
    expect(again.status).toBe(400)
    const suppressed = new Set(bulk.slice(0, 25))

    const audience = await alphaClients()
    const subject = 'Spring sale: 20% off'
    const c = await draft(subject)
    expect(c.status).toBe('draft')
    const started = await must('admin', c.id, 'sendNow')
    expect(started.status).toBe('sending')
    expect(started.progress).toMatchObject({ total: audience.length, skipped: 25, sent: 0 })
    expect(await recipientCounts(c.id)).toEqual({ pending: audience.length - 25, skipped: 25 })

    const run = (await runSchedule(t.payload, 'campaigns-dispatch', new Date())) as { sent: { mails: number } }
    expect(run.sent.mails).toBe(audience.length - 25)

    const received = receivedBy(subject)
    expect([...received.values()].every((n) => n === 1)).toBe(true)
    expect(received.size).toBe(audience.length - 25)
    for (const address of audience) expect(received.has(address)).toBe(!suppressed.has(address))

    // Claimed 100 at a time: one claim time per batch.
    const claims = await query(sql`SELECT claimed_at, count(*)::int AS n FROM email_recipients WHERE campaign_id = ${c.id} AND status = 'sent' GROUP BY claimed_at ORDER BY claimed_at`)
    expect(claims.length).toBe(Math.ceil((audience.length - 25) / 100))
    expect(claims.slice(0, -1).every((r) => r.n === 100)).toBe(true)

    const done = await campaign(c.id)
    expect(done.status).toBe('sent')
    expect(done.progress).toMatchObject({ total: audience.length, sent: audience.length - 25, failed: 0, skipped: 25 })
    expect(done.finishedAt).toBeTruthy()
    const skippedReasons = await query(sql`SELECT DISTINCT reason FROM email_recipients WHERE campaign_id = ${c.id} AND status = 'skipped' ORDER BY reason`)
    expect(skippedReasons.map((r) => r.reason)).toEqual(['suppressed (bounce)', 'suppressed (manual)'])

    // The mail: the body as HTML and text, the unsubscribe link in both and in List-Unsubscribe.
    const mail = sink.mails.find((m) => m.subject === subject && addressOf(m) === bulk[30])!
    expect(mail.html).toContain(`Hello from ${subject}`)
    expect(mail.text).toContain(`Hello from ${subject}`)
    expect(header(mail, 'list-unsubscribe')).toMatch(/<http[^>]+\/api\/notifications\/unsubscribe\?token=[^>]+>/)
    expect(header(mail, 'list-unsubscribe-post')).toContain('List-Unsubscribe=One-Click')
    expect(mail.text).toMatch(/\/api\/notifications\/unsubscribe\?token=/)
    expect(mail.messageId).toMatch(new RegExp(`^<campaign-${c.id}\\.\\d+@`))

    // Sending again finds nobody: the campaign is sent.
    expect(((await runSchedule(t.payload, 'campaigns-dispatch', new Date())) as { sent: { mails: number } }).sent.mails).toBe(0)
    expect(receivedBy(subject).size).toBe(audience.length - 25)
  }, 300_000)

  it('a sender killed halfway, then restarted, sends nobody twice', async () => {
    const subject = 'Autumn news'
    const c = await draft(subject)
    await must('admin', c.id, 'sendNow')
    const total = (await campaign(c.id)).progress!.total!
    const skipped = (await campaign(c.id)).progress!.skipped!

    // A sender that hands 250 mails to the SMTP server, then hangs for ever in the middle of
    // its third batch, as a killed process would: its claimed rows are never confirmed.
    let handed = 0
    const dying: Mailer = async (mail) => {
      if (handed >= 250) return new Promise(() => {})
      handed += 1
      return t.payload.sendEmail(mail)
    }
    void sendCampaign(await localReq(), c.id, { batch: 100, concurrency: 4, mailer: dying })
    await expect.poll(async () => (await recipientCounts(c.id)).sending ?? 0, { timeout: 60_000 }).toBe(50)
    await expect.poll(() => [...receivedBy(subject).values()].reduce((a, b) => a + b, 0), { timeout: 60_000 }).toBe(250)
    // The four workers each confirm their last mail and begin (then hang on) their next: wait for all four.
    const hung = async () => (await query(sql`SELECT count(*)::int AS n FROM email_recipients WHERE campaign_id = ${c.id} AND status = 'sending' AND attempt > 0`))[0]!.n
    await expect.poll(hung, { timeout: 60_000 }).toBe(4)
    await expect.poll(() => recipientCounts(c.id), { timeout: 60_000 }).toMatchObject({ sent: 250, sending: 50 })

    // A restart within the lease leaves the claims alone (their sender may still be alive)…
    await runSchedule(t.payload, 'campaigns-dispatch', new Date())
    expect((await recipientCounts(c.id)).sending).toBe(50)
    expect((await campaign(c.id)).status).toBe('sending')

    // …after it, the four begun and unconfirmed are failed, never resent; the rest goes out.
    await runSchedule(t.payload, 'campaigns-dispatch', new Date(Date.now() + 11 * MINUTE))
    const received = receivedBy(subject)
    expect([...received.values()].every((n) => n === 1)).toBe(true)
    expect(received.size).toBe(total - skipped - 4)
    const done = await campaign(c.id)
    expect(done.status).toBe('sent')
    expect(done.progress).toMatchObject({ total, sent: total - skipped - 4, failed: 4, skipped })
    const failed = await query(sql`SELECT address, reason FROM email_recipients WHERE campaign_id = ${c.id} AND status = 'failed'`)
    for (const row of failed) {
      expect(received.has(String(row.address))).toBe(false)
      expect(String(row.reason)).toMatch(/^interrupted/)
    }
  }, 300_000)
})

describe('the campaign workflow', () => {
  it('schedules, unschedules, and the schedule starts it at its time', async () => {
    const c = await draft('Scheduled hello', { audience: { roles: ['writer'] } })
    const list = await t.api.get(`/api/email-campaigns/${c.id}/actions`, as('admin'))
    expect(list.status).toBe(200)
    expect(list.body.available.map((a: { action: string }) => a.action).sort()).toEqual(['cancel', 'sendNow', 'testSend'])
    expect(list.body.blocked.map((a: { action: string }) => a.action)).toEqual(['schedule'])

    expect((await act('admin', c.id, 'schedule')).status).toBe(422)
    await t.api.patch(`/api/email-campaigns/${c.id}`, { ...as('admin'), body: { scheduledAt: new Date(Date.now() - MINUTE).toISOString() } })
    expect((await act('admin', c.id, 'schedule')).status).toBe(422)
    const at = new Date(Date.now() + 30 * MINUTE)
    expect((await t.api.patch(`/api/email-campaigns/${c.id}`, { ...as('admin'), body: { scheduledAt: at.toISOString() } })).status).toBe(200)
    expect((await must('admin', c.id, 'schedule')).status).toBe('scheduled')
    // Scheduled, the send time moves only later: not cleared, not into the past (400 naming it, nothing written).
    for (const scheduledAt of [null, new Date(Date.now() - MINUTE).toISOString()]) {
      const moved = await t.api.patch(`/api/email-campaigns/${c.id}`, { ...as('admin'), body: { scheduledAt } })
      expect(moved.status, String(scheduledAt)).toBe(400)
      expect(JSON.stringify(moved.body)).toContain('scheduledAt')
    }
    expect(new Date((await campaign(c.id)).scheduledAt!).getTime()).toBe(at.getTime())
    expect((await t.api.patch(`/api/email-campaigns/${c.id}`, { ...as('admin'), body: { subject: 'Scheduled hello', scheduledAt: at.toISOString() } })).status).toBe(200)
    expect((await must('admin', c.id, 'unschedule')).status).toBe('draft')
    expect((await must('admin', c.id, 'schedule')).status).toBe('scheduled')

    await runSchedule(t.payload, 'campaigns-dispatch', new Date(at.getTime() - MINUTE))
    expect((await campaign(c.id)).status).toBe('scheduled')
    await runSchedule(t.payload, 'campaigns-dispatch', new Date(at.getTime() + MINUTE))
    const done = await campaign(c.id)
    expect(done.status).toBe('sent')
    const writers = receivedBy('Scheduled hello')
    expect(writers.has('writer@alpha.test')).toBe(true)
    expect(writers.has('client@alpha.test')).toBe(false)
    expect(writers.has('writer@beta.test')).toBe(false)
    const events = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'email-campaigns' } }, { document: { equals: c.id } }] }, sort: 'id', depth: 0 })
    expect(events.docs.map((e) => e.action)).toEqual(['schedule', 'unschedule', 'schedule', 'start', 'finish'])
  })

  it('a test send mails the acting admin only, and changes nothing', async () => {
    const c = await draft('Test me')
    const before = sink.mails.length
    const res = await act('admin', c.id, 'testSend')
    expect(res.status).toBe(200)
    expect(res.body.doc.status).toBe('draft')
    const { docs } = await t.payload.find({ collection: 'outbox', where: { type: { equals: 'mail.campaignTest' } }, depth: 0 })
    const row = docs.find((d) => (d.payload as { campaignId: number }).campaignId === c.id)!
    await handlers['mail.campaignTest']({ payload: t.payload, tenant: alphaId, data: row.payload as { campaignId: number; userId: number }, outboxId: row.id })
    const mails = sink.mails.slice(before)
    expect(mails.map((m) => [addressOf(m), m.subject])).toEqual([['admin@alpha.test', '[Test] Test me']])
    expect(header(mails[0]!, 'list-unsubscribe')).toBeTruthy()
    expect((await campaign(c.id)).status).toBe('draft')
    expect(await recipientCounts(c.id)).toEqual({})
  })

  it('cancelling a sending campaign skips whoever was not yet mailed; a sending campaign is not edited', async () => {
    const c = await draft('Cancel me')
    await must('admin', c.id, 'sendNow')
    expect((await t.api.patch(`/api/email-campaigns/${c.id}`, { ...as('admin'), body: { subject: 'Changed' } })).status).toBe(409)
    await sendCampaign(await localReq(), c.id, { batch: 100, maxBatches: 1 })
    const cancelled = await must('admin', c.id, 'cancel')
    expect(cancelled.status).toBe('cancelled')
    const counts = await recipientCounts(c.id)
    expect(counts.sent).toBe(100)
    expect(counts.pending ?? 0).toBe(0)
    await runSchedule(t.payload, 'campaigns-dispatch', new Date())
    expect(receivedBy('Cancel me').size).toBe(100)
    expect((await act('admin', c.id, 'sendNow')).status).toBe(409)
  })

  it('refuses bad input and the wrong people', async () => {
    expect((await create('admin', { name: 'x', subject: 'x', audience: { roles: ['client'], segment: 'recentClients', days: 0 } })).status).toBe(400)
    expect((await create('admin', { name: 'x', subject: 'x', audience: { roles: ['superadmin'] } })).status).toBe(400)
    expect((await create('admin', { name: 'x', audience: { roles: ['client'] } })).status).toBe(400)
    expect((await create('client', { name: 'x', subject: 'x', audience: { roles: ['client'] } })).status).toBe(403)
    expect((await create('support', { name: 'x', subject: 'x', audience: { roles: ['client'] } })).status).toBe(403)

    // No audience, or an empty body: not sendable (422, with the reason).
    const empty = await create('admin', { name: 'Empty', subject: 'Empty', body: lexicalBody(para('Hi')), audience: { roles: [] } })
    expect(empty.status).toBe(201)
    const noAudience = await act('admin', empty.body.doc.id, 'sendNow')
    expect(noAudience.status).toBe(422)
    expect(noAudience.body.errors[0].message).toMatch(/role or a segment/)
    await t.api.patch(`/api/email-campaigns/${empty.body.doc.id}`, { ...as('admin'), body: { audience: { roles: ['client'] }, body: null } })
    const noBody = await act('admin', empty.body.doc.id, 'sendNow')
    expect(noBody.status).toBe(422)
    expect(noBody.body.errors[0].message).toMatch(/body is empty/)
    expect(await recipientCounts(empty.body.doc.id)).toEqual({})

    const c = await draft('Guarded')
    expect((await act('admin', c.id, 'finish')).status).toBe(403)
    expect((await act('admin', c.id, 'launch')).status).toBe(404)
    expect((await act('support', c.id, 'sendNow')).status).toBe(404)
    expect((await act('client', c.id, 'sendNow')).status).toBe(404)
    expect((await t.api.post(`/api/email-campaigns/${c.id}/actions/sendNow`, { host: 'beta.test', token: tokens.betaAdmin, body: {} })).status).toBe(404)
    expect((await t.api.get('/api/email-recipients', as('client'))).body.docs).toEqual([])
    expect((await t.api.post('/api/email-suppressions', { ...as('admin'), body: { address: 'not-an-address' } })).status).toBe(400)
    expect((await t.api.post('/api/email-suppressions', { ...as('client'), body: { address: 'a@b.example' } })).status).toBe(403)
    expect((await campaign(c.id)).status).toBe('draft')
    expect(ids.admin).toBeGreaterThan(0)
  })

  it('segments: clients with a recent order', async () => {
    const { docs } = await t.payload.find({ collection: 'orders', where: { tenant: { equals: alphaId } }, depth: 0, limit: 1 })
    const c = await draft('Recent clients', { audience: { segment: 'recentClients', days: 30 } })
    await must('admin', c.id, 'sendNow')
    const rows = await query(sql`SELECT address FROM email_recipients WHERE campaign_id = ${c.id}`)
    const expected = await query(sql`SELECT DISTINCT lower(u.email) AS email FROM orders o JOIN users u ON u.id = o.client_id WHERE o.tenant_id = ${alphaId} AND o.created_at >= now() - interval '30 days'`)
    expect(rows.map((r) => r.address).sort()).toEqual(expected.map((r) => r.email).sort())
    expect(docs.length === 0 || rows.length > 0).toBe(true)
  })
})

describe('what only the server writes, and whose rows are whose', () => {
  const betaId = async () => (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } }, depth: 0 })).docs[0]!.id
  const stamp = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`

  it('status, progress and the send times are not a body’s, over REST or GraphQL', async () => {
    const forged = { status: 'sent', progress: { total: 99, sent: 99, failed: 1, skipped: 2 }, startedAt: '2001-01-01T00:00:00.000Z', finishedAt: '2001-01-02T00:00:00.000Z' }
    const made = await create('admin', { name: 'Forged', subject: 'Forged', body: lexicalBody(para('Hi')), audience: { roles: ['client'] }, ...forged })
    expect(made.status).toBe(201)
    const untouched = { status: 'draft', progress: { total: 0, sent: 0, failed: 0, skipped: 0 }, startedAt: null, finishedAt: null }
    expect(await campaign(made.body.doc.id)).toMatchObject(untouched)
    const id = made.body.doc.id as number

    const patched = await t.api.patch(`/api/email-campaigns/${id}`, { ...as('admin'), body: { ...forged, subject: 'Still a draft' } })
    expect(patched.status).toBe(200)
    expect(await campaign(id)).toMatchObject({ ...untouched, subject: 'Still a draft' })

    const gql = await t.api.graphql(
      'mutation($id: Int!) { updateEmailCampaign(id: $id, data: { subject: "Over GraphQL", status: sent, progress: { total: 7, sent: 7 }, startedAt: "2001-01-01T00:00:00.000Z" }) { id status } }',
      { ...as('admin'), variables: { id } },
    )
    const after = await campaign(id)
    expect(after).toMatchObject(untouched)
    // Either the schema refuses the whole mutation or the server fields are dropped from it.
    if (!gql.body.errors) expect(after.subject).toBe('Over GraphQL')
    // Nothing was sent nor recipients written by the forged status.
    expect(await recipientCounts(id)).toEqual({})
  })

  it('recipients and suppressed addresses: written by the server only, read by the website’s admins only', async () => {
    const c = await draft('Recipients guarded', { audience: { roles: ['writer'] } })
    await must('admin', c.id, 'sendNow')
    const [recipient] = await query(sql`SELECT id FROM email_recipients WHERE campaign_id = ${c.id} ORDER BY id LIMIT 1`)
    const rid = Number(recipient!.id)
    const before = await t.payload.findByID({ collection: 'email-recipients', id: rid, depth: 0 })
    for (const who of ['admin', 'support', 'editor', 'writer', 'client']) {
      const made = await t.api.post('/api/email-recipients', { ...as(who), body: { campaign: c.id, address: `planted-${who}@example.com`, status: 'pending' } })
      expect(made.status, who).toBe(403)
      expect([403, 404], who).toContain((await t.api.patch(`/api/email-recipients/${rid}`, { ...as(who), body: { status: 'sent', address: 'else@example.com' } })).status)
      const gql = await t.api.graphql('mutation($id: Int!) { updateEmailRecipient(id: $id, data: { address: "else@example.com" }) { id } }', { ...as(who), variables: { id: rid } })
      expect(gql.body.errors?.length, who).toBeGreaterThan(0)
      if (who === 'admin') continue
      expect((await t.api.get('/api/email-recipients?limit=5', as(who))).body.docs, who).toEqual([])
      expect((await t.api.get('/api/email-suppressions?limit=5', as(who))).body.docs, who).toEqual([])
      const read = await t.api.graphql('{ EmailRecipients(limit: 5) { docs { id address } } EmailSuppressions(limit: 5) { docs { id address } } }', as(who))
      expect(read.body.data?.EmailRecipients?.docs ?? [], who).toEqual([])
      expect(read.body.data?.EmailSuppressions?.docs ?? [], who).toEqual([])
      expect((await t.api.post('/api/email-suppressions', { ...as(who), body: { address: `x-${who}@example.com` } })).status, who).toBe(403)
    }
    expect(await t.payload.findByID({ collection: 'email-recipients', id: rid, depth: 0 })).toEqual(before)
    expect((await t.api.get(`/api/email-recipients/${rid}`, as('admin'))).status).toBe(200)
    await must('admin', c.id, 'cancel')
    // Beta's admin sees none of Alpha's, and Alpha's admin cannot suppress an address on Beta.
    expect((await t.api.get(`/api/email-recipients?where[campaign][equals]=${c.id}`, { host: 'beta.test', token: tokens.betaAdmin })).body.docs).toEqual([])
    const beta = await betaId()
    const intoBeta = await t.api.post('/api/email-suppressions', { ...as('admin'), body: { tenant: beta, address: `planted-${stamp()}@example.com` } })
    expect(intoBeta.status).toBeGreaterThanOrEqual(400)
    expect(intoBeta.status).toBeLessThan(500)
    expect((await t.payload.count({ collection: 'email-suppressions', where: { and: [{ tenant: { equals: beta } }, { address: { like: 'planted-' } }] } })).totalDocs).toBe(0)
  })

  it('segments reach only the website’s own people; another website’s writer level is refused', async () => {
    const beta = await betaId()
    const tag = stamp()
    // Beta: a client with an order today and a writer of a Beta level, both under Alpha-looking names.
    await placeOrderFor(t.payload, beta, 'client@beta.test')
    const betaLevel = await t.payload.create({ collection: 'writer-levels', data: { tenant: beta, code: `b-${tag}`, name: 'Beta level', payPerPage: 700 } as never, depth: 0 })
    await t.payload.create({ collection: 'users', data: { name: 'Beta writer', email: `bw-${tag}@example.com`, password: 'Probe-password-1', roles: ['writer'], tenants: [{ tenant: beta }], writerLevel: betaLevel.id } as never, depth: 0 })
    const alphaLevel = await t.payload.create({ collection: 'writer-levels', data: { tenant: alphaId, code: `a-${tag}`, name: 'Alpha level', payPerPage: 700 } as never, depth: 0 })
    await t.payload.create({ collection: 'users', data: { name: 'Alpha writer', email: `aw-${tag}@example.com`, password: 'Probe-password-1', roles: ['writer'], tenants: [{ tenant: alphaId }], writerLevel: alphaLevel.id } as never, depth: 0 })

    const recent = await draft(`Recent ${tag}`, { audience: { segment: 'recentClients', days: 1 } })
    await must('admin', recent.id, 'sendNow')
    const lapsed = await draft(`Lapsed ${tag}`, { audience: { segment: 'lapsedClients', days: 1 } })
    await must('admin', lapsed.id, 'sendNow')
    const everyone = await query(sql`SELECT r.address, bool_and(EXISTS (SELECT 1 FROM users u JOIN users_tenants ut ON ut._parent_id = u.id AND ut.tenant_id = ${alphaId} WHERE lower(u.email) = r.address)) AS alpha
      FROM email_recipients r WHERE r.campaign_id IN (${recent.id}, ${lapsed.id}) GROUP BY r.address`)
    expect(everyone.length).toBeGreaterThan(0)
    expect(everyone.filter((r) => !r.alpha)).toEqual([])
    expect(everyone.map((r) => r.address)).not.toContain('client@beta.test')
    // Only their recipients were the point: the schedule need not mail the lapsed thousand.
    for (const c of [recent, lapsed]) await must('admin', c.id, 'cancel')

    // Payload's relationship check reads the level as the admin: Beta's is no level to them.
    const foreign = await create('admin', { name: 'Foreign level', subject: 'Foreign level', body: lexicalBody(para('Hi')), audience: { segment: 'writersOfLevel', level: betaLevel.id } })
    expect(foreign.status).toBe(400)
    expect(JSON.stringify(foreign.body)).toContain('audience.level')
    const own = await draft(`Level ${tag}`, { audience: { segment: 'writersOfLevel', level: alphaLevel.id } })
    expect((await t.api.patch(`/api/email-campaigns/${own.id}`, { ...as('admin'), body: { audience: { segment: 'writersOfLevel', level: betaLevel.id } } })).status).toBe(400)
    await must('admin', own.id, 'sendNow')
    expect((await query(sql`SELECT address FROM email_recipients WHERE campaign_id = ${own.id}`)).map((r) => r.address)).toEqual([`aw-${tag}@example.com`])
    await must('admin', own.id, 'cancel')
  })

  it('an address unsubscribed before the start, or while the campaign waits to be sent, gets nothing', async () => {
    const tag = stamp()
    const level = await t.payload.create({ collection: 'writer-levels', data: { tenant: alphaId, code: `u-${tag}`, name: 'Unsubscribers', payPerPage: 700 } as never, depth: 0 })
    const writer = async (n: number) =>
      t.payload.create({ collection: 'users', data: { name: `Writer ${n}`, email: `u${n}-${tag}@example.com`, password: 'Probe-password-1', roles: ['writer'], tenants: [{ tenant: alphaId }], writerLevel: level.id } as never, depth: 0 })
    const [early, late, stays] = [await writer(1), await writer(2), await writer(3)]
    const unsubscribe = async (user: number) => {
      const url = new URL(unsubscribeUrl(user, alphaId, 'marketing'))
      expect((await t.api.post(`${url.pathname}${url.search}`, ALPHA)).status).toBe(200)
    }
    await unsubscribe(early.id)
    const subject = `Unsubscribers ${tag}`
    const c = await draft(subject, { audience: { segment: 'writersOfLevel', level: level.id } })
    await must('admin', c.id, 'sendNow')
    expect(await recipientCounts(c.id)).toEqual({ pending: 2, skipped: 1 })
    await unsubscribe(late.id)
    await runSchedule(t.payload, 'campaigns-dispatch', new Date())
    expect([...receivedBy(subject).keys()]).toEqual([stays.email])
    const rows = await query(sql`SELECT address, status::text AS status, reason FROM email_recipients WHERE campaign_id = ${c.id} ORDER BY address`)
    expect(rows).toEqual([
      { address: early.email, status: 'skipped', reason: 'unsubscribed' },
      { address: late.email, status: 'skipped', reason: 'unsubscribed' },
      { address: stays.email, status: 'sent', reason: null },
    ])
    expect((await campaign(c.id)).status).toBe('sent')
  })
})
