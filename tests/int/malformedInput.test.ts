import type { FlattenedField } from 'payload'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { ESSAY } from '../helpers/orderWorkflow'
import { rowCounts } from '../helpers/rowCounts'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Malformed input of every kind answers 4xx naming what is wrong, from anyone, logged
 * as a refusal (never at error level) and writing nothing: the cases found on the
 * production build, and their siblings generated from the config for every collection.
 */

let t: TestContext
const tokens: Record<string, string> = {}
let order: number
let countsBefore: Record<string, number>
let errorLogs: ReturnType<typeof vi.spyOn>

const as = (who: string) => ({ host: 'alpha.test', token: tokens[who] })
const problemPaths = (body: any): string[] => (body?.errors?.[0]?.data?.errors ?? []).map((e: { path: string }) => e.path)

beforeAll(async () => {
  t = await startTestPayload()
  tokens.client = await t.api.login('client@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  tokens.admin = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  tokens.superadmin = await t.api.login('superadmin@scriptorium.test', DEMO_PASSWORD, {})
  const alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })).docs[0]!.id
  order = (await placeOrderFor(t.payload, alpha, 'client@alpha.test')).id
})
afterAll(async () => t?.close())

// Every refusal here is the client's fault: Payload may pass it to the logger's error
// method, which files a 4xx at info level (src/logger.ts), and nothing is written.
beforeEach(async () => {
  countsBefore = await rowCounts(t.payload)
  errorLogs = vi.spyOn(t.payload.logger, 'error')
})
afterEach(async () => {
  const faults = errorLogs.mock.calls.filter(([first]: unknown[]) => {
    const err = (first as { err?: { status?: number; originalError?: { status?: number } } })?.err
    const status = err?.status ?? err?.originalError?.status
    return !(typeof status === 'number' && status >= 400 && status < 500)
  })
  errorLogs.mockRestore()
  expect(faults.map((call: unknown[]) => String((call[0] as { err?: Error })?.err?.message ?? call[0]))).toEqual([])
  expect(await rowCounts(t.payload)).toEqual(countsBefore)
})

/** Collections with REST routes (Payload's migrations have none). */
const COLLECTIONS = () => t.payload.config.collections.filter((c) => c.endpoints !== false).map((c) => c.slug)
/** Payload's preferences are read by key (`/api/payload-preferences/:key`), not by id. */
const BY_ID = () => COLLECTIONS().filter((slug) => slug !== 'payload-preferences')
/** What Payload records of an uploaded file: it drops these from a body itself. */
const FILE_IDENTITY = new Set(['filename', 'mimeType', 'url', 'thumbnailURL', 'prefix', '_objectKey'])

describe('ids in the path that cannot name a document', () => {
  it.each(['abc', '1.5', '0', '-3', '99999999999999999999', '2147483648', '1e3', ' 7'])('/api/<every collection>/%s is 404 for everyone', async (id) => {
    for (const slug of BY_ID()) {
      for (const who of ['client', 'admin', 'superadmin', 'anonymous']) {
        const res = await t.api.get(`/api/${slug}/${encodeURIComponent(id)}`, who === 'anonymous' ? { host: 'alpha.test' } : as(who))
        expect(res.status, `${who} GET /api/${slug}/${id}`).toBe(404)
      }
      const patch = await t.api.patch(`/api/${slug}/${encodeURIComponent(id)}`, { ...as('superadmin'), body: { name: 'x' } })
      expect(patch.status, `PATCH /api/${slug}/${id}`).toBe(404)
      const del = await t.api.delete(`/api/${slug}/${encodeURIComponent(id)}`, as('superadmin'))
      expect(del.status, `DELETE /api/${slug}/${id}`).toBe(404)
    }
  })

  it('names no route: /api/orders/versions (no versions) and GET /api/users/unlock are 404', async () => {
    for (const url of ['/api/orders/versions', '/api/orders/versions/3', '/api/users/unlock', '/api/orders/%E0%A4%A']) {
      const res = await t.api.get(url, as('admin'))
      expect([400, 404], url).toContain(res.status)
    }
    expect((await t.api.get('/api/orders/%E0%A4%A', as('admin'))).status).toBe(400)
  })
})

