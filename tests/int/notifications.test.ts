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

  it('a category unsubscribed after its mail was held for the digest is left out of the digest', async () => {
    const client = await person()
    expect((await patchPreferences(client, { digest: 'daily' })).status).toBe(200)
    for (const n of [1, 2]) await tell({ recipients: [client.id], event: 'order.submitted', data: { orderId: n }, key: `digest-off:${n}` })
    await tell({ recipients: [client.id], event: 'ticket.replied', data: { id: 3, number: 'T-3' }, key: 'digest-off:ticket' })
    await settle()
    expect((await rows(client.id)).map((r) => r.emailStatus)).toEqual(['held', 'held', 'held'])
    // The link of an earlier digest: no more mail about orders.
    const url = new URL(unsubscribeUrl(client.id, alpha, 'orders'))
    expect((await t.api.post(`${url.pathname}${url.search}`, { host: 'alpha.test' })).status).toBe(200)

    await runSchedule(t.payload, 'notifications-digest-daily', new Date())
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(1)
    const digest = mailsTo(client.email)[0]!
    expect(digest.subject).toBe('1 update from Alpha Essays today')
    expect(digest.text).toContain('T-3')
    expect(digest.text).not.toContain('/api/notifications/unsubscribe?token=' + url.searchParams.get('token'))
    expect((await rows(client.id)).map((r) => [r.category, r.emailStatus, r.emailReason])).toEqual([
      ['orders', 'skipped', 'category mail off'],
      ['orders', 'skipped', 'category mail off'],
      ['tickets', 'digested', 'daily digest'],
    ])

    // With nothing left to mail, no digest at all.
    await tell({ recipients: [client.id], event: 'ticket.replied', data: { id: 4, number: 'T-4' }, key: 'digest-off:ticket2' })
    const tickets = new URL(unsubscribeUrl(client.id, alpha, 'tickets'))
    expect((await t.api.post(`${tickets.pathname}${tickets.search}`, { host: 'alpha.test' })).status).toBe(200)
    await runSchedule(t.payload, 'notifications-digest-daily', new Date())
    await settle()
    expect(mailsTo(client.email)).toHaveLength(1)
    expect((await rows(client.id)).at(-1)).toMatchObject({ emailStatus: 'skipped', emailReason: 'category mail off' })
  })

  it('a user who mutes after mail was held for the digest gets no digest until the mute ends', async () => {
    const client = await person()
    expect((await patchPreferences(client, { digest: 'daily' })).status).toBe(200)
    await tell({ recipients: [client.id], event: 'order.submitted', data: { orderId: 1 }, key: 'digest-muted:1' })
    await settle()
    const until = new Date(Date.now() + 2 * 24 * 3600 * 1000)
    expect((await patchPreferences(client, { muteUntil: until.toISOString() })).status).toBe(200)
    await runSchedule(t.payload, 'notifications-digest-daily', new Date())
    await settle()
    expect(mailsTo(client.email)).toHaveLength(0)
    expect((await rows(client.id)).map((r) => r.emailStatus)).toEqual(['held'])
    await runSchedule(t.payload, 'notifications-digest-daily', new Date(until.getTime() + 3600 * 1000))
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(1)
    expect((await rows(client.id)).map((r) => r.emailStatus)).toEqual(['digested'])
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

    // A row kept out of the inbox (in-app off for its category) is not the inbox's to mark.
    await tell({ recipients: [mine.id], key: 'inbox:4', data: { orderId: 4 } })
    await execute(await createLocalReq({}, t.payload), sql`UPDATE notifications SET inbox = false WHERE recipient_id = ${mine.id} AND key = 'inbox:4'`)
    expect((await t.api.post('/api/notifications/read', { host: mine.host, token, body: { all: true } })).body).toEqual({ updated: 1, unread: 0 })
    expect((await rows(mine.id)).find((r) => r.key === 'inbox:4')!.readAt).toBeFalsy()
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
      [{ dndEnd: -1 }, 'dndEnd'],
      [{ dndStart: 7.5 }, 'dndStart'],
      [{ minPriority: 'urgent' }, 'minPriority'],
      [{ muteUntil: 'tomorrow' }, 'muteUntil'],
      [{ channels: { orders: { email: 'no' } } }, 'channels'],
      // One bad field spoils the whole body: the good one is not written either.
      [{ digest: 'daily', timeZone: 'Nowhere/Land' }, 'timeZone'],
    ] as const) {
      const res = await t.api.patch('/api/notification-preferences/me', { host: writer.host, token, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(res.body)).toContain(field)
    }
    expect((await t.payload.count({ collection: 'notification-preferences', where: { user: { equals: writer.id } } })).totalDocs).toBe(0)
    expect((await t.api.get('/api/notification-preferences/me', { host: writer.host, token })).body).toEqual(mine.body)
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
    // Twice (a mail client's one-click POST, then the person's): the same answer, one row, nothing more.
    const stored = await t.payload.find({ collection: 'notification-preferences', where: { user: { equals: client.id } }, depth: 0 })
    expect(stored.totalDocs).toBe(1)
    const twice = await t.api.post(path, { host: 'alpha.test' })
    expect(twice).toMatchObject({ status: 200, body: done.body })
    const after = await t.payload.find({ collection: 'notification-preferences', where: { user: { equals: client.id } }, depth: 0 })
    expect(after.docs.map(({ updatedAt: _u, ...rest }) => rest)).toEqual(stored.docs.map(({ updatedAt: _u, ...rest }) => rest))
    expect((await t.api.get(path, { host: 'alpha.test' })).body.subscribed).toBe(false)
    expect(await wantsEmail(req, client.id, alpha, 'orders')).toBe(true)
    // A link for another website the user does not belong to is no link.
    const foreign = new URL(unsubscribeUrl(client.id, beta, 'marketing'))
    expect((await t.api.post(`${foreign.pathname}${foreign.search}`, { host: 'beta.test' })).status).toBe(404)
  })
})

