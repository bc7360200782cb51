import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import type { NotifyInput } from '@/domain/notifications/types'
import type { JobRuntime } from '@/jobs/runtime'
import { inTransaction } from '@/operations/inTransaction'
import { unsubscribeUrl, wantsEmail } from '@/operations/notifications/consent'
import { notify } from '@/operations/notifications/notify'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { runSchedule } from '../helpers/schedules'
import { type MailSink, startMailSink } from '../helpers/smtp'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Notification delivery end to end: `notify()` in a transaction, the outbox and the
 * worker, a real SMTP receiver. The events are told by a test-only call (the operations
 * that tell them are wired elsewhere).
 */

let t: TestContext
let sink: MailSink
let runtime: JobRuntime
let alpha: number
let beta: number

beforeAll(async () => {
  sink = await startMailSink()
  process.env.SMTP_URL = sink.url
  t = await startTestPayload()
  const { startJobRuntime } = await import('@/jobs/runtime')
  const { handlers } = await import('@/jobs/handlers')
  // Live events are counted as outbox rows here; their delivery is tests/int/liveEvents.test.ts's.
  runtime = await startJobRuntime({ payload: t.payload, redisUrl: null, schedules: [], relayIntervalMs: 20, handlers: { ...handlers, 'live.event': async () => {} } })
  const { docs } = await t.payload.find({ collection: 'tenants', depth: 0, limit: 10 })
  alpha = docs.find((d) => d.slug === 'alpha')!.id
  beta = docs.find((d) => d.slug === 'beta')!.id
})
afterAll(async () => {
  await runtime?.close()
  await t?.close()
  await sink?.close()
  delete process.env.SMTP_URL
})

let serial = 0
/** A fresh client (or other role) of a website, so each test counts only its own mail. */
const person = async (role: 'client' | 'writer' = 'client', tenant = alpha, timezone?: string) => {
  serial += 1
  const email = `notify-${serial}-${Date.now()}@example.com`
  const user = await t.payload.create({ collection: 'users', data: { name: `Person ${serial}`, email, password: DEMO_PASSWORD, roles: [role], tenants: [{ tenant }], ...(timezone ? { timezone } : {}) } as never, depth: 0 })
  return { id: user.id, email, host: tenant === alpha ? 'alpha.test' : 'beta.test' }
}

const tell = async (input: Partial<NotifyInput> & { recipients: number[] }, now?: Date) => {
  const req = await createLocalReq({}, t.payload)
  await inTransaction(req, () => notify(req, { event: 'order.assigned', tenant: alpha, data: { orderId: 1 }, ...input }, { now }))
}

const mailsTo = (address: string) => sink.mails.filter((m) => JSON.stringify(m.to ?? '').includes(address))
const settle = () => new Promise((r) => setTimeout(r, 400))
const rows = async (recipient: number) => (await t.payload.find({ collection: 'notifications', where: { recipient: { equals: recipient } }, sort: 'id', depth: 0, pagination: false })).docs
const liveEvents = async (user: number) => {
  const req = await createLocalReq({}, t.payload)
  return execute<{ id: number }>(req, sql`SELECT id FROM outbox WHERE type = 'live.event' AND payload->'audience'->>'user' = ${String(user)}`)
}

const patchPreferences = async (who: { email: string; host: string }, body: Record<string, unknown>) => {
  const token = await t.api.login(who.email, DEMO_PASSWORD, { host: who.host })
  return t.api.patch('/api/notification-preferences/me', { host: who.host, token, body })
}

