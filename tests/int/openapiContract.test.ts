import type { Endpoint } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

import { documented } from '../../src/api/openapi/describe'
import { DEMO_PASSWORD } from '../../src/seed/demoData'
import { ApiContract, ContractViolation, contractOf } from '../helpers/apiContract'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * The test client's check against the API document bites: an answer of another shape,
 * a status the document does not list and a route it does not know all fail the call.
 */

let t: TestContext

/** What the probe answers next: the test sets it, the handler sends it. */
let next: { status: number; body: unknown } = { status: 200, body: { ok: true } }

const probe: Endpoint = documented(
  { path: '/contract-probe', method: 'get', handler: () => Response.json(next.body, { status: next.status }) },
  { summary: 'A route of this test only', auth: 'none', responses: { 200: z.strictObject({ ok: z.boolean(), count: z.number().int().optional() }) } },
)
const undocumented: Endpoint = { path: '/contract-undocumented', method: 'get', handler: () => Response.json({ ok: true }) }

beforeAll(async () => {
  t = await startTestPayload()
  // Before the first call: the document is built from the config once.
  ;(t.payload.config.endpoints as Endpoint[]).unshift(probe, undocumented)
})

afterAll(async () => {
  await t?.close()
})

describe('the test client checks answers against the API document', () => {
  it('passes an answer of the documented shape', async () => {
    next = { status: 200, body: { ok: true, count: 3 } }
    expect((await t.api.get('/api/contract-probe')).body).toEqual({ ok: true, count: 3 })
  })

  it('fails an answer of another shape, naming the route, the status, what is wrong and the body', async () => {
    next = { status: 200, body: { ok: 'yes', count: 1.5 } }
    const call = t.api.get('/api/contract-probe')
    await expect(call).rejects.toBeInstanceOf(ContractViolation)
    await expect(call).rejects.toThrow(/GET \/api\/contract-probe → 200[\s\S]*\/ok must be boolean[\s\S]*\/count must be integer[\s\S]*Body: \{"ok":"yes"/)
  })

  it('fails a field the document does not have', async () => {
    next = { status: 200, body: { ok: true, secret: 'x' } }
    await expect(t.api.get('/api/contract-probe')).rejects.toThrow(/must NOT have additional properties[\s\S]*secret/)
  })

  it('fails a status the document does not list for the route, and a 500 above all', async () => {
    next = { status: 418, body: { errors: [{ message: 'teapot' }] } }
    await expect(t.api.get('/api/contract-probe')).rejects.toThrow(/status 418 is not documented for GET \/api\/contract-probe/)
    next = { status: 500, body: { errors: [{ message: 'Something went wrong.' }] } }
    await expect(t.api.get('/api/contract-probe')).rejects.toThrow(/status 500 is not documented/)
  })

  it('fails an error answer outside the error shape', async () => {
    next = { status: 400, body: { message: 'bad' } }
    await expect(t.api.get('/api/contract-probe')).rejects.toThrow(/→ 400[\s\S]*must have required property 'errors'/)
  })

  it('fails a route the document does not know, whatever it answers', async () => {
    await expect(t.api.get('/api/contract-undocumented')).rejects.toThrow(/GET \/api\/contract-undocumented → 200: the route is not in the API document/)
  })

  it('lets a call opt out, for an answer provoked on purpose', async () => {
    next = { status: 200, body: { ok: 'yes' } }
    expect((await t.api.get('/api/contract-probe', { unchecked: true })).body).toEqual({ ok: 'yes' })
  })

  it('fails a real answer when the document’s entry for it is altered', async () => {
    const token = await t.api.login('client@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const answer = await t.api.get('/api/users/me', { token, host: 'alpha.test' })
    expect(answer.status).toBe(200)
    const altered = structuredClone(contractOf(t.payload.config).document)
    altered.components.schemas.users.required = ['id', 'shoeSize']
    const check = () => new ApiContract(altered).check({ method: 'GET', url: '/api/users/me', status: 200, body: answer.body, contentType: 'application/json' })
    expect(check).toThrow(/\/user must have required property 'shoeSize'/)
  })
})
