import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '@/access/actor'
import type { Order } from '@/payload-types'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { workflowClient } from '../helpers/orderWorkflow'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
let w: ReturnType<typeof workflowClient>
const tokens: Record<string, string> = {}
const ALPHA = 'alpha.test'
const orders: Order[] = []

/** RFC 4180 as csv-stringify writes it: quoted cells may hold commas, quotes (doubled) and line breaks. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"'
      i += 1
    } else if (c === '"') quoted = !quoted
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) cell += c
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n') {
      rows.push([...row, cell])
      row = []
      cell = ''
    }
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

const exportOf = async (who: string, query: string, collection = 'orders') => {
  const res = await t.api.get(`/api/${collection}/export.csv${query}`, { host: ALPHA, token: tokens[who] })
  return { ...res, rows: typeof res.body === 'string' ? parseCsv(res.body) : [] }
}

/** The rows as objects keyed by the header. */
const records = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((name, i) => [name, r[i]])))

beforeAll(async () => {
  t = await startTestPayload()
  for (const who of ['client', 'client2', 'admin', 'support']) tokens[who] = await t.api.login(`${who}@alpha.test`, DEMO_PASSWORD, { host: ALPHA })
  w = workflowClient(t.api, ALPHA, tokens)
  for (const pages of [2, 5, 3]) orders.push(await w.place('client', { pages }))
  orders.push(await w.place('client2', { pages: 4 }))
  // Amounts in minor units: 123.45 dollars, and 1500 yen (a currency without decimals).
  await t.payload.update({ collection: 'orders', id: orders[0]!.id, data: { subtotal: 12_345, total: 12_345 }, depth: 0 })
  await t.payload.update({ collection: 'orders', id: orders[1]!.id, data: { subtotal: 1_500, total: 1_500, currency: 'JPY' }, depth: 0 })
})
afterAll(async () => t?.close())

describe('CSV export of a list', () => {
  it('holds, for staff, the rows the list API returns for the same filter and sort, in order', async () => {
    const client = idOf(orders[0]!.client)!
    const query = `?where[client][equals]=${client}&where[status][in][0]=pending_payment&sort=-pages`
    const list = await t.api.get(`/api/orders${query}&limit=100&depth=0`, { host: ALPHA, token: tokens.admin })
    expect([list.status, list.body.errors]).toEqual([200, undefined])
    const csv = await exportOf('admin', query)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('x-export-truncated')).toBeNull()
    const exported = records(csv.rows)
    expect(exported.map((r) => Number(r.id))).toEqual(list.body.docs.map((d: Order) => d.id))
    expect(exported.map((r) => Number(r.id))).toEqual([orders[1]!.id, orders[2]!.id, orders[0]!.id])
    expect(exported.map((r) => r.topic)).toEqual(list.body.docs.map((d: Order) => d.topic))
    // Relationships are ids.
    expect(exported.every((r) => r.client === String(client))).toBe(true)
    // Support reads the same list.
    expect(records((await exportOf('support', query)).rows).map((r) => Number(r.id))).toEqual(exported.map((r) => Number(r.id)))
  })

  it('writes money as a decimal amount in each row’s own currency (yen without decimals)', async () => {
    const exported = records((await exportOf('admin', `?where[id][in][0]=${orders[0]!.id}&where[id][in][1]=${orders[1]!.id}&sort=id`)).rows)
    expect(exported.map((r) => [r.currency, r.total])).toEqual([
      ['USD', '123.45'],
      ['JPY', '1500'],
    ])
  })

  it('refuses anyone but staff (403), and a bad filter or sort as the list does (400 naming it)', async () => {
    const client = await exportOf('client', '')
    expect(client.status).toBe(403)
    expect(client.body.errors[0].message).toBe('Exports are for staff.')
    expect((await t.api.get('/api/orders/export.csv', { host: ALPHA })).status).toBe(403)
    const bad = await exportOf('admin', '?where[nope][equals]=1&sort=alsoNope')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['where.nope', 'sort.alsoNope'])
    expect((await exportOf('admin', '?cap=0')).status).toBe(400)
  })

  it('leaves out every field the caller cannot read: no column, no cell', async () => {
    const [header] = (await exportOf('admin', '', 'invoices')).rows
    expect(header).toEqual(expect.arrayContaining(['id', 'number', 'total', 'currency', 'status']))
    expect(header).not.toContain('payTokenHash')
    const [users] = (await exportOf('admin', '', 'users')).rows
    expect(users).toEqual(expect.arrayContaining(['id', 'email', 'roles']))
    for (const secret of ['hash', 'salt', 'resetPasswordToken']) expect(users).not.toContain(secret)
  })

  it('cuts the export at the cap: the last line says so and how to narrow it, with a header', async () => {
    const csv = await exportOf('admin', '?sort=id&cap=2')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('x-export-truncated')).toBe('true')
    const total = Number(csv.headers.get('x-export-total'))
    expect(total).toBeGreaterThanOrEqual(4)
    expect(csv.rows).toHaveLength(4)
    expect(csv.rows.slice(1, 3).map((r) => Number(r[0]))).toEqual([orders[0]!.id, orders[1]!.id])
    expect(csv.rows[3]).toEqual([`Export cut at 2 of ${total} rows: narrow the filter (where) or export in parts, e.g. by a createdAt range.`])
  })
})
