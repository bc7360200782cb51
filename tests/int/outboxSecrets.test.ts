import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { execute, sql } from '@/db/execute'
import { enqueue } from '@/jobs/enqueue'
import type { HandlerRegistry } from '@/jobs/handler'
import { handlers } from '@/jobs/handlers'
import { runOutboxJob } from '@/jobs/runOutboxJob'
import { REDACTED } from '@/jobs/secrets'
import { inTransaction } from '@/operations/inTransaction'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Secrets in job payloads (a password-reset token): kept while the job may run, gone in
 * the write that marks it done, and never shown over REST or GraphQL, even while pending.
 */

let t: TestContext
let superadmin: string
let userId: number
const ALPHA = { host: 'alpha.test' }

beforeAll(async () => {
  t = await startTestPayload()
  superadmin = await t.api.login('superadmin@scriptorium.test', DEMO_PASSWORD, ALPHA)
  userId = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } }, depth: 0 })).docs[0]!.id
})
afterAll(async () => {
  await t?.close()
})

const queueReset = async (token: string) => {
  const req = await createLocalReq({}, t.payload)
  return inTransaction(req, () => enqueue(req, { type: 'mail.passwordReset', tenant: null, payload: { userId, token, audience: 'site' } }))
}
/** The row as stored, read past every hook. */
const stored = async (id: number) => {
  const [row] = await execute<{ status: string; payload: string }>(await createLocalReq({}, t.payload), sql`SELECT status, payload::text AS payload FROM outbox WHERE id = ${id}`)
  return row!
}

describe('a pending row', () => {
  it("a superadmin's REST and GraphQL reads show no token; the row still holds it", async () => {
    const token = 'f00dcafe'.repeat(5)
    const id = await queueReset(token)
    const as = { ...ALPHA, token: superadmin }

    const one = await t.api.get(`/api/outbox/${id}`, as)
    expect(one.status).toBe(200)
    expect(one.body.payload).toEqual({ userId, token: REDACTED, audience: 'site' })
    const list = await t.api.get('/api/outbox?where[type][equals]=mail.passwordReset&limit=50', as)
    expect(list.status).toBe(200)
    expect(JSON.stringify(list.body)).not.toContain(token)
    // A read that leaves the type out cannot tell which keys are secret: every declared one is hidden.
    const selected = await t.api.get(`/api/outbox/${id}?select[payload]=true`, as)
    expect(selected.body.payload.token).toBe(REDACTED)

    const gql = await t.api.graphql(`{ OutboxRow(id: ${id}) { id payload } OutboxRows(limit: 50) { docs { id type payload } } }`, as)
    expect(gql.status).toBe(200)
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.OutboxRow.payload).toMatchObject({ token: REDACTED })
    expect(JSON.stringify(gql.body)).not.toContain(token)

    expect(JSON.parse((await stored(id)).payload).token).toBe(token)
  })

  it('cannot be searched, sorted or listed by its payload (a count would spell the token out)', async () => {
    const token = 'beefbeef'.repeat(5)
    const id = await queueReset(token)
    const as = { ...ALPHA, token: superadmin }
    for (const query of [`where[payload.token][equals]=${token}`, 'where[payload.token][like]=beef', `where[or][0][payload][equals]=x`, 'sort=payload.token', 'sort=-payload']) {
      const res = await t.api.get(`/api/outbox?${query}`, as)
      expect(res.status, query).toBe(400)
      expect(JSON.stringify(res.body)).not.toContain(token)
    }
    expect((await t.api.get(`/api/outbox/count?where[payload.token][like]=beef`, as)).status).toBe(400)
    const gql = await t.api.graphql(`{ OutboxRows(where: { payload: { equals: "x" } }) { totalDocs } }`, as)
    expect(gql.body.errors?.[0]?.message ?? '').not.toBe('')
    expect(gql.body.data?.OutboxRows ?? null).toBeNull()
    expect((await stored(id)).status).toBe('pending')
  })
})

describe('running the job', () => {
  it('a failed attempt keeps the token for the retry; the attempt that succeeds blanks it as it marks the row done', async () => {
    const token = 'abad1dea'.repeat(5)
    const id = await queueReset(token)
    const seen: string[] = []
    let fail = true
    const flaky: HandlerRegistry = {
      ...handlers,
      'mail.passwordReset': async ({ data }) => {
        seen.push(data.token)
        if (fail) throw new Error('SMTP is down')
      },
    }
    const job = { outboxId: id, type: 'mail.passwordReset' as const, tenant: null }
    await expect(runOutboxJob(t.payload, flaky, job, { finalAttempt: false })).rejects.toThrow('SMTP is down')
    expect(await stored(id)).toMatchObject({ status: 'pending' })
    expect(JSON.parse((await stored(id)).payload).token).toBe(token)

    fail = false
    expect(await runOutboxJob(t.payload, flaky, job, { finalAttempt: false })).toBe('done')
    expect(seen).toEqual([token, token])
    const row = await stored(id)
    expect(row.status).toBe('done')
    expect(row.payload).not.toContain(token)
    expect(JSON.parse(row.payload)).toEqual({ userId, token: REDACTED, audience: 'site' })
  })

  it('other job types keep their payload whole when done', async () => {
    const req = await createLocalReq({}, t.payload)
    const id = await inTransaction(req, () => enqueue(req, { type: 'test.noop', tenant: null, payload: { note: 'token-like but not secret' } }))
    expect(await runOutboxJob(t.payload, { ...handlers, 'test.noop': async () => {} }, { outboxId: id, type: 'test.noop', tenant: null }, { finalAttempt: false })).toBe('done')
    expect(JSON.parse((await stored(id)).payload)).toEqual({ note: 'token-like but not secret' })
  })
})
