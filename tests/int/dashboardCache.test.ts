import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { asSystem, systemProof } from '@/access/system'
import { poolOf } from '@/db/pool'
import { logStatements, type StatementLog } from '@/db/statementLog'
import { DASHBOARD_CACHE_TTL_MS, useDashboardCache } from '@/operations/dashboard/answerCache'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { newPerson, websiteId } from '../helpers/newPerson'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * GET /api/dashboard kept per caller for 15 s (src/operations/dashboard/answerCache.ts):
 * a second call within the window costs no aggregate and answers the same; nobody gets
 * another caller's answer, whatever their roles; a website's save drops every answer.
 */

const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }
const proof = systemProof('dashboard cache tests')

let t: TestContext
let alpha: number
let sql: StatementLog
const tokens: Record<string, string> = {}

const login = async (email: string, host: { host: string }) => {
  const res = await t.api.post('/api/users/login', { ...host, body: { email, password: DEMO_PASSWORD } })
  expect(res.status).toBe(200)
  return res.body.token as string
}

beforeAll(async () => {
  t = await startTestPayload()
  alpha = await websiteId(t, 'alpha')
  tokens.admin = await login('admin@alpha.test', ALPHA)
  tokens.otherAdmin = await login((await newPerson(t, alpha, 'admin')).email, ALPHA)
  tokens.betaAdmin = await login('admin@beta.test', BETA)
  tokens.support = await login('support@alpha.test', ALPHA)
  sql = logStatements(poolOf(t.payload)!)
})
afterAll(async () => t?.close())

/** The caller's dashboard and the statements it cost. */
const dashboard = async (who: string, query = '', headers: Record<string, string> = {}) => {
  sql.reset()
  const res = await t.api.get(`/api/dashboard${query}`, { ...(who === 'betaAdmin' ? BETA : ALPHA), token: tokens[who], headers })
  expect(res.status).toBe(200)
  return { body: res.body, statements: sql.count }
}

describe('GET /api/dashboard within the window', () => {
  it(`answers the same to a second call, without the aggregates (kept ${DASHBOARD_CACHE_TTL_MS / 1000} s)`, async () => {
    const first = await dashboard('admin', `?tenant=${alpha}`)
    expect(first.statements).toBeGreaterThanOrEqual(10)
    const second = await dashboard('admin', `?tenant=${alpha}`)
    expect(second.statements).toBeLessThan(first.statements)
    expect(second.statements).toBeLessThanOrEqual(1)
    expect(second.body).toEqual(first.body)
  })

  it('answers one computed now to `Cache-Control: no-cache` (the admin home on each visit), and keeps that one', async () => {
    const first = await dashboard('admin', `?tenant=${alpha}`)
    const fresh = await dashboard('admin', `?tenant=${alpha}`, { 'cache-control': 'no-cache' })
    expect(fresh.statements).toBeGreaterThanOrEqual(10)
    expect(Date.parse(fresh.body.generatedAt)).toBeGreaterThan(Date.parse(first.body.generatedAt))
    const after = await dashboard('admin', `?tenant=${alpha}`)
    expect(after.statements).toBeLessThanOrEqual(1)
    expect(after.body.generatedAt).toBe(fresh.body.generatedAt)
  })

  it('never gives one caller another’s answer: another admin of the same website, its support, another website’s admin, another ?tenant=', async () => {
    const admin = await dashboard('admin')
    const otherAdmin = await dashboard('otherAdmin')
    // Built for them, not served from the first admin's entry.
    expect(otherAdmin.statements).toBeGreaterThanOrEqual(10)
    expect(otherAdmin.body.websites).toEqual(admin.body.websites)
    const support = await dashboard('support')
    expect(support.body.admin).toBeUndefined()
    expect(support.body.support).toBeDefined()
    const beta = await dashboard('betaAdmin')
    expect(beta.body.websites.map((w: { id: number }) => w.id)).not.toContain(alpha)
    expect(beta.statements).toBeGreaterThanOrEqual(10)
    const named = await dashboard('admin', `?tenant=${alpha}`)
    expect(named.body.tenant).toBe(alpha)
    expect((await dashboard('admin')).body.tenant).toBeNull()
  })

  it('still refuses what it refused: another website as ?tenant= (403), anonymous (401)', async () => {
    const beta = await websiteId(t, 'beta')
    for (let i = 0; i < 2; i += 1) {
      expect((await t.api.get(`/api/dashboard?tenant=${beta}`, { ...ALPHA, token: tokens.admin })).status).toBe(403)
      expect((await t.api.get('/api/dashboard', ALPHA)).status).toBe(401)
    }
  })

  it('drops every answer when a website is saved: a new time zone shows at once', async () => {
    const before = await dashboard('admin', `?tenant=${alpha}`)
    await dashboard('admin', `?tenant=${alpha}`)
    await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { timeZone: 'Europe/Berlin' } } as never, depth: 0, ...asSystem(proof) })
    try {
      const after = await dashboard('admin', `?tenant=${alpha}`)
      expect(before.body.websites[0].timeZone).not.toBe('Europe/Berlin')
      expect(after.body.websites[0].timeZone).toBe('Europe/Berlin')
      expect(after.statements).toBeGreaterThanOrEqual(10)
    } finally {
      await t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { timeZone: before.body.websites[0].timeZone } } as never, depth: 0, ...asSystem(proof) })
    }
  })

  it('switched off, builds every call', async () => {
    useDashboardCache(false)
    try {
      await dashboard('admin')
      expect((await dashboard('admin')).statements).toBeGreaterThanOrEqual(10)
    } finally {
      useDashboardCache(null)
    }
  })
})