describe('delivery', () => {
  it('a muted user gets the in-app notification and no mail; a critical event mails anyway', async () => {
    const muted = await person()
    expect((await patchPreferences(muted, { muteUntil: '2099-01-01T00:00:00Z' })).status).toBe(200)
    await tell({ recipients: [muted.id], key: 'muted:1' })
    await settle()
    expect(await rows(muted.id)).toHaveLength(1)
    expect((await rows(muted.id))[0]).toMatchObject({ emailStatus: 'skipped', emailReason: 'muted', inbox: true })
    expect(mailsTo(muted.email)).toHaveLength(0)

    await tell({ recipients: [muted.id], event: 'payment.failed', data: { orderId: 1, amount: 1250, currency: 'USD' }, priority: 'critical', key: 'muted:critical' })
    await expect.poll(() => mailsTo(muted.email).length, { timeout: 10_000 }).toBe(1)
    expect(mailsTo(muted.email)[0]!.subject).toBe('Payment failed: $12.50')
    expect(mailsTo(muted.email)[0]!.from?.value[0]?.name).toBe('Alpha Essays')
  })

  it('an unmuted user gets one in-app row, one live event and one mail; a retry of the same key tells nobody twice', async () => {
    const client = await person()
    await tell({ recipients: [client.id, client.id], key: 'order.assigned:77' })
    await tell({ recipients: [client.id], key: 'order.assigned:77' })
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(1)
    await settle()
    expect(mailsTo(client.email)).toHaveLength(1)
    expect(await rows(client.id)).toHaveLength(1)
    expect(await liveEvents(client.id)).toHaveLength(1)
    await expect.poll(async () => (await rows(client.id))[0]!.emailStatus, { timeout: 10_000 }).toBe('sent')
  })

  it('a rolled-back change leaves no notification, no mail job and no live event', async () => {
    const client = await person()
    const req = await createLocalReq({}, t.payload)
    await expect(
      inTransaction(req, async () => {
        await notify(req, { event: 'order.assigned', tenant: alpha, recipients: [client.id], data: { orderId: 5 }, key: 'rolled-back' })
        throw new Error('the business change failed')
      }),
    ).rejects.toThrow('the business change failed')
    await settle()
    expect(await rows(client.id)).toHaveLength(0)
    expect(await liveEvents(client.id)).toHaveLength(0)
    expect(mailsTo(client.email)).toHaveLength(0)
  })

  it('a daily digest groups the held notifications into one mail with an unsubscribe link, once, even with two runs at once', async () => {
    const client = await person()
    expect((await patchPreferences(client, { digest: 'daily' })).status).toBe(200)
    for (const n of [1, 2, 3]) await tell({ recipients: [client.id], event: 'order.submitted', data: { orderId: n }, key: `digest:${n}` })
    await settle()
    expect(mailsTo(client.email)).toHaveLength(0)
    expect((await rows(client.id)).map((r) => r.emailStatus)).toEqual(['held', 'held', 'held'])

    // The hourly run is not this user's.
    await runSchedule(t.payload, 'notifications-digest-hourly', new Date())
    await Promise.all([runSchedule(t.payload, 'notifications-digest-daily', new Date()), runSchedule(t.payload, 'notifications-digest-daily', new Date())])
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(1)
    await runSchedule(t.payload, 'notifications-digest-daily', new Date())
    await settle()
    expect(mailsTo(client.email)).toHaveLength(1)
    const digest = mailsTo(client.email)[0]!
    expect(digest.subject).toBe('3 updates from Alpha Essays today')
    expect(digest.text).toContain('/api/notifications/unsubscribe?token=')
    expect((await rows(client.id)).map((r) => r.emailStatus)).toEqual(['digested', 'digested', 'digested'])
  })

  it('do-not-disturb hours in the user’s zone hold mail until the hourly run after them', async () => {
    // 20:00–08:00 in Tokyo; 12:00 UTC is 21:00 there.
    const client = await person('client', alpha, 'Asia/Tokyo')
    expect((await patchPreferences(client, { dndStart: 20, dndEnd: 8 })).status).toBe(200)
    await tell({ recipients: [client.id], key: 'dnd:1' }, new Date('2026-12-01T12:00:00Z'))
    await settle()
    expect(mailsTo(client.email)).toHaveLength(0)
    expect((await rows(client.id))[0]).toMatchObject({ emailStatus: 'held', emailReason: 'do not disturb' })
    await runSchedule(t.payload, 'notifications-digest-hourly', new Date('2026-12-01T13:00:00Z')) // 22:00 in Tokyo
    await settle()
    expect(mailsTo(client.email)).toHaveLength(0)
    await runSchedule(t.payload, 'notifications-digest-hourly', new Date('2026-12-02T00:00:00Z')) // 09:00 in Tokyo
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(1)
  })

  it('rate-limits mail per recipient: past ten in an hour the rest wait for the digest; critical is never limited', async () => {
    const client = await person()
    for (let n = 1; n <= 12; n += 1) await tell({ recipients: [client.id], data: { orderId: n }, key: `rate:${n}` })
    await tell({ recipients: [client.id], event: 'payment.failed', priority: 'critical', key: 'rate:critical' })
    await expect.poll(() => mailsTo(client.email).length, { timeout: 15_000 }).toBe(11)
    const statuses = (await rows(client.id)).map((r) => r.emailStatus)
    expect(statuses.filter((s) => s === 'held')).toHaveLength(2)
    await runSchedule(t.payload, 'notifications-digest-hourly', new Date())
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(12)
  })

  it('a website’s template overrides the default mail of its event', async () => {
    const client = await person()
    await t.payload.create({ collection: 'notification-templates', data: { tenant: alpha, event: 'order.approved', subject: 'Approved: order {{data.orderId}}', text: 'Dear {{name}}, {{title}}.', html: '<p>Dear {{name}}</p>' }, depth: 0 })
    await tell({ recipients: [client.id], event: 'order.approved', data: { orderId: 42 }, key: 'template:42' })
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(1)
    expect(mailsTo(client.email)[0]!.subject).toBe('Approved: order 42')
    expect(mailsTo(client.email)[0]!.text).toContain(`Dear Person`)
  })
})

