import { describe, expect, it } from 'vitest'

import { userReferences } from '@/collections/Users/userReferences'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { fundWallet } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { rowCounts } from '../helpers/rowCounts'
import { placeOrderFor } from '../helpers/tenantFixtures'
import type { TestContext } from '../helpers/testPayload'

/**
 * Deleting a user whom orders or money refer to is a 409 naming the records, refused
 * before anything is written (the database would null who paid or wrote, or answer 500
 * on a required reference); a user nothing refers to is deleted as before.
 */

let t: TestContext
let tokens: Record<string, string>
let alpha: number
const ALPHA = { host: 'alpha.test' }

moneyTestFile((test) => {
  ;({ t, tokens, alpha } = test)
}, { superadmin: true })

let serial = 0
const newUser = async (role: 'client' | 'writer') => {
  serial += 1
  return t.payload.create({ collection: 'users', data: { email: `gone-${serial}@alpha.test`, password: DEMO_PASSWORD, name: `Gone ${serial}`, roles: [role], tenants: [{ tenant: alpha }] }, depth: 0 })
}
const remove = (id: number, who = 'superadmin') => t.api.delete(`/api/users/${id}`, { ...ALPHA, token: tokens[who] })
const exists = async (id: number) => (await t.payload.count({ collection: 'users', where: { id: { equals: id } } })).totalDocs === 1

describe('the references come from the config', () => {
  it('finds the money and order tables that name a user, nested fields included', () => {
    const found = userReferences(t.payload.config).map(({ collection, path }) => `${collection}.${path}`)
    expect(found).toEqual(expect.arrayContaining(['orders.client', 'orders.writer', 'payments.client', 'refunds.client', 'wallets.owner', 'writer-earnings.writer', 'payout-records.writer', 'payout-requests.writer', 'invoices.client', 'receipts.client', 'tips.writer']))
    expect(found.some((name) => name.startsWith('idempotency-keys.') || name.startsWith('payload-'))).toBe(false)
  })
})

describe('DELETE /api/users/:id', () => {
  it('a client with an order and a wallet: 409 naming them, and nothing is written', async () => {
    const client = await newUser('client')
    await placeOrderFor(t.payload, alpha, client.email)
    await fundWallet(t.payload, alpha, client.id, 1000, `test:gone-${client.id}`)
    const before = await rowCounts(t.payload)
    for (const who of ['superadmin', 'admin']) {
      const res = await remove(client.id, who)
      expect(res.status).toBe(409)
      expect(res.body.errors[0].message).toMatch(/cannot be deleted/)
      expect(res.body.errors[0].message).toContain('orders (client)')
      expect(res.body.errors[0].message).toContain('wallets (owner)')
      expect(res.body.errors[0].data.references).toEqual(expect.arrayContaining([{ collection: 'orders', path: 'client', count: 1 }, { collection: 'wallets', path: 'owner', count: 1 }]))
    }
    expect(await rowCounts(t.payload)).toEqual(before)
    expect(await exists(client.id)).toBe(true)
  })

  it('a writer an order names as its writer: 409', async () => {
    const writer = await newUser('writer')
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    await t.payload.update({ collection: 'orders', id: order.id, data: { writer: writer.id }, depth: 0 })
    const res = await remove(writer.id)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toContain('orders (writer)')
    expect(await exists(writer.id)).toBe(true)
  })

  it('a user nothing refers to is deleted; their stored idempotent answers go with them', async () => {
    const client = await newUser('client')
    const token = await t.api.login(client.email, DEMO_PASSWORD, ALPHA)
    // A refused top-up leaves only its remembered refusal behind.
    const refused = await t.api.post('/api/payments/checkout', { ...ALPHA, token, body: { purpose: 'wallet_top_up', amount: 5, provider: 'manual' }, headers: { 'idempotency-key': 'tiny' } })
    expect(refused.status).toBe(400)
    expect((await t.payload.count({ collection: 'idempotency-keys', where: { user: { equals: client.id } } })).totalDocs).toBe(1)
    const res = await remove(client.id, 'admin')
    expect(res.status).toBe(200)
    expect(await exists(client.id)).toBe(false)
    expect((await t.payload.count({ collection: 'idempotency-keys', where: { user: { equals: client.id } } })).totalDocs).toBe(0)
  })

  it('the access rules still come first: neither a client nor another website’s admin may delete', async () => {
    const client = await newUser('client')
    expect((await remove(client.id, 'client')).status).toBe(403)
    expect((await t.api.delete(`/api/users/${client.id}`, { host: 'beta.test', token: tokens.betaAdmin })).status).toBe(403)
    expect(await exists(client.id)).toBe(true)
  })
})