/** Every select field of a collection, with its path (groups spelled out). */
const selects = (fields: readonly FlattenedField[], prefix = ''): string[] =>
  fields.flatMap((field) => {
    if ('hidden' in field && field.hidden) return []
    // A computed (virtual) field has no column: filtering on it is refused as an unknown field, not a bad value.
    if ('virtual' in field && field.virtual) return []
    if (field.type === 'select' || field.type === 'radio') return [`${prefix}${field.name}`]
    if (field.type === 'group') return selects(field.flattenedFields, `${prefix}${field.name}.`)
    return []
  })

/** Every text field of a collection with its path, as a nested body holding `value` there. */
type TextField = { path: string; body: (value: string) => Record<string, unknown> }
const texts = (fields: readonly FlattenedField[], prefix = ''): TextField[] =>
  fields.flatMap((field): TextField[] => {
    if (['text', 'textarea', 'email', 'code'].includes(field.type) && !('hidden' in field && field.hidden) && !FILE_IDENTITY.has(field.name)) {
      return [{ path: `${prefix}${field.name}`, body: (value: string) => ({ [field.name]: value }) }]
    }
    if (field.type === 'group') {
      return texts(field.flattenedFields, `${prefix}${field.name}.`).map((inner) => ({ path: inner.path, body: (value: string) => ({ [field.name]: inner.body(value) }) }))
    }
    return []
  })

describe('filters generated from every collection', () => {
  it('a value outside a select’s options is 400 naming where.<field>.<operator>', async () => {
    let tried = 0
    for (const slug of COLLECTIONS()) {
      for (const path of selects(t.payload.collections[slug as 'orders'].config.flattenedFields)) {
        for (const operator of ['equals', 'in']) {
          const res = await t.api.get(`/api/${slug}?where[${path}][${operator}]=not-an-option`, as('superadmin'))
          expect(res.status, `${slug} ${path}`).toBe(400)
          expect(problemPaths(res.body)).toEqual([`where.${path}.${operator}`])
          tried += 1
        }
      }
    }
    expect(tried).toBeGreaterThan(40)
  })

  it('an id that is not a whole number within int4 is 400 in any id or relationship filter', async () => {
    for (const slug of COLLECTIONS()) {
      for (const value of ['abc', '99999999999999999999', '1.5']) {
        const res = await t.api.get(`/api/${slug}?where[id][in]=${value}`, as('superadmin'))
        expect(res.status, `${slug} ${value}`).toBe(400)
        expect(problemPaths(res.body)).toEqual(['where.id.in'])
      }
    }
  })
})

describe('text with control characters, in every text field of every collection', () => {
  it('a NUL in any text field of a create is 400 naming the field', async () => {
    let tried = 0
    for (const slug of COLLECTIONS()) {
      for (const field of texts(t.payload.collections[slug as 'orders'].config.flattenedFields)) {
        const res = await t.api.post(`/api/${slug}`, { ...as('superadmin'), body: field.body('a\u0000b') })
        expect(res.status, `${slug} ${field.path}`).toBe(400)
        expect(problemPaths(res.body), `${slug} ${field.path}`).toEqual([field.path])
        tried += 1
      }
    }
    expect(tried).toBeGreaterThan(60)
  })

  it('control characters are refused, not stripped, in creates, updates, custom endpoints, filters and paths', async () => {
    const place = await t.api.post('/api/orders', { ...as('client'), body: { ...ESSAY, deadlineHours: 72, topic: 'a\u0000b' } })
    expect(place.status).toBe(400)
    expect(place.body.errors[0].message).toBe('topic: Contains the control character U+0000; remove it.')
    const update = await t.api.patch(`/api/orders/${order}`, { ...as('admin'), body: { instructions: 'bell \u0007' } })
    expect(problemPaths(update.body)).toEqual(['instructions'])
    const message = await t.api.post('/api/order-messages', { ...as('client'), body: { order, thread: 'client_support', body: 'hi\u001b[31m' } })
    expect(problemPaths(message.body)).toEqual(['body'])
    const quote = await t.api.post('/api/orders/quote', { host: 'alpha.test', body: { ...ESSAY, subject: 'x\u0000' } })
    expect(problemPaths(quote.body)).toEqual(['subject'])
    const action = await t.api.post(`/api/orders/${order}/actions/requestCancellation`, { ...as('client'), body: { reason: 'changed my mind\u0000' } })
    expect(problemPaths(action.body)).toEqual(['reason'])
    const filter = await t.api.get('/api/orders?where[topic][equals]=a%00b', as('client'))
    expect(problemPaths(filter.body)).toEqual(['where.topic.equals'])
    const file = await t.api.get('/api/order-files/file/a%00b.txt', as('client'))
    expect(file.status).toBe(400)
    const summary = await t.api.get('/api/ledger/summary?from=%00', as('admin'))
    expect(problemPaths(summary.body)).toEqual(['from'])
    const login = await t.api.post('/api/users/login', { host: 'alpha.test', body: { email: 'client@alpha.test\u0000', password: DEMO_PASSWORD } })
    expect(problemPaths(login.body)).toEqual(['email'])
  })

  it('line breaks and tabs in text are fine', async () => {
    const res = await t.api.post('/api/orders/quote', { host: 'alpha.test', body: { ...ESSAY, deadlineHours: 72 } })
    expect(res.status).toBe(200)
    const update = await t.api.patch(`/api/orders/${order}`, { ...as('admin'), body: { instructions: 'Line one\n\tLine two\r\n' } })
    expect(update.status).toBe(200)
    // This one writes, on purpose: put the counts back in step.
    countsBefore = await rowCounts(t.payload)
  })
})

