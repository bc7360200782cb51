import { describe, expect, it } from 'vitest'

import { controlCharacterIn, findControlCharacter } from '@/domain/input/controlCharacters'
import { QUERY_LIMITS } from '@/domain/query/limits'
import type { QuerySchema } from '@/domain/query/schema'
import { resolvePath } from '@/domain/query/schema'
import { validatePaging } from '@/domain/query/validatePaging'
import { validateSort } from '@/domain/query/validateSort'
import { validateWhere } from '@/domain/query/validateWhere'

const schema: QuerySchema = {
  orders: {
    topic: { kind: 'text' },
    pages: { kind: 'number' },
    status: { kind: 'select', options: ['paid', 'completed'] },
    clientDeadline: { kind: 'date' },
    filesReleased: { kind: 'checkbox' },
    client: { kind: 'relationship', target: 'users' },
    addons: { kind: 'text', hasMany: true },
    rateCard: { kind: 'json' },
    flags: { kind: 'container', fields: { urgent: { kind: 'checkbox' } } },
    notes: { kind: 'opaque' },
  },
  users: { email: { kind: 'text' }, tenants: { kind: 'container', fields: { tenant: { kind: 'relationship', target: 'tenants' } } } },
  tenants: { slug: { kind: 'text' } },
}

const paths = (where: unknown, maxHops?: number) => validateWhere(schema, 'orders', where, maxHops).map((p) => p.path)

describe('resolvePath', () => {
  it('follows groups, GraphQL spellings and relationships as far as allowed', () => {
    expect(resolvePath(schema, 'orders', 'flags.urgent', 0)).toEqual({ node: { kind: 'checkbox' }, hops: 0 })
    expect(resolvePath(schema, 'orders', 'flags__urgent', 0)).toEqual({ node: { kind: 'checkbox' }, hops: 0 })
    expect(resolvePath(schema, 'orders', 'client.id', 0)).toEqual({ node: { kind: 'id' }, hops: 0 })
    expect(resolvePath(schema, 'orders', 'client.email', 1)).toEqual({ node: { kind: 'text' }, hops: 1 })
    expect(resolvePath(schema, 'orders', 'client.tenants.tenant.slug', 2)).toEqual({ node: { kind: 'text' }, hops: 2 })
    expect(resolvePath(schema, 'orders', 'client.email', 0)).toHaveProperty('error')
    expect(resolvePath(schema, 'orders', 'flags', 0)).toHaveProperty('error')
    expect(resolvePath(schema, 'orders', 'notes', 0)).toHaveProperty('error')
    expect(resolvePath(schema, 'orders', 'nothing', 0)).toHaveProperty('error')
    expect(resolvePath(schema, 'orders', 'topic.more', 0)).toHaveProperty('error')
    expect(resolvePath(schema, 'orders', 'constructor', 0)).toHaveProperty('error')
  })
})

describe('validateWhere', () => {
  it('accepts what Payload answers well', () => {
    expect(
      paths({
        and: [
          { status: { in: 'paid,completed' } },
          { or: [{ pages: { greater_than: '3' } }, { pages: { less_than_equal: 2.5 } }] },
          { client: { in: ['7', 8] } },
          { clientDeadline: { greater_than: '2026-05-01' } },
          { topic: { like: 'war and peace' } },
          { filesReleased: { equals: 'true' } },
          { 'flags.urgent': { exists: false } },
          { client: { equals: null } },
          { addons: { all: ['plagiarism'] } },
          { id: { not_in: [1, 2] } },
        ],
      }),
    ).toEqual([])
  })

  it.each([
    [{ status: { in: 'approved,completed' } }, 'where.status.in'],
    [{ status: { like_nothing: 'x' } }, 'where.status.like_nothing'],
    [{ client: { in: 'abc' } }, 'where.client.in'],
    [{ id: { equals: '99999999999999999999' } }, 'where.id.equals'],
    [{ id: { equals: 1.5 } }, 'where.id.equals'],
    [{ pages: { equals: 'abc' } }, 'where.pages.equals'],
    [{ pages: { equals: Infinity } }, 'where.pages.equals'],
    [{ clientDeadline: { greater_than: 'notadate' } }, 'where.clientDeadline.greater_than'],
    [{ clientDeadline: { greater_than: '1' } }, 'where.clientDeadline.greater_than'],
    [{ clientDeadline: { greater_than: '12345-01-01' } }, 'where.clientDeadline.greater_than'],
    [{ topic: { equals: 'a\u0000b' } }, 'where.topic.equals'],
    [{ topic: { equals: 'x'.repeat(QUERY_LIMITS.maxTextValue + 1) } }, 'where.topic.equals'],
    [{ topic: { equals: { nested: 1 } } }, 'where.topic.equals'],
    [{ filesReleased: { equals: 'maybe' } }, 'where.filesReleased.equals'],
    [{ rateCard: { equals: 'x' } }, 'where.rateCard.equals'],
    [{ status: { in: [] } }, 'where.status.in'],
    [{ status: 'paid' }, 'where.status'],
    [{ status: {} }, 'where.status'],
    [{ nothing: { equals: 1 } }, 'where.nothing'],
    [{ 'client.email': { equals: 'a@b.c' } }, 'where.client.email'],
    [{ and: { 0: { status: { equals: 'paid' } } } }, 'where.and'],
    [{ or: ['x'] }, 'where.or.0'],
    ['abc', 'where'],
    [[{ status: { equals: 'paid' } }], 'where'],
  ])('%j is refused at %s', (where, path) => {
    expect(paths(where, 0)).toContain(path)
  })

  it('refuses trees nested too deep, too many conditions and too long lists', () => {
    let deep: object = { status: { equals: 'paid' } }
    for (let i = 0; i < 50; i += 1) deep = { and: [deep] }
    expect(validateWhere(schema, 'orders', deep)[0]?.message).toMatch(/nest at most/)
    const many = { or: Array.from({ length: QUERY_LIMITS.maxWhereConditions + 1 }, () => ({ pages: { equals: 1 } })) }
    expect(validateWhere(schema, 'orders', many)[0]?.message).toMatch(/At most 100 conditions/)
    const long = { pages: { in: Array.from({ length: QUERY_LIMITS.maxListValues + 1 }, (_, i) => i) } }
    expect(validateWhere(schema, 'orders', long)[0]?.message).toMatch(/At most 500 values/)
  })

  it('follows relationships only as far as allowed', () => {
    expect(paths({ 'client.email': { like: 'a' } }, 1)).toEqual([])
    expect(paths({ 'client.email': { like: 'a' } }, 0)).toEqual(['where.client.email'])
  })
})