describe('who may touch notifications and preferences (REST and GraphQL)', () => {
  const staffToken = async (role: 'admin' | 'superadmin') => t.api.login(role === 'admin' ? 'admin@alpha.test' : 'superadmin@scriptorium.test', DEMO_PASSWORD, { host: 'alpha.test' })

  it('over GraphQL a user reads and changes only their own notifications, and nobody, not even an admin, forges one', async () => {
    const mine = await person()
    const theirs = await person()
    await tell({ recipients: [mine.id], key: 'gql:1', data: { orderId: 1 } })
    await tell({ recipients: [theirs.id], key: 'gql:2', data: { orderId: 2 } })
    // Their mails sent first, so that the rows compared below move no more on their own.
    for (const who of [mine, theirs]) await expect.poll(async () => (await rows(who.id))[0]?.emailStatus, { timeout: 10_000 }).toBe('sent')
    const [myRow] = await rows(mine.id)
    const [theirRow] = await rows(theirs.id)
    const token = await t.api.login(mine.email, DEMO_PASSWORD, { host: mine.host })
    const as = { host: mine.host, token }

    const list = await t.api.graphql('{ Notifications(limit: 100) { docs { id recipient { id } } } }', as)
    expect(list.body.errors).toBeUndefined()
    expect(list.body.data.Notifications.docs.map((d: { id: number }) => d.id)).toEqual([myRow!.id])
    const other = await t.api.graphql('query($id: Int!) { Notification(id: $id) { id title } }', { ...as, variables: { id: theirRow!.id } })
    expect(other.body.data?.Notification ?? null).toBeNull()
    expect(JSON.stringify(other.body)).not.toContain(theirRow!.title)

    // Not even their own: read state moves only through POST /api/notifications/read.
    for (const id of [myRow!.id, theirRow!.id]) {
      const res = await t.api.graphql('mutation($id: Int!) { updateNotification(id: $id, data: { readAt: "2030-01-01T00:00:00.000Z", title: "Forged" }) { id } }', { ...as, variables: { id } })
      expect(res.body.errors?.length).toBeGreaterThan(0)
    }
    expect(await rows(mine.id)).toEqual([myRow])
    expect(await rows(theirs.id)).toEqual([theirRow])
    const patched = await t.api.patch(`/api/notifications/${myRow!.id}`, { ...as, body: { readAt: '2030-01-01T00:00:00.000Z', title: 'Forged' } })
    expect([403, 404]).toContain(patched.status)
    expect(await rows(mine.id)).toEqual([myRow])

    const forged = { recipient: theirs.id, event: 'order.assigned', title: 'Pay here', key: `forged:${Date.now()}` }
    for (const who of [token, await staffToken('admin'), await staffToken('superadmin')]) {
      const rest = await t.api.post('/api/notifications', { host: 'alpha.test', token: who, body: { ...forged, tenant: alpha, category: 'orders', priority: 'normal' } })
      expect(rest.status).toBe(403)
      const gql = await t.api.graphql(
        'mutation($recipient: Int!, $key: String!) { createNotification(data: { recipient: $recipient, event: "order.assigned", category: orders, priority: normal, title: "Pay here", key: $key, emailStatus: none }) { id } }',
        { host: 'alpha.test', token: who, variables: { recipient: theirs.id, key: forged.key } },
      )
      expect(gql.body.errors?.length).toBeGreaterThan(0)
      expect(gql.body.data?.createNotification ?? null).toBeNull()
    }
    expect(await rows(theirs.id)).toEqual([theirRow])
  })

  it('a user cannot read or write someone else’s preferences through the collection, over REST or GraphQL', async () => {
    const owner = await person('writer')
    const other = await person('client')
    expect((await patchPreferences(owner, { timeZone: 'Europe/Berlin', digest: 'daily' })).status).toBe(200)
    const { docs } = await t.payload.find({ collection: 'notification-preferences', where: { user: { equals: owner.id } }, depth: 0 })
    const row = docs[0]!
    const token = await t.api.login(other.email, DEMO_PASSWORD, { host: other.host })
    const as = { host: other.host, token }

    expect((await t.api.get(`/api/notification-preferences/${row.id}`, as)).status).toBe(404)
    expect((await t.api.get('/api/notification-preferences?limit=100', as)).body.docs).toEqual([])
    expect([403, 404]).toContain((await t.api.patch(`/api/notification-preferences/${row.id}`, { ...as, body: { digest: 'none', channels: { orders: { email: false } } } })).status)
    const read = await t.api.graphql('query($id: Int!) { NotificationPreference(id: $id) { id digest } }', { ...as, variables: { id: row.id } })
    expect(read.body.data?.NotificationPreference ?? null).toBeNull()
    const listed = await t.api.graphql('{ NotificationPreferences(limit: 100) { docs { id } } }', as)
    expect(listed.body.data.NotificationPreferences.docs).toEqual([])
    const written = await t.api.graphql('mutation($id: Int!) { updateNotificationPreference(id: $id, data: { digest: none }) { id } }', { ...as, variables: { id: row.id } })
    expect(written.body.errors?.length).toBeGreaterThan(0)
    // The owner too changes theirs through /me only, never the row (whose user is the server's).
    const ownerToken = await t.api.login(owner.email, DEMO_PASSWORD, { host: owner.host })
    expect([403, 404]).toContain((await t.api.patch(`/api/notification-preferences/${row.id}`, { host: owner.host, token: ownerToken, body: { user: other.id, digest: 'none' } })).status)
    expect(await t.payload.findByID({ collection: 'notification-preferences', id: row.id, depth: 0 })).toEqual(row)
  })

  it('an admin adjusting a row over REST is held to the same rules as /me: bad channels are a 400 naming the field', async () => {
    const client = await person()
    expect((await patchPreferences(client, { digest: 'daily' })).status).toBe(200)
    const { docs } = await t.payload.find({ collection: 'notification-preferences', where: { user: { equals: client.id } }, depth: 0 })
    const row = docs[0]!
    const admin = { host: 'alpha.test', token: await staffToken('admin') }
    for (const channels of [{ everything: { email: false } }, { orders: { fax: true } }, { orders: { email: 'no' } }, ['orders'], 'all']) {
      const res = await t.api.patch(`/api/notification-preferences/${row.id}`, { ...admin, body: { channels } })
      expect(res.status, JSON.stringify(channels)).toBe(400)
      expect(JSON.stringify(res.body)).toContain('channels')
    }
    expect(await t.payload.findByID({ collection: 'notification-preferences', id: row.id, depth: 0 })).toEqual(row)
    const fine = await t.api.patch(`/api/notification-preferences/${row.id}`, { ...admin, body: { channels: { orders: { email: false } } } })
    expect(fine.status).toBe(200)
    expect(fine.body.doc.channels).toEqual({ orders: { email: false } })
  })

  it('consent to campaign mail is the user’s: an admin switches it off, never on, and cannot delete the row to restore the default', async () => {
    const client = await person()
    expect((await patchPreferences(client, { channels: { marketing: { email: false } } })).status).toBe(200)
    const row = (await t.payload.find({ collection: 'notification-preferences', where: { user: { equals: client.id } }, depth: 0 })).docs[0]!
    const admin = { host: 'alpha.test', token: await staffToken('admin') }
    const refused = await t.api.patch(`/api/notification-preferences/${row.id}`, { ...admin, body: { channels: { marketing: { email: true } } } })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].data.errors[0]).toMatchObject({ path: 'channels' })
    expect((await t.api.delete(`/api/notification-preferences/${row.id}`, admin)).status).toBe(403)
    expect(await t.payload.findByID({ collection: 'notification-preferences', id: row.id, depth: 0 })).toEqual(row)
    // Off for them is the admin's to do (a complaint by mail); on again is the user's.
    expect((await t.api.patch(`/api/notification-preferences/${row.id}`, { ...admin, body: { channels: { marketing: { email: false, live: false } } } })).status).toBe(200)
    const mine = await patchPreferences(client, { channels: { marketing: { email: true } } })
    expect(mine.status).toBe(200)
    expect((await t.payload.findByID({ collection: 'notification-preferences', id: row.id, depth: 0 })).channels).toMatchObject({ marketing: { email: true } })
  })
})