describe('the cases found on the production build', () => {
  it.each([
    ['/api/orders?where[status][in]=approved,completed', 'where.status.in'],
    ['/api/orders?where[status][like_nothing]=x', 'where.status.like_nothing'],
    ['/api/orders?where=abc', 'where'],
    ['/api/orders?where=123', 'where'],
    ['/api/orders?where[client][in]=abc', 'where.client.in'],
    ['/api/orders?where[id][equals]=99999999999999999999', 'where.id.equals'],
    ['/api/orders?where[id][equals]=1.5', 'where.id.equals'],
    ['/api/orders?where[nothing][equals]=1', 'where.nothing'],
    ['/api/orders?where[createdAt][greater_than]=notadate', 'where.createdAt.greater_than'],
    ['/api/orders?where[pages][equals]=abc', 'where.pages.equals'],
    ['/api/orders/count?where[status][equals]=nope', 'where.status.equals'],
    ['/api/orders?limit=0', 'limit'],
    ['/api/orders?limit=101', 'limit'],
    ['/api/orders?limit=-1', 'limit'],
    ['/api/orders?limit=abc', 'limit'],
    ['/api/orders?pagination=false', 'pagination'],
    ['/api/orders?page=0', 'page'],
    ['/api/orders?page=999999999999', 'page'],
    ['/api/orders?depth=100', 'depth'],
    ['/api/orders?sort=client.email', 'sort.client.email'],
    ['/api/orders?sort=nothing', 'sort.nothing'],
    ['/api/users?sort=hash', 'sort.hash'],
    ['/api/users?where[hash][exists]=true', 'where.hash'],
  ])('%s is 400 naming %s, for a client and an admin', async (url, path) => {
    for (const who of ['client', 'admin']) {
      const res = await t.api.get(url, as(who))
      expect(res.status).toBe(400)
      expect(problemPaths(res.body)[0]).toBe(path)
      expect(res.body.errors[0].message).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `))
    }
  })

  it('a where tree 50 deep is refused', async () => {
    let where = 'where'
    for (let i = 0; i < 50; i += 1) where += '[and][0]'
    const res = await t.api.get(`/api/orders?${where}[status][equals]=paid`, as('admin'))
    expect(res.status).toBe(400)
  })

  it('a malformed JSON body is 400 on Payload’s routes and ours, and to GraphQL', async () => {
    for (const url of ['/api/orders', '/api/orders/quote', '/api/users/login', `/api/orders/${order}/actions/requestCancellation`, '/api/payments/checkout']) {
      const res = await t.api.post(url, { ...as('client'), body: '{not json' })
      expect(res.status, url).toBe(400)
    }
    const graphql = await t.api.graphqlRaw('{not json', as('client'))
    expect(graphql.status).toBe(400)
    expect(graphql.body.errors[0].message).toBe('The request body is not valid JSON.')
  })

  it('GraphQL answers the same refusals in its errors, and runs nothing else of the request', async () => {
    const cases: [string, string][] = [
      ['{ Orders(where: { client: { in: ["abc"] } }) { totalDocs } }', 'where.client.in'],
      ['{ Orders(where: { topic: { equals: "a\\u0000b" } }) { totalDocs } }', 'where.topic.equals'],
      ['{ Orders(limit: 0) { totalDocs } }', 'limit'],
      ['{ Orders(limit: 1000) { totalDocs } }', 'limit'],
      ['{ Orders(sort: "client.email") { totalDocs } }', 'sort.client.email'],
      ['{ Order(id: 0) { id } }', ''],
    ]
    for (const [query, path] of cases) {
      const res = await t.api.graphql(query, as('client'))
      const error = res.body.errors?.[0]
      expect(error?.extensions?.statusCode, query).toBe(path ? 400 : 404)
      if (path) expect(error.extensions.data.errors[0].path).toBe(path)
    }
  })
})

describe('found by the hostile-input campaign (tests/hostile)', () => {
  const BOUNDARY = 'campaignBoundary'
  const filePart = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"purpose":"instructions"}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="brief.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n`
  const upload = (contentType: string, body: string) => t.api.post('/api/order-files', { ...as('client'), headers: { 'content-type': contentType }, body })

  it('a multipart body without its boundary, cut short, or under another boundary is 400 naming what is wrong', async () => {
    const noBoundary = await upload('multipart/form-data', `${filePart}--${BOUNDARY}--\r\n`)
    expect(noBoundary.status).toBe(400)
    expect(problemPaths(noBoundary.body)).toEqual(['content-type'])
    for (const [contentType, body] of [
      [`multipart/form-data; boundary=${BOUNDARY}`, filePart],
      ['multipart/form-data; boundary=anotherBoundary', `${filePart}--${BOUNDARY}--\r\n`],
      [`multipart/form-data; boundary=${BOUNDARY}`, filePart.slice(0, 60)],
    ]) {
      const res = await upload(contentType!, body!)
      expect(res.status, body).toBe(400)
      expect(problemPaths(res.body)).toEqual(['body'])
      expect(res.body.errors[0].message).toMatch(/^body: The multipart form cannot be read/)
    }
  })

  it('a well-formed upload still works after them', async () => {
    const res = await upload(`multipart/form-data; boundary=${BOUNDARY}`, `${filePart.replace('{"purpose":"instructions"}', JSON.stringify({ purpose: 'instructions', order }))}--${BOUNDARY}--\r\n`)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    // This one writes, on purpose: put the counts back in step.
    countsBefore = await rowCounts(t.payload)
  })

  it('email verification, which users do not have, is 404 over REST and GraphQL for any token', async () => {
    for (const token of ['1', String(order), 'abc']) {
      const res = await t.api.post(`/api/users/verify/${token}`, { host: 'alpha.test', body: {} })
      expect(res.status, token).toBe(404)
    }
    const graphql = await t.api.graphql('mutation { verifyEmailUser(token: "abc") }', { host: 'alpha.test' })
    expect(graphql.body.errors[0].extensions.statusCode).toBe(404)
  })

  it('a body nested 20,000 deep with an Idempotency-Key is a 400 naming the body, not a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`
    const res = await t.api.post(`/api/orders/${order}/actions/markPaid`, { ...as('client'), headers: { 'idempotency-key': 'deep-body-1' }, body: deep })
    expect(res.status).toBe(400)
    expect(problemPaths(res.body)).toEqual(['body'])
  })

  it('a document’s data nested 20,000 deep, as JSON or as a multipart _payload, is a 400 naming the body, not a stack overflow', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`
    const json = await t.api.post('/api/payload-preferences', { ...as('client'), body: `{"key":"deep","value":${deep}}` })
    expect(json.status).toBe(400)
    expect(problemPaths(json.body)).toEqual(['body'])
    const multipart = await t.api.post('/api/payload-preferences', {
      ...as('client'),
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"key":"deep","value":${deep}}\r\n--${BOUNDARY}--\r\n`,
    })
    expect(multipart.status).toBe(400)
    expect(problemPaths(multipart.body)).toEqual(['body'])
    const preference = await t.api.post('/api/payload-preferences/deep', { ...as('client'), body: `{"value":${deep}}` })
    expect(preference.status).toBe(400)
    expect(problemPaths(preference.body)).toEqual(['body'])
    const update = await t.api.patch(`/api/orders/${order}`, { ...as('admin'), body: `{"topic":"x","extra":${deep}}` })
    expect(update.status).toBe(400)
  })

  it('a create or update with no body, or a body that is not an object, is a 400 naming fields or the body', async () => {
    const empty = await t.api.post('/api/orders', { ...as('client'), headers: { 'content-type': 'application/json' }, body: '' })
    expect(empty.status).toBe(400)
    expect(problemPaths(empty.body).length).toBeGreaterThan(0)
    const pricing = (await t.payload.find({ collection: 'pricing-options', limit: 1, depth: 0 })).docs[0]!.id
    for (const body of ['191', '[1]', '"text"', 'null']) {
      if (body !== 'null') {
        // Payload's duplicate takes a null body as no changes.
        const duplicate = await t.api.post(`/api/pricing-options/${pricing}/duplicate`, { ...as('superadmin'), body })
        expect(duplicate.status, body).toBe(400)
        expect(problemPaths(duplicate.body), body).toEqual(['body'])
      }
      const update = await t.api.patch(`/api/orders/${order}`, { ...as('admin'), body })
      expect(update.status, body).toBe(400)
    }
  })

  it('timestamps in a body are the server’s, on Payload’s own collections too: text there reached SQL', async () => {
    const res = await t.api.post('/api/payload-preferences', { ...as('client'), body: { key: `stamps-${Date.now()}`, value: {}, createdAt: 'J', updatedAt: '2026-02-30T25:61:00Z' } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(Number.isNaN(Date.parse(res.body.doc.createdAt))).toBe(false)
    const bulk = await t.api.patch('/api/payload-preferences?where[key][exists]=true', { ...as('client'), body: { createdAt: 'J' } })
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
    // These write, on purpose: put the counts back in step.
    countsBefore = await rowCounts(t.payload)
  })

  it('GraphQL’s Access query answers canAccessAdmin false to those who may not open the admin, instead of failing', async () => {
    for (const [who, expected] of [['anonymous', false], ['client', false], ['admin', true]] as const) {
      const res = await t.api.graphql('{ Access { canAccessAdmin } }', who === 'anonymous' ? { host: 'alpha.test' } : as(who))
      expect(res.body.errors, who).toBeUndefined()
      expect(res.body.data.Access.canAccessAdmin, who).toBe(expected)
    }
  })

  it('a group given null or a list, or an array field given an object, is a 400 naming the field (Payload’s hooks failed on it)', async () => {
    const alpha = (await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, overrideAccess: true })).docs[0]!.id
    for (const [body, path] of [
      [{ pricing: null }, 'pricing'],
      [{ pricing: [1] }, 'pricing'],
      [{ domains: { domain: 'x.test' } }, 'domains'],
      [{ domains: ['x.test'] }, 'domains.0'],
    ] as const) {
      const res = await t.api.patch(`/api/tenants/${alpha}`, { ...as('superadmin'), body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(problemPaths(res.body), JSON.stringify(body)).toEqual([path])
    }
  })
})

describe('Payload’s preference delete (found by the hostile campaign)', () => {
  it('deletes the caller’s own preference by key, and a key they do not have is a 404, not a 500', async () => {
    const key = `campaign-${Date.now()}`
    const set = await t.api.post(`/api/payload-preferences/${key}`, { ...as('client'), body: { value: { columns: ['id'] } } })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    const otherUser = await t.api.delete(`/api/payload-preferences/${key}`, as('admin'))
    expect(otherUser.status).toBe(404)
    // Payload's answer for preferences (the document, flat, with a message); the API document describes the routes of a collection by id.
    const deleted = await t.api.delete(`/api/payload-preferences/${key}`, { ...as('client'), unchecked: true })
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    expect(deleted.body.key).toBe(key)
    expect((await t.api.get(`/api/payload-preferences/${key}`, { ...as('client'), unchecked: true })).body?.value ?? null).toBeNull()
    expect((await t.api.delete(`/api/payload-preferences/${key}`, as('client'))).status).toBe(404)
    expect((await t.api.delete('/api/payload-preferences/99999999999999999999', as('client'))).status).toBe(404)
    expect((await t.api.delete(`/api/payload-preferences/${key}`, { host: 'alpha.test' })).status).toBe(401)
  })
})
