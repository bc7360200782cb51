import { execFile } from 'node:child_process'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { execute } from '@/db/execute'
import { isAuditHook, UNAUDITED } from '@/hooks/auditTrail'
import { inTransaction } from '@/operations/inTransaction'
import { ensureWallet } from '@/operations/ledger/wallets'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { moneyTestFile } from '../helpers/moneyTestFile'
import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { runSchedule } from '../helpers/schedules'
import { placeOrderFor } from '../helpers/tenantFixtures'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
let alphaId: number
let betaId: number
let tokens: Record<string, string>
let ids: Record<string, number>
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }

type Row = Record<string, unknown>
const query = async (q: ReturnType<typeof sql>) => (await (t.payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Row[] }> } }).drizzle.execute(q)).rows

moneyTestFile(
  async (test) => {
    ;({ t, tokens, ids, alpha: alphaId } = test)
    betaId = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } }, depth: 0 })).docs[0]!.id
    w = workflowClient(t.api, 'alpha.test', tokens)
  },
  { superadmin: true },
)

const rowsWhere = (where: ReturnType<typeof sql>) => query(sql`SELECT * FROM audit_events WHERE ${where} ORDER BY id`)
const chain = () => runSchedule(t.payload, 'audit-chain', new Date())

/** `npm run audit:verify` on this file's database, as an operator runs it. */
const verify = () =>
  new Promise<{ code: number; out: string }>((resolve) => {
    execFile('npm', ['run', '--silent', 'audit:verify'], { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, DATABASE_URL: t.databaseUrl } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    )
  })

/** Runs `statement` with the table's trigger switched off, as a database superuser could. */
const asSuperuserBypassingTrigger = async (statement: ReturnType<typeof sql>) => {
  await query(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`)
  try {
    await query(statement)
  } finally {
    await query(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`)
  }
}

