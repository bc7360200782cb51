import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import type { TestContext } from '../helpers/testPayload'
import { startTestPayload } from '../helpers/testPayload'

/**
 * Impersonation (issue 16): staff act as a person of their websites for a stated reason,
 * for 30 minutes at most; every request is in the audit trail with both users; money and
 * the account's keys are refused meanwhile; stopping ends the token at once. The clock is
 * controlled by moving the session's start into the past.
 */

let t: TestContext
let alpha: number
const ALPHA = { host: 'alpha.test' }
const REASON = 'Client reports the order page shows no files'

beforeAll(async () => {
  t = await startTestPayload()
  const websites = await t.payload.find({ collection: 'tenants', depth: 0, limit: 10 })
  alpha = websites.docs.find((w) => w.slug === 'alpha')!.id
})
afterAll(async () => {
  await t?.close()
})

let people = 0
const person = async (role: 'client' | 'writer' | 'support' | 'admin', website = alpha, extra: Record<string, unknown> = {}) => {
  people += 1
  const email = `imp-${role}-${people}-${Date.now()}@example.com`
  const user = await t.payload.create({ collection: 'users', data: { email, password: DEMO_PASSWORD, name: `Acted Upon ${people}`, roles: [role], tenants: [{ tenant: website }], ...extra }, depth: 0 })
  return { id: user.id, email }
}

const userId = async (email: string) => (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1 })).docs[0]!.id

const login = async (email: string, host = ALPHA) => {
  const res = await t.api.post('/api/users/login', { ...host, address: '203.0.113.50', body: { email, password: DEMO_PASSWORD } })
  expect(res.status).toBe(200)
  return res.body.token as string
}

const works = async (token: string) => {
  const res = await t.api.get('/api/users/sessions', { ...ALPHA, token, unchecked: true })
  if (res.status !== 200 && res.status !== 401 && res.status !== 403) throw new Error(`unexpected ${res.status}`)
  return res.status === 200
}

const start = (token: string, body: unknown) => t.api.post('/api/impersonation', { ...ALPHA, token, body })

const actAs = async (staffToken: string, user: number) => {
  const res = await start(staffToken, { user, reason: REASON })
  expect(res.status).toBe(201)
  return res.body as { token: string; portalUrl: string; expiresAt: string; session: string }
}

const sql = async <T>(text: string) => (await t.payload.db.drizzle.execute(text)).rows as T[]

const endOf = async (sid: string) => (await sql<{ end_reason: string | null }>(`SELECT end_reason FROM login_sessions WHERE sid = '${sid}'`))[0]?.end_reason ?? null

describe('starting an impersonation', () => {
  it('needs a person and a reason (400 naming the field)', async () => {
    const admin = await login('admin@alpha.test')
    const client = await person('client')
    for (const [body, field] of [
      [{ user: client.id }, 'reason'],
      [{ user: client.id, reason: '   short  ' }, 'reason'],
      [{ user: client.id, reason: 'x'.repeat(501) }, 'reason'],
      [{ reason: REASON }, 'user'],
      [{ user: 'someone', reason: REASON }, 'user'],
    ] as const) {
      const res = await start(admin, body)
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain(`"path":"${field}"`)
    }
    expect((await sql(`SELECT 1 FROM login_sessions WHERE user_id = ${client.id}`)).length).toBe(0)
  })

  it('is refused outside the rules: 403 for a superadmin, another website’s person, staff (for an admin), oneself; 422 for a suspended writer', async () => {
    const admin = await login('admin@alpha.test')
    const refusals: [number, number][] = [
      [await userId('superadmin@scriptorium.test'), 403],
      [await userId('client@beta.test'), 403],
      [(await person('support')).id, 403],
      [await userId('admin@alpha.test'), 403],
      [(await person('writer', alpha, { suspended: true })).id, 422],
    ]
    for (const [user, status] of refusals) {
      const res = await start(admin, { user, reason: REASON })
      expect(res.status, `user ${user}`).toBe(status)
    }
    expect((await start(admin, { user: 999_999, reason: REASON })).status).toBe(404)
    // A client cannot impersonate anyone.
    const client = await person('client')
    expect((await start(await login(client.email), { user: (await person('client')).id, reason: REASON })).status).toBe(403)
    // A superadmin may act as an admin, not as another superadmin.
    const root = await login('superadmin@scriptorium.test')
    expect((await start(root, { user: await userId('admin@beta.test'), reason: REASON })).status).toBe(201)
    const other = await t.payload.create({ collection: 'users', data: { email: `root-${Date.now()}@example.com`, password: DEMO_PASSWORD, name: 'Second Root', roles: ['superadmin'] }, depth: 0 })
    expect((await start(root, { user: other.id, reason: REASON })).status).toBe(403)
  })
})

