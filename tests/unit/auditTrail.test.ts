import { describe, expect, it } from 'vitest'

import { actionOfWrite } from '@/domain/audit/actions'
import { type ChainedRow, checkLinks, GENESIS, linkRows } from '@/domain/audit/chain'
import { changedFieldNames, diffDocs, MAX_JSON, MAX_TEXT, stableJson } from '@/domain/audit/diff'
import { partiesOf } from '@/domain/audit/parties'
import { isSecretField, redact, REDACTED } from '@/domain/audit/redact'

const row = (id: number, action = 'update'): ChainedRow => ({
  id,
  tenant: 1,
  kind: 'change',
  action,
  actor: 7,
  actorEmail: 'a@b.test',
  actorRole: 'admin',
  targetCollection: 'orders',
  targetId: String(id * 10),
  changes: { topic: { before: 'a', after: 'b' } },
  parties: [3, 7],
  address: '203.0.113.1',
  userAgent: 'ua',
  requestId: 'r1',
  createdAt: '2026-12-01T10:00:00.000Z',
})

describe('secrets', () => {
  it.each(['password', 'hash', 'salt', 'resetPasswordToken', 'apiKey', 'api_key', 'sessions', '_verificationToken', 'clientSecret', 'unsubscribeToken', 'mfaSecret'])('%s is a secret', (name) => {
    expect(isSecretField(name)).toBe(true)
  })
  it.each(['topic', 'status', 'email', 'roles', 'amount', 'hashtags'])('%s is not', (name) => {
    expect(isSecretField(name)).toBe(false)
  })
  it('redacts at any depth', () => {
    expect(redact({ a: 1, nested: [{ token: 'x', keep: 2 }], password: 'p' })).toEqual({ a: 1, nested: [{ token: REDACTED, keep: 2 }], password: REDACTED })
  })
})

describe('diffDocs', () => {
  it('lists the changed top-level fields only, before and after', () => {
    expect(diffDocs({ id: 1, topic: 'a', pages: 2, updatedAt: 'x' }, { id: 1, topic: 'b', pages: 2, updatedAt: 'y' })).toEqual({ topic: { before: 'a', after: 'b' } })
  })
  it('a create has no before, a delete no after', () => {
    expect(diffDocs(null, { topic: 'a', note: null })).toEqual({ topic: { before: null, after: 'a' } })
    expect(diffDocs({ topic: 'a' }, null)).toEqual({ topic: { before: 'a', after: null } })
  })
  it('never keeps a secret value, and ignores one side’s hidden secret', () => {
    expect(diffDocs({ hash: 'h1', salt: 's' }, { hash: 'h2', salt: 's' })).toEqual({ hash: { before: REDACTED, after: REDACTED } })
    expect(diffDocs({ hash: 'h1', name: 'a' }, { name: 'a' })).toEqual({})
    expect(JSON.stringify(diffDocs(null, { settings: { apiKey: 'k', other: 1 } }))).not.toContain('"k"')
  })
  it('reduces populated documents to ids and cuts long text', () => {
    const changes = diffDocs({ client: 3 }, { client: { id: 4, createdAt: 'x', email: 'e' }, body: 'x'.repeat(MAX_TEXT + 10) })
    expect(changes.client).toEqual({ before: 3, after: 4 })
    expect(String(changes.body!.after)).toContain(`(${MAX_TEXT + 10} characters)`)
    const big = diffDocs(null, { content: { children: Array.from({ length: 200 }, (_, i) => ({ text: `paragraph ${i} `.repeat(5) })) } })
    expect(String(big.content!.after)).toMatch(/characters of JSON/)
    expect(JSON.stringify(big).length).toBeLessThan(MAX_JSON)
  })
  it('equal values in another key order are no change', () => {
    expect(diffDocs({ g: { a: 1, b: 2 } }, { g: { b: 2, a: 1 } })).toEqual({})
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}')
  })
  it('the feed takes names only', () => {
    expect(changedFieldNames({ topic: {}, status: {} })).toEqual(['status', 'topic'])
    expect(changedFieldNames(null)).toEqual([])
  })
})

describe('actions', () => {
  it('names what a write means', () => {
    expect(actionOfWrite('users', 'update', ['roles'])).toBe('role_change')
    expect(actionOfWrite('users', 'update', ['tenants'])).toBe('website_change')
    expect(actionOfWrite('users', 'update', ['password'])).toBe('password_change')
    expect(actionOfWrite('refunds', 'create', [])).toBe('refund')
    expect(actionOfWrite('fines', 'create', [])).toBe('fine')
    expect(actionOfWrite('payout-records', 'create', [])).toBe('payout')
    expect(actionOfWrite('journal-entries', 'create', [], { type: 'admin_credit' })).toBe('wallet_adjustment')
    expect(actionOfWrite('tenants', 'update', ['settings'])).toBe('setting_change')
    expect(actionOfWrite('orders', 'update', ['topic'])).toBe('update')
  })
})

describe('parties', () => {
  it('are the users a record names, and a user themself', () => {
    expect(partiesOf('orders', { client: 5, writer: { id: 9 }, editor: null }, ['client', 'writer', 'editor'])).toEqual([5, 9])
    expect(partiesOf('users', { id: 4 }, [])).toEqual([4])
  })
})

describe('the hash chain', () => {
  it('links rows in order from the genesis and checks them back', () => {
    const links = linkRows(null, [row(1), row(2), row(3)])
    expect(links.map((l) => l.seq)).toEqual([1, 2, 3])
    expect(links[0]!.prevHash).toBe(GENESIS)
    expect(links[1]!.prevHash).toBe(links[0]!.hash)
    const stored = [row(1), row(2), row(3)].map((r, i) => ({ ...r, ...links[i]! }))
    expect(checkLinks(null, stored)).toEqual({ state: { seq: 3, hash: links[2]!.hash } })
  })
  it('continues from the last link', () => {
    const first = linkRows(null, [row(1)])
    const next = linkRows({ seq: 1, hash: first[0]!.hash }, [row(5)])
    expect(next[0]).toMatchObject({ seq: 2, prevHash: first[0]!.hash })
  })
  it('names the first edited, moved or missing row', () => {
    const rows = [row(1), row(2), row(3), row(4)]
    const links = linkRows(null, rows)
    const stored = rows.map((r, i) => ({ ...r, ...links[i]! }))
    expect(checkLinks(null, stored.map((r) => (r.id === 3 ? { ...r, action: 'forged' } : r)))).toMatchObject({ broken: { id: 3 } })
    expect(checkLinks(null, stored.filter((r) => r.id !== 2))).toMatchObject({ broken: { id: 3 } })
    expect(checkLinks(null, stored.map((r) => (r.id === 4 ? { ...r, prevHash: GENESIS } : r)))).toMatchObject({ broken: { id: 4 } })
  })
})