describe('the trail of writes', () => {
  it('wraps every collection but the plumbing and Payload’s own, on change and delete', () => {
    for (const collection of t.payload.config.collections) {
      const audited = !UNAUDITED.has(collection.slug) && !collection.slug.startsWith('payload-')
      expect((collection.hooks.afterChange ?? []).some(isAuditHook), collection.slug).toBe(audited)
      expect((collection.hooks.afterDelete ?? []).some(isAuditHook), collection.slug).toBe(audited)
    }
  })

  it('records a REST create with its fields, in the same transaction, once', async () => {
    const order = await w.place('client')
    const rows = await rowsWhere(sql`target_collection = 'orders' AND target_id = ${String(order.id)} AND kind = 'change'`)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'create', tenant_id: alphaId, actor: String(ids.client), actor_role: 'client', actor_email: 'client@alpha.test' })
    expect((rows[0]!.changes as Row).topic).toEqual({ before: null, after: 'The Enlightenment' })
    expect(rows[0]!.request_id).toEqual(expect.any(String))
    expect(rows[0]!.parties).toContain(ids.client)
  })

  it('an operation owning its transaction writes its rows together at commit, in write order; a rollback writes none', async () => {
    const req = await createLocalReq({}, t.payload)
    const stamp = Date.now().toString(36)
    const tag = (n: number) => ({ collection: 'tags' as const, data: { tenant: alphaId, name: `Batch ${stamp} ${n}`, slug: `batch-${stamp}-${n}` }, overrideAccess: true, req })
    const targets = (ids: number[]) => sql`target_collection = 'tags' AND target_id IN (${sql.join(ids.map((id) => sql`${String(id)}`), sql`, `)})`
    const made = await inTransaction(req, async () => {
      const first = await t.payload.create(tag(1))
      // A nested operation joins the owner's transaction, and its batch.
      const second = await inTransaction(req, () => t.payload.create(tag(2)))
      // Not yet written, even inside the transaction: the rows wait for the commit.
      expect(await execute(req, sql`SELECT id FROM audit_events WHERE ${targets([first.id, second.id])}`)).toEqual([])
      return [first.id, second.id]
    })
    const rows = await rowsWhere(targets(made))
    expect(rows.map((row) => [row.target_id, row.action])).toEqual(made.map((id) => [String(id), 'create']))

    const failing = await createLocalReq({}, t.payload)
    let lost = 0
    await expect(
      inTransaction(failing, async () => {
        lost = (await t.payload.create({ ...tag(3), req: failing })).id
        throw new Error('a later step failed')
      }),
    ).rejects.toThrow('a later step failed')
    expect(await rowsWhere(targets([lost]))).toEqual([])
    // The next transaction of the process batches afresh (nothing of the failed one left over).
    const after = await inTransaction(failing, () => t.payload.create({ ...tag(4), req: failing }))
    expect((await rowsWhere(targets([after.id]))).map((row) => row.action)).toEqual(['create'])
  })

  it('a nested operation that fails rolls the owner back with every row; a transaction killed under a caught error writes none', async () => {
    const stamp = Date.now().toString(36)
    const tag = (n: number, req: PayloadRequest) => ({ collection: 'tags' as const, data: { tenant: alphaId, name: `Nested ${stamp} ${n}`, slug: `nested-${stamp}-${n}` }, overrideAccess: true, req })
    const written: number[] = []
    const req = await createLocalReq({}, t.payload)
    await expect(
      inTransaction(req, async () => {
        written.push((await t.payload.create(tag(1, req))).id)
        await inTransaction(req, async () => {
          written.push((await t.payload.create(tag(2, req))).id)
          throw new Error('a nested step failed')
        })
      }),
    ).rejects.toThrow('a nested step failed')
    const trail = () => rowsWhere(sql`target_collection = 'tags' AND target_id IN (${sql.join(written.map((id) => sql`${String(id)}`), sql`, `)})`)
    expect(written).toHaveLength(2)
    expect(await trail()).toEqual([])
    expect((await t.payload.find({ collection: 'tags', where: { id: { in: written } } })).docs).toEqual([])

    // A nested Payload write that fails rolls the whole transaction back (Payload's
    // killTransaction): a caller that swallows it must not leave rows for what was undone.
    const swallowing = await createLocalReq({}, t.payload)
    await inTransaction(swallowing, async () => {
      written.push((await t.payload.create(tag(3, swallowing))).id)
      await t.payload.create({ collection: 'tags', data: { tenant: alphaId } as never, overrideAccess: true, req: swallowing }).catch(() => null)
    })
    expect((await t.payload.find({ collection: 'tags', where: { id: { in: written } } })).docs).toEqual([])
    expect(await trail()).toEqual([])
  })

  it('an update lists only the fields it changed, before and after', async () => {
    const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
    const res = await t.api.patch(`/api/orders/${order.id}`, { ...ALPHA, token: tokens.admin, body: { topic: 'A new topic' } })
    expect(res.status).toBe(200)
    const [row] = await rowsWhere(sql`target_collection = 'orders' AND target_id = ${String(order.id)} AND action = 'update'`)
    expect(row!.changes).toEqual({ topic: { before: order.topic, after: 'A new topic' } })
    expect(row).toMatchObject({ actor: String(ids.admin), actor_role: 'admin' })
  })

  it('a field the writer does not read back is not recorded as emptied', async () => {
    const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
    const res = await t.api.patch(`/api/orders/${order.id}?select[topic]=true`, { ...ALPHA, token: tokens.admin, body: { topic: 'A selected topic' } })
    expect(res.status).toBe(200)
    const [row] = await rowsWhere(sql`target_collection = 'orders' AND target_id = ${String(order.id)} AND action = 'update'`)
    expect(row!.changes).toEqual({ topic: { before: order.topic, after: 'A selected topic' } })
    // A reset asked for sets a hidden expiry no read shows: renaming the user later is that change only.
    const user = await t.payload.create({ collection: 'users', data: { email: 'hidden-fields@alpha.test', name: 'Hidden', password: DEMO_PASSWORD, roles: ['client'], tenants: [{ tenant: alphaId }] } })
    await t.payload.forgotPassword({ collection: 'users', data: { email: 'hidden-fields@alpha.test' }, disableEmail: true })
    await t.payload.update({ collection: 'users', id: user.id, data: { name: 'Hidden Renamed' } })
    const updates = await rowsWhere(sql`target_collection = 'users' AND target_id = ${String(user.id)} AND action = 'update'`)
    expect(updates.at(-1)!.changes).toEqual({ name: { before: 'Hidden', after: 'Hidden Renamed' } })
  })

  it('a refused request leaves no change row', async () => {
    const before = await rowsWhere(sql`target_collection = 'orders'`)
    const res = await t.api.post('/api/orders', { ...ALPHA, token: tokens.client, body: { topic: 'x' } })
    expect(res.status).toBe(400)
    expect(await rowsWhere(sql`target_collection = 'orders'`)).toHaveLength(before.length)
  })

  it('a role change is named so, and secrets are never stored', async () => {
    const password = 'Very-Secret-Passw0rd!'
    const user = await t.payload.create({ collection: 'users', data: { email: 'audited@alpha.test', name: 'Audited', password, roles: ['client'], tenants: [{ tenant: alphaId }] } })
    await t.payload.update({ collection: 'users', id: user.id, data: { roles: ['writer'] } })
    await t.payload.update({ collection: 'users', id: user.id, data: { password: `${password}2` } })
    const rows = await rowsWhere(sql`target_collection = 'users' AND target_id = ${String(user.id)}`)
    expect(rows.map((r) => r.action)).toEqual(['create', 'role_change', 'password_change'])
    expect(rows[1]!.changes).toEqual({ roles: { before: ['client'], after: ['writer'] } })
    expect(rows[2]!.changes).toEqual({ password: { before: '[redacted]', after: '[redacted]' } })

    const token = await t.payload.forgotPassword({ collection: 'users', data: { email: 'audited@alpha.test' }, disableEmail: true })
    const reset = await t.api.post('/api/users/reset-password', { ...ALPHA, body: { token, password: 'Another-Secret-Passw0rd!' } })
    expect(reset.status).toBe(200)
    const [stored] = await query(sql`SELECT hash, salt FROM users WHERE id = ${user.id}`)
    const trail = JSON.stringify(await rowsWhere(sql`TRUE`))
    for (const secret of [password, `${password}2`, 'Another-Secret-Passw0rd!', token, stored!.hash, stored!.salt]) expect(trail).not.toContain(String(secret))
    const security = await rowsWhere(sql`kind = 'security' AND target_id = ${String(user.id)}`)
    expect(security.map((r) => r.action)).toEqual(expect.arrayContaining(['password_reset']))
  })
  it('a password an admin sets over REST and an invoice’s pay-link token never reach the trail', async () => {
    const user = await t.payload.create({ collection: 'users', data: { email: 'rest-password@alpha.test', name: 'Rest', password: DEMO_PASSWORD, roles: ['client'], tenants: [{ tenant: alphaId }] } })
    const secret = 'Set-By-The-Admin-0ver-REST!'
    expect((await t.api.patch(`/api/users/${user.id}`, { ...ALPHA, token: tokens.admin, body: { password: secret } })).status).toBe(200)
    const [changed] = await rowsWhere(sql`target_collection = 'users' AND target_id = ${String(user.id)} AND action = 'password_change'`)
    expect(changed!.changes).toEqual({ password: { before: '[redacted]', after: '[redacted]' } })

    const made = await t.api.post('/api/invoices/drafts', { ...ALPHA, token: tokens.admin, body: { client: ids.client, lines: [{ description: 'Editing', quantity: 1, unitAmount: 1000 }], dueAt: new Date(Date.now() + 10 * 86400_000).toISOString() } })
    expect(made.status).toBe(201)
    const issued = await t.api.post(`/api/invoices/${made.body.invoice.id}/issue`, { ...ALPHA, token: tokens.admin })
    const again = await t.api.post(`/api/invoices/${made.body.invoice.id}/pay-link`, { ...ALPHA, token: tokens.admin })
    const tokensGiven = [issued.body.payUrl, again.body.payUrl].map((url) => String(url).split('/pay/')[1]!)
    const [stored] = await query(sql`SELECT pay_token_hash FROM invoices WHERE id = ${made.body.invoice.id}`)
    const invoiceRows = await rowsWhere(sql`target_collection = 'invoices' AND target_id = ${String(made.body.invoice.id)}`)
    expect(invoiceRows.length).toBeGreaterThan(1)
    const [hashed] = await query(sql`SELECT hash, salt FROM users WHERE id = ${user.id}`)
    const trail = JSON.stringify(await rowsWhere(sql`TRUE`))
    for (const value of [secret, ...tokensGiven, stored!.pay_token_hash, hashed!.hash, hashed!.salt]) expect(trail).not.toContain(String(value))
  })
})