describe('an impersonation', () => {
  it('answers a 30-minute token and the portal address; the request’s user is the person, every request is in the trail with both users', async () => {
    const adminId = await userId('admin@alpha.test')
    const admin = await login('admin@alpha.test')
    const client = await person('client')
    const before = Date.now()
    const acted = await actAs(admin, client.id)
    expect(acted.portalUrl).toBe(`http://alpha.localhost/#token=${encodeURIComponent(acted.token)}`)
    const expires = Date.parse(acted.expiresAt)
    expect(expires).toBeGreaterThan(before + 29 * 60_000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * 60_000)

    const me = await t.api.get('/api/users/me', { ...ALPHA, token: acted.token })
    expect(me.body.user.id).toBe(client.id)
    expect(Date.parse(me.headers.get('x-session-expires-at')!)).toBeLessThanOrEqual(expires + 1000)
    const renamed = await t.api.patch(`/api/users/${client.id}`, { ...ALPHA, token: acted.token, body: { name: 'Renamed By Staff' } })
    expect(renamed.status).toBe(200)

    const [row] = await sql<{ impersonator_id: number; impersonation_reason: string; website_id: number }>(`SELECT impersonator_id, impersonation_reason, website_id FROM login_sessions WHERE sid = '${acted.session}'`)
    expect(row).toEqual({ impersonator_id: adminId, impersonation_reason: REASON, website_id: alpha })

    const trail = await sql<{ kind: string; action: string; actor: string; impersonator: string | null; changes: { path?: string } | null }>(
      `SELECT kind::text AS kind, action, actor, impersonator, changes FROM audit_events WHERE (actor = ${client.id} OR target_id = '${client.id}') AND id > 0 ORDER BY id`,
    )
    const during = trail.filter((r) => r.action !== 'create')
    expect(during.map((r) => r.action)).toEqual(['impersonation_started', 'impersonated_request', 'impersonated_request', 'update'])
    expect(during.find((r) => r.action === 'impersonation_started')).toMatchObject({ actor: String(adminId), impersonator: String(adminId) })
    for (const r of during.filter((r) => r.action !== 'impersonation_started')) expect(r, r.action).toMatchObject({ actor: String(client.id), impersonator: String(adminId) })
    expect(during.filter((r) => r.action === 'impersonated_request').map((r) => r.changes?.path)).toEqual(['/api/users/me', `/api/users/${client.id}`])

    // The person is not notified, but reads it in their activity, done by staff.
    const notices = await t.payload.count({ collection: 'notifications', where: { recipient: { equals: client.id } }, overrideAccess: true })
    expect(notices.totalDocs).toBe(0)
    const own = await login(client.email)
    const feed = (await t.api.get('/api/activity', { ...ALPHA, token: own })).body.docs as { action: string; by: string }[]
    expect(feed).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'impersonation_started', by: 'staff' }), expect.objectContaining({ action: 'update', by: 'staff' })]))
  })

  it('tags a business write and a workflow action made as the person with both users', async () => {
    const adminId = await userId('admin@alpha.test')
    const admin = await login('admin@alpha.test')
    const client = await person('client')
    const acted = await actAs(admin, client.id)
    const opened = await t.api.post('/api/tickets', { ...ALPHA, token: acted.token, body: { subject: 'Opened by staff as the client', description: 'The download link fails.', priority: 'normal' } })
    expect(opened.status).toBe(201)
    const ticket = opened.body.doc.id as number
    expect((await t.api.post(`/api/tickets/${ticket}/actions/close`, { ...ALPHA, token: acted.token, body: {} })).status).toBe(200)
    const rows = await sql<{ kind: string; action: string; actor: string; impersonator: string | null }>(
      `SELECT kind::text AS kind, action, actor, impersonator FROM audit_events WHERE target_collection = 'tickets' AND target_id = '${ticket}' ORDER BY id`,
    )
    expect(rows.map((r) => `${r.kind}:${r.action}`)).toEqual(expect.arrayContaining(['change:create', 'workflow:close']))
    for (const r of rows) expect(r, r.action).toMatchObject({ actor: String(client.id), impersonator: String(adminId) })
  })

  it('refuses money and the account’s keys (403 “not while impersonating”), and lets the profile be edited', async () => {
    const admin = await login('admin@alpha.test')
    const client = await person('client')
    const writer = await person('writer')
    const asClient = (await actAs(admin, client.id)).token
    const asWriter = (await actAs(admin, writer.id)).token
    const wallet = (await t.payload.find({ collection: 'wallets', where: { tenant: { equals: alpha } }, depth: 0, limit: 1 })).docs[0]?.id ?? 1
    const refused: [string, string, 'post' | 'patch' | 'delete', string, unknown?][] = [
      ['refund', asClient, 'post', '/api/orders/1/refunds', { amount: 100, reason: 'Refund as the client' }],
      ['wallet adjustment', asClient, 'post', `/api/wallets/${wallet}/adjust`, { direction: 'credit', amount: 100, reason: 'Credit as the client' }],
      ['payout request', asWriter, 'post', '/api/payout-requests', { amount: 100 }],
      ['tip', asClient, 'post', '/api/payments/checkout', { purpose: 'tip', order: 1, amount: 100, provider: 'manual' }],
      ['wallet top-up', asClient, 'post', '/api/payments/checkout', { purpose: 'wallet_top_up', amount: 1000, provider: 'manual' }],
      ['wallet payment', asClient, 'post', '/api/payments/checkout', { purpose: 'order', order: 1, provider: 'wallet' }],
      ['email', asClient, 'patch', `/api/users/${client.id}`, { email: `changed-${Date.now()}@example.com` }],
      ['password', asClient, 'patch', `/api/users/${client.id}`, { password: 'Another-password-42' }],
      ['roles', asClient, 'patch', `/api/users/${client.id}`, { roles: ['writer'] }],
      ['logout-all', asClient, 'post', '/api/users/logout-all'],
      ['session revocation', asClient, 'delete', `/api/users/sessions/${randomUUID()}`],
      ['logout-all', asClient, 'post', '/api/users/logout?allSessions=true'],
      ['points conversion', asClient, 'post', '/api/loyalty/convert', { points: 100 }],
      ['two-factor sign-in', asClient, 'post', '/api/users/2fa/enrol'],
    ]
    for (const [what, token, method, url, body] of refused) {
      const res = await t.api[method](url, { ...ALPHA, token, body, headers: { 'idempotency-key': randomUUID() }, unchecked: true })
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(403)
      expect(res.body.errors[0].message).toBe(`${what}: not while impersonating.`)
    }
    expect(await works(asClient)).toBe(true)
    const same = await t.api.patch(`/api/users/${client.id}`, { ...ALPHA, token: asClient, body: { email: client.email, phone: '+44 20 7946 0000' } })
    expect(same.status).toBe(200)
    expect((await t.payload.findByID({ collection: 'users', id: client.id, depth: 0 })).email).toBe(client.email)
  })

  it('ends when stopped, with its own token or the staff member’s, and the token never works again', async () => {
    const admin = await login('admin@alpha.test')
    const client = await person('client')
    const first = await actAs(admin, client.id)
    const stopped = await t.api.post('/api/impersonation/stop', { ...ALPHA, token: first.token })
    expect(stopped.body).toEqual({ stopped: 1 })
    expect(await works(first.token)).toBe(false)
    expect(await endOf(first.session)).toBe('impersonation_stopped')

    const second = await actAs(admin, client.id)
    const activeFor = async () => ((await t.api.get('/api/impersonation/active', { ...ALPHA, token: admin })).body.impersonations as { session: string; user: { id: number }; reason: string }[]).filter((a) => a.user.id === client.id)
    expect(await activeFor()).toEqual([expect.objectContaining({ session: second.session, reason: REASON })])
    expect((await t.api.post('/api/impersonation/stop', { ...ALPHA, token: admin, body: { session: randomUUID() } })).status).toBe(404)
    expect((await t.api.post('/api/impersonation/stop', { ...ALPHA, token: admin, body: { session: second.session } })).body).toEqual({ stopped: 1 })
    expect(await works(second.token)).toBe(false)
    expect(await works(admin)).toBe(true)
    expect(await activeFor()).toEqual([])
    const stops = await sql<{ actor: string; impersonator: string }>(`SELECT actor, impersonator FROM audit_events WHERE action = 'impersonation_stopped' AND target_id = '${client.id}'`)
    expect(stops).toHaveLength(2)
    // No impersonation from an impersonation.
    const third = await actAs(admin, client.id)
    expect((await start(third.token, { user: client.id, reason: REASON })).status).toBe(403)
    // The staff member's token without a session: every impersonation of theirs ends.
    const stoppedAll = await t.api.post('/api/impersonation/stop', { ...ALPHA, token: admin })
    expect(stoppedAll.body.stopped).toBeGreaterThanOrEqual(1)
    expect(await works(third.token)).toBe(false)
    expect((await t.api.get('/api/impersonation/active', { ...ALPHA, token: admin })).body.impersonations).toEqual([])
  })

  it('ends 30 minutes after it began, whatever the person’s idle timeout', async () => {
    const admin = await login('admin@alpha.test')
    const client = await person('client')
    const acted = await actAs(admin, client.id)
    await sql(`UPDATE users_sessions SET created_at = now() - interval '29 minutes' WHERE id = '${acted.session}'`)
    expect(await works(acted.token)).toBe(true)
    await sql(`UPDATE users_sessions SET created_at = now() - interval '31 minutes' WHERE id = '${acted.session}'`)
    expect(await works(acted.token)).toBe(false)
    expect(await endOf(acted.session)).toBe('impersonation_expired')
    const [stop] = await sql<{ changes: { expired: boolean } }>(`SELECT changes FROM audit_events WHERE action = 'impersonation_stopped' AND target_id = '${client.id}'`)
    expect(stop?.changes.expired).toBe(true)
  })

  it('does not count toward the person’s concurrent sessions, nor end any of theirs', async () => {
    const admin = await login('admin@alpha.test')
    const client = await person('client')
    const own: string[] = []
    for (let i = 0; i < 5; i += 1) own.push(await login(client.email))
    const acted = await actAs(admin, client.id)
    for (const token of own) expect(await works(token)).toBe(true)
    // Their sixth sign-in ends their first, as always; the impersonation goes on.
    own.push(await login(client.email))
    expect(await works(own[0]!)).toBe(false)
    for (const token of own.slice(1)) expect(await works(token)).toBe(true)
    expect(await works(acted.token)).toBe(true)
  })
})