describe('endpoints', () => {
  it('lists, counts and marks read only the caller’s own notifications', async () => {
    const mine = await person()
    const theirs = await person()
    await tell({ recipients: [mine.id], key: 'inbox:1', data: { orderId: 1 } })
    await tell({ recipients: [mine.id], key: 'inbox:2', data: { orderId: 2 } })
    await tell({ recipients: [theirs.id], key: 'inbox:3', data: { orderId: 3 } })
    const token = await t.api.login(mine.email, DEMO_PASSWORD, { host: mine.host })
    const list = await t.api.get('/api/notifications?unread=true&page=1', { host: mine.host, token })
    expect(list.status).toBe(200)
    expect(list.body.totalDocs).toBe(2)
    const [theirRow] = await rows(theirs.id)
    expect((await t.api.get('/api/notifications/unread-count', { host: mine.host, token })).body).toEqual({ unread: 2 })

    const marked = await t.api.post('/api/notifications/read', { host: mine.host, token, body: { ids: [list.body.docs[0].id, theirRow!.id] } })
    expect(marked.status).toBe(200)
    expect(marked.body).toEqual({ updated: 1, unread: 1 })
    expect((await rows(theirs.id))[0]!.readAt).toBeFalsy()
    expect((await t.api.get('/api/notifications?unread=true', { host: mine.host, token })).body.totalDocs).toBe(1)
    expect((await t.api.get('/api/notifications', { host: mine.host, token })).body.totalDocs).toBe(2)
    expect((await t.api.get(`/api/notifications/${theirRow!.id}`, { host: mine.host, token })).status).toBe(404)

    expect((await t.api.post('/api/notifications/read', { host: mine.host, token, body: { all: true } })).body).toEqual({ updated: 1, unread: 0 })
    const bad = await t.api.post('/api/notifications/read', { host: mine.host, token, body: { ids: ['x'] } })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('ids')
    expect((await t.api.get('/api/notifications/unread-count', { host: mine.host })).status).toBe(401)
  })

  it('reads and validates the caller’s preferences', async () => {
    const writer = await person('writer')
    const token = await t.api.login(writer.email, DEMO_PASSWORD, { host: writer.host })
    const mine = await t.api.get('/api/notification-preferences/me', { host: writer.host, token })
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({ customised: false, digest: 'none', timeZone: 'UTC' })
    expect(mine.body.channels.marketing.email).toBe(true)
    expect(mine.body.channels.orders.email).toBe(true)

    for (const [body, field] of [
      [{ dndStart: 24 }, 'dndStart'],
      [{ channels: { everything: { email: false } } }, 'channels'],
      [{ channels: { orders: { fax: true } } }, 'channels'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ digest: 'monthly' }, 'digest'],
      [{ roles: ['admin'] }, 'roles'],
    ] as const) {
      const res = await t.api.patch('/api/notification-preferences/me', { host: writer.host, token, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(res.body)).toContain(field)
    }
    const changed = await t.api.patch('/api/notification-preferences/me', { host: writer.host, token, body: { channels: { orders: { email: false } }, dndStart: 22, dndEnd: 7, timeZone: 'Europe/Berlin' } })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ customised: true, dndStart: 22, dndEnd: 7, timeZone: 'Europe/Berlin' })
    expect(changed.body.channels.orders).toEqual({ inApp: true, email: false, live: true })
    const again = await t.api.patch('/api/notification-preferences/me', { host: writer.host, token, body: { channels: { payments: { live: false } } } })
    expect(again.body.channels.orders.email).toBe(false)
    expect(again.body.channels.payments.live).toBe(false)
  })

  it('an unsubscribe link works without login; a tampered one writes nothing', async () => {
    const client = await person()
    const req = await createLocalReq({}, t.payload)
    expect(await wantsEmail(req, client.id, alpha, 'marketing')).toBe(true)
    const url = new URL(unsubscribeUrl(client.id, alpha, 'marketing'))
    const path = `${url.pathname}${url.search}`
    const tampered = path.replace(`token=${client.id}.`, `token=${client.id + 1}.`)

    expect((await t.api.post(tampered, { host: 'alpha.test' })).status).toBe(404)
    expect((await t.api.get(tampered, { host: 'alpha.test' })).status).toBe(404)
    expect((await t.api.post('/api/notifications/unsubscribe', { host: 'alpha.test' })).status).toBe(404)
    expect((await t.payload.count({ collection: 'notification-preferences', where: { user: { in: [client.id, client.id + 1] } } })).totalDocs).toBe(0)

    const status = await t.api.get(path, { host: 'alpha.test' })
    expect(status.status).toBe(200)
    expect(status.body).toEqual({ category: 'marketing', website: 'Alpha Essays', subscribed: true })
    const page = await t.api.raw('GET', path, { host: 'alpha.test', headers: { accept: 'text/html' }, unchecked: true })
    expect(await page.text()).toContain('<form method="post"')
    expect((await t.payload.count({ collection: 'notification-preferences', where: { user: { equals: client.id } } })).totalDocs).toBe(0)

    const done = await t.api.post(path, { host: 'alpha.test' })
    expect(done.status).toBe(200)
    expect(done.body).toEqual({ category: 'marketing', website: 'Alpha Essays', subscribed: false })
    expect(await wantsEmail(req, client.id, alpha, 'marketing')).toBe(false)
    expect(await wantsEmail(req, client.id, alpha, 'orders')).toBe(true)
    // A link for another website the user does not belong to is no link.
    const foreign = new URL(unsubscribeUrl(client.id, beta, 'marketing'))
    expect((await t.api.post(`${foreign.pathname}${foreign.search}`, { host: 'beta.test' })).status).toBe(404)
  })
})