describe('workflow actions and logins', () => {
  it('every workflow action of an order leaves a row by its name, actor and status change', async () => {
    const order = await deliveredOrder(w)
    await w.must('client', order.id, 'complete')
    const rows = await rowsWhere(sql`kind = 'workflow' AND target_collection = 'orders' AND target_id = ${String(order.id)}`)
    expect(rows.map((r) => [r.action, r.actor_role])).toEqual([
      ['markPaid', 'admin'],
      ['take', 'writer'],
      ['submit', 'writer'],
      ['editorApprove', 'editor'],
      ['complete', 'client'],
    ])
    expect(rows.every((r) => r.tenant_id === alphaId)).toBe(true)
    expect((rows[0]!.changes as Row).status).toEqual({ before: 'pending_payment', after: expect.any(String) })
    // A refused action (409) writes nothing.
    const refused = await w.act('client', order.id, 'complete')
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(await rowsWhere(sql`kind = 'workflow' AND target_collection = 'orders' AND target_id = ${String(order.id)}`)).toHaveLength(5)
  })

  it('every login leaves a row, and a refused login leaves one although its request rolled back', async () => {
    const logins = await rowsWhere(sql`kind = 'security' AND action = 'login'`)
    const emails = logins.map((r) => r.actor_email)
    for (const who of ['client', 'client2', 'writer', 'writer2', 'admin', 'support', 'editor']) expect(emails).toContain(`${who}@alpha.test`)
    expect(emails).toEqual(expect.arrayContaining(['client@beta.test', 'admin@beta.test', 'superadmin@scriptorium.test']))
    const alphaClient = logins.find((r) => r.actor_email === 'client@alpha.test')!
    expect(alphaClient).toMatchObject({ tenant_id: alphaId, actor: String(ids.client), target_collection: 'users' })

    const wrong = await t.api.post('/api/users/login', { ...ALPHA, address: '203.0.113.9', headers: { 'user-agent': 'audit-test' }, body: { email: 'client@alpha.test', password: 'wrong password' } })
    expect(wrong.status).toBe(401)
    const elsewhere = await t.api.post('/api/users/login', { ...BETA, body: { email: 'client@alpha.test', password: DEMO_PASSWORD } })
    expect(elsewhere.status).toBe(401)
    const failed = await rowsWhere(sql`action = 'login_failed' AND actor_email = 'client@alpha.test'`)
    expect(failed).toHaveLength(2)
    expect(failed[0]).toMatchObject({ kind: 'security', tenant_id: alphaId, address: '203.0.113.9', user_agent: 'audit-test', target_id: String(ids.client) })
    expect(failed[1]).toMatchObject({ tenant_id: betaId })
    expect(JSON.stringify(failed)).not.toContain('wrong password')
  })

  it('a refused Local API login leaves a row too, although its transaction rolled back', async () => {
    const wrong = { collection: 'users' as const, data: { email: 'writer@alpha.test', password: 'not the password' } }
    await expect(t.payload.login(wrong)).rejects.toThrow()
    // Inside an operation's transaction that the refusal rolls back: the row is on its own connection.
    const req = await createLocalReq({}, t.payload)
    await expect(inTransaction(req, () => t.payload.login({ ...wrong, req }))).rejects.toThrow()
    // One request that tries twice: two attempts, two rows.
    const twice = await createLocalReq({}, t.payload)
    for (let i = 0; i < 2; i++) await expect(t.payload.login({ ...wrong, req: twice })).rejects.toThrow()
    await expect(t.payload.login({ collection: 'users', data: { email: 'nobody-here@alpha.test', password: 'whatever' } })).rejects.toThrow()
    const failed = await rowsWhere(sql`action = 'login_failed' AND actor_email = 'writer@alpha.test'`)
    expect(failed).toHaveLength(4)
    expect(failed[0]).toMatchObject({ kind: 'security', tenant_id: alphaId, target_id: String(ids.writer), address: 'unknown' })
    expect(JSON.stringify(failed)).not.toContain('not the password')
    expect(await rowsWhere(sql`action = 'login_failed' AND actor_email = 'nobody-here@alpha.test'`)).toHaveLength(1)
    // A login that succeeds leaves its `login` row, no failure.
    const before = await rowsWhere(sql`action = 'login' AND actor_email = 'superadmin@scriptorium.test'`)
    await t.payload.login({ collection: 'users', data: { email: 'superadmin@scriptorium.test', password: DEMO_PASSWORD } })
    expect(await rowsWhere(sql`action = 'login' AND actor_email = 'superadmin@scriptorium.test'`)).toHaveLength(before.length + 1)
    expect(await rowsWhere(sql`action = 'login_failed' AND actor_email = 'superadmin@scriptorium.test'`)).toHaveLength(0)
  })

  it('rate-limited logins (429) leave one row per address and minute, not one per refusal', async () => {
    const address = '198.51.100.77'
    const statuses: number[] = []
    for (let i = 0; i < 9; i++) statuses.push((await t.api.post('/api/users/login', { ...ALPHA, address, body: { email: 'editor@alpha.test', password: 'wrong password' } })).status)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3)
    const throttled = await rowsWhere(sql`action = 'login_throttled' AND address = ${address}`)
    expect(throttled).toHaveLength(1)
    expect(throttled[0]).toMatchObject({ kind: 'security', tenant_id: alphaId, actor_email: 'editor@alpha.test', target_id: String(ids.editor) })
    expect(await rowsWhere(sql`action = 'login_failed' AND address = ${address}`)).toHaveLength(statuses.filter((s) => s === 401).length)
    // Over GraphQL from another address: its own row.
    const other = '198.51.100.78'
    const mutation = 'mutation ($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }'
    for (let i = 0; i < 7; i++) await t.api.graphql(mutation, { ...ALPHA, address: other, variables: { email: 'editor@alpha.test', password: 'wrong password' } })
    expect(await rowsWhere(sql`action = 'login_throttled' AND address = ${other}`)).toHaveLength(1)
    // Its refusals before the limit (wrong password, 401) each left a login_failed row.
    expect(await rowsWhere(sql`action = 'login_failed' AND address = ${other}`)).toHaveLength(5)
  })

  it('money and discipline events are named: a wallet adjustment, a refund, a fine', async () => {
    const req = await createLocalReq({}, t.payload)
    const wallet = await inTransaction(req, () => ensureWallet(req, alphaId, ids.writer!, 'writer'))
    const cases: { action: string; run: () => Promise<{ status: number }> }[] = [
      { action: 'wallet_adjustment', run: () => t.api.post(`/api/wallets/${wallet.id}/adjust`, { ...ALPHA, token: tokens.admin, body: { direction: 'credit', amount: 1500, reason: 'Audit bonus' } }) },
      {
        action: 'refund',
        run: async () => {
          const order = await w.place('client')
          await w.must('admin', order.id, 'markPaid')
          return t.api.post(`/api/orders/${order.id}/refunds`, { ...ALPHA, token: tokens.admin, body: { amount: 1000, reason: 'Audit refund' } })
        },
      },
      { action: 'fine', run: () => t.api.post('/api/fines', { ...ALPHA, token: tokens.admin, body: { writer: ids.writer, type: 'wrong_files', reason: 'Audit fine' } }) },
    ]
    for (const { action, run } of cases) {
      const before = await rowsWhere(sql`action = ${action}`)
      const res = await run()
      expect(res.status, action).toBeLessThan(300)
      const rows = await rowsWhere(sql`action = ${action}`)
      expect(rows, action).toHaveLength(before.length + 1)
      expect(rows.at(-1), action).toMatchObject({ tenant_id: alphaId, actor: String(ids.admin), actor_role: 'admin' })
    }
  })

  it('a logout leaves a row', async () => {
    const token = await t.api.login('client2@alpha.test', DEMO_PASSWORD, ALPHA)
    const res = await t.api.post('/api/users/logout', { ...ALPHA, token })
    expect(res.status).toBe(200)
    expect(await rowsWhere(sql`action = 'logout' AND actor = ${ids.client2}`)).toHaveLength(1)
  })

  it('a private file downloaded leaves a row', async () => {
    const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
    const data = Buffer.from('the brief')
    const file = await t.payload.create({ collection: 'order-files', data: { order: order.id, purpose: 'instructions', uploadedBy: ids.client }, file: { data, mimetype: 'text/plain', name: 'brief.txt', size: data.length } })
    const res = await t.api.raw('GET', `/api/order-files/file/${file.filename}`, { ...ALPHA, token: tokens.client })
    expect(res.status).toBe(200)
    const rows = await rowsWhere(sql`action = 'file_download' AND target_id = ${String(file.id)}`)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'access', actor: String(ids.client), tenant_id: alphaId })
  })
})