describe('templates', () => {
  it('a website’s admin cannot put a template on another website', async () => {
    const admin = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const before = await t.payload.count({ collection: 'notification-templates', where: { tenant: { equals: beta } } })
    const res = await t.api.post('/api/notification-templates', { host: 'alpha.test', token: admin, body: { tenant: beta, event: 'order.cancelled', subject: 'Planted', text: 'Planted' } })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(await t.payload.count({ collection: 'notification-templates', where: { tenant: { equals: beta } } })).toEqual(before)
    const writer = await t.api.login('writer@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    expect((await t.api.post('/api/notification-templates', { host: 'alpha.test', token: writer, body: { event: 'order.cancelled', subject: 'Mine', text: 'Mine' } })).status).toBe(403)
  })

  it('a user’s words (a ticket’s subject) are escaped in the HTML mail, by default and in a website’s template', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    const plain = await person()
    await tell({ recipients: [plain.id], event: 'ticket.opened', data: { id: 9, number: 'T-9', subject: hostile }, key: 'escape:default' })
    await expect.poll(() => mailsTo(plain.email).length, { timeout: 10_000 }).toBe(1)
    const framed = mailsTo(plain.email)[0]!
    expect(framed.html).toContain('&lt;script&gt;')
    expect(framed.html).not.toMatch(/<script|<img/i)
    expect(framed.text).toContain(hostile)

    await t.payload.create({ collection: 'notification-templates', data: { tenant: alpha, event: 'ticket.replied', subject: 'Reply on {{data.subject}}', text: '{{body}}', html: '<h1>{{title}}</h1><p>{{body}}</p><p>{{data.subject}}</p><a href="{{link}}">Open</a>' }, depth: 0 })
    const templated = await person()
    await tell({ recipients: [templated.id], event: 'ticket.replied', data: { id: 9, number: 'T-9', subject: hostile }, key: 'escape:override' })
    await expect.poll(() => mailsTo(templated.email).length, { timeout: 10_000 }).toBe(1)
    const mail = mailsTo(templated.email)[0]!
    expect(mail.html).toContain('<h1>')
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(mail.html).not.toMatch(/<script|<img/i)
  })
})

