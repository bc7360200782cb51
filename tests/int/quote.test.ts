import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

const essay = { pages: 3, spacing: 'double', deadlineHours: 48, paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities' }
const quote = (body: unknown, host = 'alpha.test') => t.api.post('/api/orders/quote', { host, body })
const fields = (body: any) => Object.fromEntries((body.errors[0].data.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]))

describe('GET /api/order-options', () => {
  it('lists the website’s active choices by dimension, publicly', async () => {
    const res = await t.api.get('/api/order-options', { host: 'alpha.test' })
    expect(res.status).toBe(200)
    expect(res.body.currency).toBe('USD')
    expect(res.body.dimensions.paperType.map((o: { code: string }) => o.code)).toContain('essay')
    expect(res.body.dimensions.deadlineBand[0]).toEqual({ code: '3h', label: '3 hours', maxHours: 3 })
    expect(res.body.dimensions.addon.find((o: { code: string }) => o.code === 'plagiarism_report')).toMatchObject({ amount: 999 })
    expect(res.body.dimensions.formattingStyle.map((o: { code: string }) => o.code)).toContain('apa')
  })

  it('answers 404 for an unknown website', async () => {
    expect((await t.api.get('/api/order-options', { host: 'nowhere.test' })).status).toBe(404)
  })
})

describe('POST /api/orders/quote', () => {
  it('prices the reference example at 7302 cents and ignores a price in the body', async () => {
    const res = await quote({ ...essay, total: 1, price: 1 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ total: 7302, currency: 'USD' })
    expect(res.body.lines.at(-1)).toEqual({ type: 'total', code: 'total', label: 'total', amount: 7302 })
    expect((await quote({ ...essay, preferredWriter: true })).body.total).toBe(7801)
    expect(
      (await quote({ pages: 2, spacing: 'single', deadlineHours: 24, paperType: 'nursing', workType: 'writing', academicLevel: 'masters', subject: 'nursing' })).body.total,
    ).toBe(21819)
  })

  it('names every bad field with 400', async () => {
    const shape = await quote({ ...essay, pages: 0, spacing: 'triple' })
    expect(shape.status).toBe(400)
    expect(Object.keys(fields(shape.body)).sort()).toEqual(['pages', 'spacing'])
    const codes = await quote({ ...essay, paperType: 'poem', addons: ['gift_wrap'], deadlineHours: 800 })
    expect(codes.status).toBe(400)
    expect(fields(codes.body)).toEqual({
      deadlineHours: 'No deadline band covers 800 h (the longest is 720 h).',
      paperType: 'Unknown or inactive paper type "poem".',
      addons: 'Unknown or inactive add-on "gift_wrap".',
    })
  })

  it('follows each website’s own price list, edited by its admin', async () => {
    const admin = await t.api.login('admin@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
    const { docs } = await t.api.get('/api/pricing-options?where[dimension][equals]=academicLevel&where[code][equals]=undergrad', { host: 'alpha.test', token: admin }).then((r) => r.body)
    expect(docs).toHaveLength(1)
    const edit = await t.api.patch(`/api/pricing-options/${docs[0].id}`, { host: 'alpha.test', token: admin, body: { multiplier: 1.5 } })
    expect(edit.status).toBe(200)
    expect((await quote(essay)).body.total).toBe(Math.floor((Math.floor((4197 * 15000 + 5000) / 10000) * 14500 + 5000) / 10000))
    expect((await quote(essay, 'beta.test')).body.total).toBe(7302)

    const off = await t.api.patch(`/api/pricing-options/${docs[0].id}`, { host: 'alpha.test', token: admin, body: { active: false } })
    expect(off.status).toBe(200)
    expect((await quote(essay)).status).toBe(400)
    const listed = await t.api.get('/api/order-options', { host: 'alpha.test' })
    expect(listed.body.dimensions.academicLevel.map((o: { code: string }) => o.code)).not.toContain('undergrad')
  })

  it('refuses a duplicate code within a website and dimension, and bad multipliers', async () => {
    const admin = await t.api.login('admin@beta.test', DEMO_PASSWORD, { host: 'beta.test' })
    const dup = await t.api.post('/api/pricing-options', { host: 'beta.test', token: admin, body: { dimension: 'paperType', code: 'essay', label: 'Again', multiplier: 1 } })
    expect(dup.status).toBe(400)
    const bad = await t.api.post('/api/pricing-options', { host: 'beta.test', token: admin, body: { dimension: 'paperType', code: 'poem', label: 'Poem', multiplier: -2 } })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('multiplier')
    const ok = await t.api.post('/api/pricing-options', { host: 'beta.test', token: admin, body: { dimension: 'paperType', code: 'poem', label: 'Poem', multiplier: 1.1 } })
    expect(ok.status).toBe(201)
    const { docs: alpha } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } } })
    const foreign = await t.api.post('/api/pricing-options', { host: 'beta.test', token: admin, body: { tenant: alpha[0]!.id, dimension: 'paperType', code: 'sneaky', label: 'Sneaky', multiplier: 0.1 } })
    expect(foreign.status).toBe(400)
    expect((await t.payload.count({ collection: 'pricing-options', where: { code: { equals: 'sneaky' } } })).totalDocs).toBe(0)
    const client = await t.api.login('client@beta.test', DEMO_PASSWORD, { host: 'beta.test' })
    expect((await t.api.post('/api/pricing-options', { host: 'beta.test', token: client, body: { dimension: 'paperType', code: 'cheap', label: 'Cheap', multiplier: 0.1 } })).status).toBe(403)
  })
})