describe('the append-only table', () => {
  it('refuses UPDATE and DELETE, even from the server’s own connection', async () => {
    const [row] = await rowsWhere(sql`id = (SELECT min(id) FROM audit_events)`)
    await expect(query(sql`UPDATE audit_events SET action = 'forged' WHERE id = ${row!.id}`)).rejects.toThrow()
    await expect(query(sql`DELETE FROM audit_events WHERE id = ${row!.id}`)).rejects.toThrow()
    await expect(query(sql`UPDATE audit_events SET hash = 'x', seq = 999999, prev_hash = 'y', action = 'forged' WHERE id = ${row!.id}`)).rejects.toThrow()
    expect((await rowsWhere(sql`id = ${row!.id}`))[0]!.action).toBe(row!.action)
  })

  it('has no create, update or delete through the API, for anyone', async () => {
    const [row] = await rowsWhere(sql`id = (SELECT min(id) FROM audit_events WHERE tenant_id = ${alphaId})`)
    const create = await t.api.post('/api/audit-events', { ...ALPHA, token: tokens.superadmin, body: { kind: 'change', action: 'forged' } })
    expect(create.status).toBe(403)
    const update = await t.api.patch(`/api/audit-events/${row!.id}`, { ...ALPHA, token: tokens.superadmin, body: { action: 'forged' } })
    expect(update.status).toBe(403)
    const remove = await t.api.delete(`/api/audit-events/${row!.id}`, { ...ALPHA, token: tokens.superadmin })
    expect(remove.status).toBe(403)
  })

  it('has no create, update or delete over GraphQL either, and reads follow the same rule', async () => {
    const [row] = await rowsWhere(sql`id = (SELECT min(id) FROM audit_events WHERE tenant_id = ${alphaId})`)
    const mutations = [
      'mutation { createAuditEvent(data: { kind: change, action: "forged" }) { id } }',
      'mutation ($id: Int!) { updateAuditEvent(id: $id, data: { action: "forged" }) { id } }',
      'mutation ($id: Int!) { deleteAuditEvent(id: $id) { id } }',
    ]
    for (const who of ['superadmin', 'admin']) {
      for (const mutation of mutations) {
        const res = await t.api.graphql(mutation, { ...ALPHA, token: tokens[who], variables: { id: row!.id } })
        expect(res.body.errors?.length ?? 0, `${who}: ${mutation}`).toBeGreaterThan(0)
        expect(JSON.stringify(res.body.data ?? {}), `${who}: ${mutation}`).not.toContain('"id"')
      }
    }
    expect(await rowsWhere(sql`action = 'forged'`)).toEqual([])
    expect((await rowsWhere(sql`id = ${row!.id}`))[0]).toEqual(row)

    const list = 'query ($tenant: JSON) { AuditEvents(where: { tenant: { equals: $tenant } }, limit: 100) { totalDocs docs { id tenant { id } } } }'
    const alphaAdmin = await t.api.graphql(list, { ...ALPHA, token: tokens.admin, variables: { tenant: alphaId } })
    expect(alphaAdmin.body.data.AuditEvents.totalDocs).toBeGreaterThan(0)
    expect(alphaAdmin.body.data.AuditEvents.docs.every((d: { tenant: { id: number } }) => d.tenant.id === alphaId)).toBe(true)
    const betaAdmin = await t.api.graphql(list, { ...BETA, token: tokens.betaAdmin, variables: { tenant: alphaId } })
    expect(betaAdmin.body.data?.AuditEvents?.totalDocs ?? 0).toBe(0)
    for (const who of ['support', 'editor', 'writer', 'client']) {
      const res = await t.api.graphql(list, { ...ALPHA, token: tokens[who], variables: { tenant: alphaId } })
      expect(res.body.data?.AuditEvents?.totalDocs ?? 0, who).toBe(0)
    }
  })

  it('admins read their websites’ rows only; other roles read none', async () => {
    const alphaAdmin = await t.api.get('/api/audit-events?limit=100&depth=0', { ...ALPHA, token: tokens.admin })
    expect(alphaAdmin.status).toBe(200)
    expect(alphaAdmin.body.totalDocs).toBeGreaterThan(0)
    expect(alphaAdmin.body.docs.every((d: Row) => d.tenant === alphaId)).toBe(true)
    const betaAdmin = await t.api.get(`/api/audit-events?where[tenant][equals]=${alphaId}&depth=0`, { ...BETA, token: tokens.betaAdmin })
    expect(betaAdmin.body.totalDocs).toBe(0)
    const [alphaRow] = await rowsWhere(sql`id = (SELECT min(id) FROM audit_events WHERE tenant_id = ${alphaId})`)
    expect((await t.api.get(`/api/audit-events/${alphaRow!.id}`, { ...BETA, token: tokens.betaAdmin })).status).toBe(404)
    for (const who of ['support', 'editor', 'writer', 'client']) {
      const res = await t.api.get('/api/audit-events?depth=0', { ...ALPHA, token: tokens[who] })
      expect(res.body.totalDocs ?? 0, who).toBe(0)
    }
    const all = await t.api.get(`/api/audit-events?where[tenant][equals]=${betaId}&depth=0`, { ...ALPHA, token: tokens.superadmin })
    expect(all.body.totalDocs).toBeGreaterThan(0)
  })
})