describe('a notification mail whose worker was killed', () => {
  it('is never sent twice: a job run again finds the claim (sending) and sends nothing; a queued one is sent once and marked', async () => {
    const { notificationMail } = await import('@/jobs/handlers/notificationMail')
    const client = await person()
    await tell({ recipients: [client.id], key: 'killed-worker:1' })
    await expect.poll(() => mailsTo(client.email).length, { timeout: 10_000 }).toBe(1)
    const [note] = await rows(client.id)
    await expect.poll(async () => (await rows(client.id))[0]!.emailStatus, { timeout: 10_000 }).toBe('sent')
    // As a killed worker leaves it: claimed, the SMTP exchange under way.
    await t.payload.db.drizzle.execute(`UPDATE notifications SET email_status = 'sending' WHERE id = ${note!.id}`)
    const context = { payload: t.payload, tenant: alpha, data: { notificationId: note!.id }, outboxId: 0 } as Parameters<typeof notificationMail>[0]
    await notificationMail(context)
    await settle()
    expect(mailsTo(client.email)).toHaveLength(1)
    // Given back to the queue (a failed exchange does that), the next run sends it once more and marks it.
    await t.payload.db.drizzle.execute(`UPDATE notifications SET email_status = 'queued' WHERE id = ${note!.id}`)
    await notificationMail(context)
    await notificationMail(context)
    expect(mailsTo(client.email)).toHaveLength(2)
    expect((await rows(client.id))[0]!.emailStatus).toBe('sent')
  })
})