describe('validateSort', () => {
  it('takes the collection’s own fields, several and descending', () => {
    expect(validateSort(schema, 'orders', '-clientDeadline,topic')).toEqual([])
    expect(validateSort(schema, 'orders', ['flags.urgent', '-id', 'client'])).toEqual([])
  })

  it.each([
    ['client.email', 'sort.client.email'],
    ['nothing', 'sort.nothing'],
    ['rateCard', 'sort.rateCard'],
    ['addons', 'sort.addons'],
    ['flags', 'sort.flags'],
    ['topic,', 'sort'],
  ])('%s is refused at %s', (sort, path) => {
    expect(validateSort(schema, 'orders', sort).map((p) => p.path)).toContain(path)
  })

  it('refuses more than five fields and what is not a name', () => {
    expect(validateSort(schema, 'orders', 'a,b,c,d,e,f')[0]?.path).toBe('sort')
    expect(validateSort(schema, 'orders', { 0: 'topic' })[0]?.path).toBe('sort')
  })
})

describe('validatePaging', () => {
  it('caps lists at a page of 100 and depth at 3', () => {
    expect(validatePaging({ limit: 100, page: 3, depth: 3, pagination: true }, true)).toEqual([])
    expect(validatePaging({ limit: 20, pagination: false }, true)).toEqual([])
    for (const limit of [0, -1, 101, 1.5, 'abc']) expect(validatePaging({ limit }, true).map((p) => p.path)).toEqual(['limit'])
    for (const page of [0, 100_001, 2.5, 'x']) expect(validatePaging({ page }, true).map((p) => p.path)).toEqual(['page'])
    for (const depth of [4, -1, 100]) expect(validatePaging({ depth }, false).map((p) => p.path)).toEqual(['depth'])
    expect(validatePaging({ pagination: false }, true).map((p) => p.path)).toEqual(['pagination'])
  })

  it('leaves limit and page to writes and single reads', () => {
    expect(validatePaging({ limit: 0 }, false)).toEqual([])
  })
})

describe('control characters', () => {
  it('refuses C0 (but tab, line feed, carriage return), DEL and C1, naming where', () => {
    expect(controlCharacterIn('line\none\ttwo\r', 'x')).toBeNull()
    expect(controlCharacterIn('a\u0000b', 'topic')).toEqual({ path: 'topic', message: 'Contains the control character U+0000; remove it.' })
    expect(controlCharacterIn('\u007f', 'x')?.message).toMatch(/U\+007F/)
    expect(controlCharacterIn('\u0085', 'x')?.message).toMatch(/U\+0085/)
    expect(controlCharacterIn('ünïcødé ✓ 漢字', 'x')).toBeNull()
  })

  it('finds the first one anywhere in a body, keys included', () => {
    expect(findControlCharacter({ a: { b: ['ok', 'x\u0001'] } })?.path).toBe('a.b.1')
    expect(findControlCharacter({ ['k\u0002']: 1 })?.path).toBe('k\u0002')
    expect(findControlCharacter('plain\u0000')?.path).toBe('body')
    expect(findControlCharacter({ a: 1, b: [true, null, { c: 'fine' }] })).toBeNull()
  })
})