describe('the activity feed', () => {
  it('shows a client their records’ activity, field names only, none they may not read', async () => {
    const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
    // A change of the writer's deadline (the client may not read it) and of the topic (they may).
    await t.payload.update({ collection: 'orders', id: order.id, data: { topic: 'Topic two', writerDeadline: new Date(Date.now() + 5 * 86400_000).toISOString(), writer: ids.writer }, depth: 0 })
    const res = await t.api.get('/api/activity?limit=50', { ...ALPHA, token: tokens.client })
    expect(res.status).toBe(200)
    const items = (res.body.docs as Row[]).filter((d) => d.collection === 'orders' && d.record === order.id)
    const update = items.find((d) => d.action === 'update')!
    expect(update.fields).toContain('topic')
    expect(update.fields).not.toContain('writerDeadline')
    expect(Object.keys(update).sort()).toEqual(['action', 'at', 'by', 'collection', 'fields', 'id', 'kind', 'record'])
    expect(JSON.stringify(res.body)).not.toContain('Topic two')
    for (const item of res.body.docs as Row[]) {
      if (item.collection === 'orders') for (const hidden of ['writerDeadline', 'visibility', 'invitedAt', 'pendingWriter', 'editor', 'rateCard', 'monitoring']) expect(item.fields).not.toContain(hidden)
    }
    // The writer of the order, who reads the deadline, sees it named.
    const writer = await t.api.get('/api/activity?limit=50', { ...ALPHA, token: tokens.writer })
    const seen = (writer.body.docs as Row[]).find((d) => d.collection === 'orders' && d.record === order.id && d.action === 'update')!
    expect(seen.fields).toEqual(expect.arrayContaining(['topic', 'writerDeadline']))
  })

  it('never shows another person’s records, nor another website’s', async () => {
    const order = await placeOrderFor(t.payload, alphaId, 'client@alpha.test')
    const other = await t.api.get('/api/activity?limit=50', { ...ALPHA, token: tokens.client2 })
    expect((other.body.docs as Row[]).some((d) => d.collection === 'orders' && d.record === order.id)).toBe(false)
    const beta = await t.api.get('/api/activity?limit=50', { ...BETA, token: tokens.betaClient })
    const alphaOrders = (await rowsWhere(sql`tenant_id = ${alphaId} AND target_collection = 'orders'`)).map((r) => Number(r.target_id))
    expect((beta.body.docs as Row[]).some((d) => d.collection === 'orders' && alphaOrders.includes(d.record as number))).toBe(false)
    expect((await t.api.get('/api/activity', ALPHA)).status).toBe(401)
    expect((await t.api.get('/api/activity?limit=500', { ...ALPHA, token: tokens.client })).status).toBe(400)
  })

  it('pages by `before`', async () => {
    const first = await t.api.get('/api/activity?limit=2', { ...ALPHA, token: tokens.client })
    expect(first.body.docs).toHaveLength(2)
    const next = await t.api.get(`/api/activity?limit=2&before=${first.body.nextBefore}`, { ...ALPHA, token: tokens.client })
    expect(next.body.docs[0].id).toBeLessThan(first.body.docs[1].id)
  })
})

