import { buildSchema, GraphQLError, KnownTypeNamesRule, parse, specifiedRules, validate, type ValidationRule } from 'graphql'
import { beforeEach, describe, expect, it } from 'vitest'

import { cachedParse, cachedValidate, clearDocumentCache, DOCUMENT_CACHE_LIMITS, documentCacheStats, documentRefusal } from '@/api/graphql/documentCache'
import { lazyKnownTypeNamesRule, schemaRules } from '@/api/graphql/schemaRules'

/**
 * The cache of parsed documents (src/api/graphql/documentCache.ts): a text is parsed and
 * checked against GraphQL's own rules once, and whatever else validation decides (limits,
 * variables, switches) is decided again on every request.
 */

const schema = buildSchema('type Query { order(id: Int!): Order, orders(limit: Int): [Order] } type Order { id: Int, topic: String }')

/** A rule that refuses every document while `refusing` is on, and counts its runs. */
const switchable = () => {
  const state = { refusing: false, runs: 0 }
  const rule: ValidationRule = (context) => {
    state.runs += 1
    return { Document: (node) => void (state.refusing && context.reportError(new GraphQLError('Switched off.', { nodes: [node] }))) }
  }
  return { state, rule }
}

const messages = (errors: readonly GraphQLError[]) => errors.map((error) => error.message)

beforeEach(() => clearDocumentCache())

describe('cachedParse', () => {
  it('answers the same document for the same text, parsed once', () => {
    const first = cachedParse('{ orders { id } }')
    expect(cachedParse('{ orders { id } }')).toBe(first)
    expect(first).toEqual(parse('{ orders { id } }'))
    expect(documentCacheStats().entries).toBe(1)
  })

  it('throws the same syntax error for a text that does not parse, every time', () => {
    expect(() => cachedParse('{ orders { id }')).toThrow(/Syntax Error/)
    expect(() => cachedParse('{ orders { id }')).toThrow(/Syntax Error/)
  })

  it('keeps at most its number of entries and its text budget, dropping the least recently used', () => {
    const kept = cachedParse('{ orders { id } }')
    for (let i = 0; i < DOCUMENT_CACHE_LIMITS.entries + 20; i++) {
      cachedParse(`{ a${i}: orders { id } }`)
      if (i % 100 === 0) cachedParse('{ orders { id } }') // in use: stays
    }
    expect(documentCacheStats().entries).toBe(DOCUMENT_CACHE_LIMITS.entries)
    expect(cachedParse('{ orders { id } }')).toBe(kept)
    const padding = ' '.repeat(DOCUMENT_CACHE_LIMITS.documentLength - 20)
    for (let i = 0; i < 40; i++) cachedParse(`{ b${i}: orders { id } }${padding}`)
    expect(documentCacheStats().textLength).toBeLessThanOrEqual(DOCUMENT_CACHE_LIMITS.textLength)
  })

  it('does not hold a text longer than its limit', () => {
    const long = `{ orders { id } }${' '.repeat(DOCUMENT_CACHE_LIMITS.documentLength)}`
    expect(cachedParse(long)).not.toBe(cachedParse(long))
    expect(documentCacheStats().entries).toBe(0)
  })
})

describe('documentRefusal', () => {
  it('refuses a subscription and a fragment cycle on every request, cached or not', () => {
    for (let i = 0; i < 3; i++) {
      expect(documentRefusal('subscription { orders { id } }')).toMatch(/Subscriptions are not served/)
      expect(documentRefusal('query { ...F } fragment F on Query { ...G } fragment G on Query { ...F }')).toBe('Cannot spread fragment "F" within itself.')
      expect(documentRefusal('{ orders { id } }')).toBeNull()
      expect(documentRefusal('{ orders {')).toBeNull()
    }
    const long = `subscription { orders { id } }${' '.repeat(DOCUMENT_CACHE_LIMITS.documentLength)}`
    expect(documentRefusal(long)).toMatch(/Subscriptions are not served/)
  })
})

describe('cachedValidate', () => {
  it('runs GraphQL’s own rules once per document, the rules after them on every call', () => {
    const { state, rule } = switchable()
    const document = cachedParse('{ orders(limit: 2) { id topic } }')
    expect(cachedValidate(schema, document, [...schemaRules, rule])).toEqual([])
    state.refusing = true
    expect(messages(cachedValidate(schema, document, [...schemaRules, rule]))).toEqual(['Switched off.'])
    state.refusing = false
    expect(cachedValidate(schema, document, [...schemaRules, rule])).toEqual([])
    expect(state.runs).toBe(3)
    expect(documentCacheStats().schemaChecks).toBe(1)
  })

  it('gives a document that fails GraphQL’s rules the errors of a plain validation, in the same order, every time', () => {
    const { state, rule } = switchable()
    state.refusing = true
    const text = '{ orders(limt: 2) { id statuz } order { id } }'
    const plain = messages(validate(schema, parse(text), [...specifiedRules, rule]))
    expect(plain.length).toBeGreaterThan(2)
    for (let i = 0; i < 2; i++) expect(messages(cachedValidate(schema, cachedParse(text), [...schemaRules, rule]))).toEqual(plain)
  })

  it('checks a cached document again against another schema', () => {
    const document = cachedParse('{ orders { id topic } }')
    expect(cachedValidate(schema, document, schemaRules)).toEqual([])
    const narrower = buildSchema('type Query { orders: [Order] } type Order { id: Int }')
    expect(messages(cachedValidate(narrower, document, schemaRules))).toEqual([expect.stringMatching(/Cannot query field "topic"/)])
    expect(cachedValidate(schema, document, schemaRules)).toEqual([])
  })

  it('validates a document it did not parse, or other rules, as GraphQL does', () => {
    const { state, rule } = switchable()
    state.refusing = true
    expect(messages(cachedValidate(schema, parse('{ orders { id } }'), [...schemaRules, rule]))).toEqual(['Switched off.'])
    expect(messages(cachedValidate(schema, cachedParse('{ orders { id } }'), [rule]))).toEqual(['Switched off.'])
    expect(documentCacheStats().schemaChecks).toBe(0)
  })
})

describe('schemaRules', () => {
  it('are GraphQL’s rules in their order, KnownTypeNamesRule answered lazily with the same errors and suggestions', () => {
    expect(schemaRules).toHaveLength(specifiedRules.length)
    expect(schemaRules.filter((rule, index) => rule !== specifiedRules[index])).toEqual([lazyKnownTypeNamesRule])
    for (const text of ['query($a: Strin, $b: Int, $c: Ordr) { orders(limit: $b) { id } }', 'query { ... on Querry { orders { id } } }', 'type Order { id: Int } { orders { id } }', '{ orders { id } }']) {
      const document = parse(text)
      expect(messages(validate(schema, document, [lazyKnownTypeNamesRule]))).toEqual(messages(validate(schema, document, [KnownTypeNamesRule])))
      expect(messages(validate(schema, document, schemaRules))).toEqual(messages(validate(schema, document, specifiedRules)))
    }
    expect(messages(validate(schema, parse('query($a: Strin) { orders { id } }'), [lazyKnownTypeNamesRule]))).toEqual(['Unknown type "Strin". Did you mean "String"?'])
  })
})
