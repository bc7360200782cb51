import fc from 'fast-check'

import { deref, type JsonSchema, type OpenApiDocument } from './openapi'

/**
 * Values for the campaign: plausible ones drawn from a JSON Schema (so a request gets
 * past the first check into the route's deeper code) and hostile ones (wrong types,
 * 1 MB strings, control characters, numbers JSON cannot carry, ids beyond int4, unknown
 * enum values, deeply nested JSON, path traversal).
 */

const MB = 1024 * 1024

export const hostileStrings: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a\u0000b',
    '\u0000',
    'bell\u0007',
    'esc\u001b[31mred',
    '\u202eevil',
    '\ud800',
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '<script>alert(1)</script>',
    "'; DROP TABLE users; --",
    '{"$gt": ""}',
    'NaN',
    'Infinity',
    '-1',
    '99999999999999999999',
    'true',
    'null',
    '__proto__',
    '2026-02-30T25:61:00Z',
    '😀'.repeat(1000),
  ),
  fc.constant('x'.repeat(MB)),
  fc.string({ unit: 'binary', maxLength: 40 }),
)

export const hostileNumbers: fc.Arbitrary<number> = fc.constantFrom(-1, 0, -0, 0.5, 1.5, -2147483649, 2147483648, 4294967296, 2 ** 53, 1e21, 1e308, -1e308, 5e-324)

/** Numbers JSON cannot carry, spelled as strings (a JSON body cannot hold NaN). */
export const unrepresentableNumbers: fc.Arbitrary<string> = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '9007199254740993', '0x10', '1_000', '١٢')

/** Ids a route could be handed: beyond int4, not whole, not numbers at all. */
export const hostileIds: fc.Arbitrary<string> = fc.constantFrom('0', '-1', '1.5', '1e3', '2147483648', '99999999999999999999', 'abc', '%207', '7%20', 'null', 'NaN', '%00', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A')

/** A JSON value nested `depth` levels, as objects or arrays. */
export const nested = (depth: number, kind: 'object' | 'array'): unknown => {
  let value: unknown = 1
  for (let i = 0; i < depth; i += 1) value = kind === 'object' ? { a: value } : [value]
  return value
}

/** Deeper than JSON.stringify can write (it recurses): built as text. */
export const deepText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

export const deepJson: fc.Arbitrary<unknown> = fc.tuple(fc.constantFrom(60, 500, 2000), fc.constantFrom('object' as const, 'array' as const)).map(([depth, kind]) => nested(depth, kind))

/** Any JSON value of another type than the schema's (or any, when the schema names none). */
export const wrongTyped = (schema: JsonSchema): fc.Arbitrary<unknown> => {
  const types = new Set([schema.type].flat().filter(Boolean) as string[])
  const all: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.constantFrom('abc', '', '12')],
    ['number', fc.constantFrom(12, -3.5, 1e300)],
    ['integer', fc.constantFrom(7, -7)],
    ['boolean', fc.boolean()],
    ['object', fc.constantFrom({}, { id: 1 }, { equals: 'x' })],
    ['array', fc.constantFrom([], [1, 2], ['a'], [null])],
    ['null', fc.constant(null)],
  ]
  const others = all.filter(([type]) => !types.has(type) && !(type === 'integer' && types.has('number')) && !(type === 'number' && types.has('integer')))
  // A schema that takes every type: nothing is wrong-typed, so a hostile string stands in.
  return others.length > 0 ? fc.oneof(...others.map(([, arb]) => arb)) : fc.constantFrom('abc', '\u0000')
}

const ISO = fc.date({ min: new Date('2000-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }).map((d) => d.toISOString())

/** A value the schema accepts, as far as a generator can tell (relationships get real ids). */
export const plausible = (doc: OpenApiDocument, schema: JsonSchema | undefined, ids: fc.Arbitrary<number>, depth = 0): fc.Arbitrary<unknown> => {
  const s = schema ? deref(doc, schema) : {}
  if (depth > 4) return fc.constant(null)
  if (s.const !== undefined) return fc.constant(s.const)
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...s.enum)
  const choices = s.anyOf ?? s.oneOf
  if (choices && choices.length > 0) return fc.oneof(...choices.map((c) => plausible(doc, c, ids, depth + 1)))
  if (s.allOf && s.allOf.length > 0) return plausible(doc, s.allOf[0], ids, depth + 1)
  const type = [s.type].flat().find((t) => t && t !== 'null')
  switch (type) {
    case 'string':
      if (s.format === 'date-time' || s.format === 'date') return ISO
      if (s.format === 'email') return fc.constantFrom('client@alpha.test', 'nobody@example.com')
      return fc.string({ minLength: Math.min(s.minLength ?? 1, 5), maxLength: Math.max(Math.min(s.maxLength ?? 12, 12), 1) })
    case 'integer':
      return fc.oneof(ids, fc.integer({ min: Math.max(s.minimum ?? 0, -1000), max: Math.min(s.maximum ?? 1000, 100_000) }))
    case 'number':
      return fc.integer({ min: Math.max(s.minimum ?? 0, -1000), max: Math.min(s.maximum ?? 1000, 100_000) })
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(plausible(doc, s.items, ids, depth + 1), { maxLength: Math.min(s.maxItems ?? 3, 3) })
    case 'object':
    case undefined: {
      const properties = Object.entries(s.properties ?? {})
      if (properties.length === 0) return type === 'object' ? fc.constant({}) : fc.oneof(fc.string({ maxLength: 8 }), ids)
      const required = new Set(s.required ?? [])
      const shape = Object.fromEntries(properties.map(([name, inner]) => [name, plausible(doc, inner, ids, depth + 1)]))
      return fc.record(shape, { requiredKeys: properties.map(([name]) => name).filter((name) => required.has(name)) })
    }
    default:
      return fc.constant(null)
  }
}

/** A hostile stand-in for a value of the schema: wrong type, hostile string or number, unknown enum value, deep JSON. */
export const hostileFor = (doc: OpenApiDocument, schema: JsonSchema | undefined): fc.Arbitrary<unknown> => {
  const s = schema ? deref(doc, schema) : {}
  const type = [s.type].flat().find((t) => t && t !== 'null')
  const options: fc.Arbitrary<unknown>[] = [wrongTyped(s), hostileStrings, fc.constant(null)]
  if (type === 'integer' || type === 'number') options.push(hostileNumbers, unrepresentableNumbers, hostileNumbers, unrepresentableNumbers)
  if (Array.isArray(s.enum)) options.push(fc.constantFrom('not-an-option', String(s.enum[0]).toUpperCase(), `${String(s.enum[0])} `))
  if (type === 'string') options.push(hostileStrings)
  if (type === 'object' || type === 'array') options.push(deepJson)
  return fc.oneof(...options)
}

/** Names a body could carry that no schema lists, some of which a careless handler would take. */
export const extraFieldNames = fc.constantFrom('__proto__', 'constructor', 'id', 'tenant', 'roles', 'createdAt', 'updatedAt', 'total', 'status', 'price', 'client', 'writer', 'hash', 'salt', 'isAdmin', '_payload', 'zzz')