describe('the hash chain', () => {
  it('50 parallel writes on one website, then the chain job, then audit:verify is clean', async () => {
    await Promise.all(Array.from({ length: 50 }, () => placeOrderFor(t.payload, alphaId, 'client@alpha.test')))
    // Two chain runs at once: the chain's advisory lock keeps them in line.
    await Promise.all([chain(), chain()])
    const [pending] = await query(sql`SELECT count(*) AS n FROM audit_events WHERE hash IS NULL`)
    expect(Number(pending!.n)).toBe(0)
    const seqs = (await query(sql`SELECT seq FROM audit_events WHERE tenant_id = ${alphaId} ORDER BY seq`)).map((r) => Number(r.seq))
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    const result = await verify()
    expect(result.out).toContain('every chain is whole')
    expect(result.code).toBe(0)
  })

  it('a row edited in SQL is named by audit:verify (exit 1), and the chain is whole again once it is put back', async () => {
    await chain()
    const [victim] = await query(sql`SELECT id, action FROM audit_events WHERE tenant_id = ${alphaId} AND hash IS NOT NULL ORDER BY seq OFFSET 3 LIMIT 1`)
    await asSuperuserBypassingTrigger(sql`UPDATE audit_events SET action = 'forged' WHERE id = ${victim!.id}`)
    const broken = await verify()
    expect(broken.code).toBe(1)
    expect(broken.out).toContain(`audit row ${victim!.id}`)
    expect(broken.out).toContain(`website ${alphaId}`)

    await asSuperuserBypassingTrigger(sql`UPDATE audit_events SET action = ${victim!.action as string} WHERE id = ${victim!.id}`)
    expect((await verify()).code).toBe(0)

    // A row taken out of the chain breaks it at the next one.
    const [next] = await query(sql`SELECT id, seq FROM audit_events WHERE tenant_id = ${alphaId} AND hash IS NOT NULL ORDER BY seq OFFSET 5 LIMIT 2`)
    const following = await query(sql`SELECT id FROM audit_events WHERE tenant_id = ${alphaId} AND seq = ${Number(next!.seq) + 1}`)
    await asSuperuserBypassingTrigger(sql`UPDATE audit_events SET seq = -seq WHERE id = ${next!.id}`)
    const gap = await verify()
    expect(gap.code).toBe(1)
    expect(gap.out).toContain(`audit row ${following[0]!.id}`)
    await asSuperuserBypassingTrigger(sql`UPDATE audit_events SET seq = -seq WHERE id = ${next!.id}`)
    expect((await verify()).code).toBe(0)
  })
})
