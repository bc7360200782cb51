import fc from 'fast-check'
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql'

import type { ActorName } from './requests'
import { deepJson, deepText, hostileNumbers, hostileStrings, nested, unrepresentableNumbers } from './values'

/** One hostile GraphQL request: the exact body sent, and what it tried. */
export type GraphqlRequest = { actor: ActorName; body: string; note: string; contentType?: string }

const ACTORS: ActorName[] = ['anonymous', 'client', 'writer', 'otherAdmin', 'otherAdminHere']

const typeString = (type: GraphQLInputType): string => String(type)

/** A variable's value for an input type: plausible (real ids for `id`) or hostile. */
const valueFor = (type: GraphQLInputType, argName: string, ids: fc.Arbitrary<number>, depth = 0): fc.Arbitrary<unknown> => {
  if (isNonNullType(type)) return valueFor(type.ofType, argName, ids, depth)
  if (depth > 3) return fc.constant(null)
  if (isListType(type)) return fc.array(valueFor(type.ofType as GraphQLInputType, argName, ids, depth + 1), { maxLength: 3 })
  const hostileAny = fc.oneof(hostileStrings, hostileNumbers, unrepresentableNumbers, fc.constant(null), fc.constantFrom<unknown>({}, [], true))
  if (isEnumType(type)) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: fc.constantFrom('not_an_option', 'NULL', '') })
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields())
    if (fields.length === 0) return fc.constant({})
    const shape = Object.fromEntries(fields.slice(0, 40).map((f) => [f.name, fc.oneof({ weight: 3, arbitrary: valueFor(f.type, f.name, ids, depth + 1) }, { weight: 1, arbitrary: hostileAny })]))
    return fc.record(shape, { requiredKeys: [] })
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return fc.oneof({ weight: 3, arbitrary: /id$/i.test(argName) ? ids : fc.integer({ min: -5, max: 500 }) }, { weight: 2, arbitrary: hostileNumbers }, { weight: 1, arbitrary: unrepresentableNumbers })
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), hostileNumbers, unrepresentableNumbers)
      case 'Boolean':
        return fc.oneof(fc.boolean(), fc.constantFrom<unknown>('true', 1))
      case 'JSON':
      case 'JSONObject':
        return fc.oneof(fc.constantFrom<unknown>({}, { equals: 1 }, { status: { equals: 'paid' } }, { reason: 'x' }), deepJson, hostileAny, fc.constant(nested(60, 'object')))
      default:
        return fc.oneof({ weight: 2, arbitrary: /id$/i.test(argName) ? ids.map(String) : fc.string({ maxLength: 12 }) }, { weight: 2, arbitrary: hostileStrings })
    }
  }
  return hostileAny
}

const selectionFor = (type: GraphQLOutputType): string => {
  const named = getNamedType(type)
  if (!isObjectType(named)) return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }'
  const scalars = Object.values(named.getFields())
    .filter((f) => f.args.length === 0 && (isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type))))
    .slice(0, 4)
    .map((f) => f.name)
  return `{ __typename ${scalars.join(' ')} }`
}

/** An operation on one root field, every argument given through a variable. */
const fieldOperation = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, ids: fc.Arbitrary<number>) => {
  const args = field.args as readonly GraphQLArgument[]
  const values = args.length === 0 ? fc.constant([] as unknown[]) : fc.tuple(...args.map((a) => fc.option(valueFor(a.type, a.name, ids), { freq: 6 })))
  return values.map((picked) => {
    const given = args.map((a, i) => ({ a, value: picked[i], i })).filter(({ a, value }) => value !== null || isNonNullType(a.type))
    const declarations = given.map(({ a, i }) => `$v${i}: ${typeString(a.type)}`).join(', ')
    const call = given.length > 0 ? `(${given.map(({ a, i }) => `${a.name}: $v${i}`).join(', ')})` : ''
    const query = `${kind} Hostile${declarations ? `(${declarations})` : ''} { ${field.name}${call} ${selectionFor(field.type)} }`
    const variables = Object.fromEntries(given.map(({ value, i }) => [`v${i}`, value]))
    return { body: JSON.stringify({ query, variables }), note: `${kind} ${field.name}(${given.map(({ a }) => a.name).join(', ')})` }
  })
}

/** Documents no schema accepts, or that a limit must stop: syntax, depth, aliases, size, batches. */
const structural = (schema: GraphQLSchema): fc.Arbitrary<{ body: string; note: string; contentType?: string }> => {
  const listField = Object.keys(schema.getQueryType()?.getFields() ?? {}).find((name) => name === 'Orders') ?? Object.keys(schema.getQueryType()?.getFields() ?? {})[0]!
  return fc.constantFrom(
    { body: JSON.stringify({ query: `{ ${'a { '.repeat(30)}__typename${' }'.repeat(30)} }` }), note: '30 levels of unknown fields' },
    { body: JSON.stringify({ query: `{ ${'__schema { types { fields { type { ofType { '.repeat(8)}name${' } } } } }'.repeat(8)} }` }), note: 'introspection 40 levels deep' },
    { body: JSON.stringify({ query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: ${listField} { totalDocs }`).join(' ')} }` }), note: `500 aliases of ${listField}` },
    { body: JSON.stringify({ query: `{ ${Array.from({ length: 3000 }, () => '__typename').join(' ')} }` }), note: '3000 repeated fields' },
    { body: JSON.stringify({ query: '{ Orders(where: ' + '{ and: ['.repeat(60) + '{ id: { equals: 1 } }' + '] }'.repeat(60) + ') { totalDocs } }' }), note: 'where 60 deep' },
    { body: JSON.stringify({ query: '{ Orders(limit: 1000000000, page: -1, sort: "hash") { totalDocs } }' }), note: 'limit 1e9' },
    { body: JSON.stringify({ query: '{ Order(id: 99999999999) { id } }' }), note: 'id beyond int4 literal' },
    { body: JSON.stringify({ query: '{ Users(where: { hash: { exists: true } }) { docs { id } } }' }), note: 'filter on hash' },
    { body: JSON.stringify({ query: '{ Orders(where: { topic: { equals: "a\\u0000b" } }) { totalDocs } }' }), note: 'NUL in a filter' },
    { body: JSON.stringify({ query: '{ unclosed' }), note: 'syntax error' },
    { body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }), note: 'two operations, no name' },
    { body: JSON.stringify({ query: '{ __typename }', operationName: 'Nope' }), note: 'unknown operation name' },
    { body: JSON.stringify({ query: 12 }), note: 'query not a string' },
    { body: JSON.stringify({ query: '{ __typename }', variables: 'abc' }), note: 'variables not an object' },
    { body: `{"query": "{ __typename }", "variables": ${deepText(20_000)}}`, note: 'variables 20000 deep' },
    { body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), note: 'batched array' },
    { body: JSON.stringify({}), note: 'no query' },
    { body: JSON.stringify({ query: `{ __typename # ${'x'.repeat(1024 * 1024)}\n }` }), note: '1 MB comment' },
    { body: JSON.stringify({ query: `{ Orders(where: { topic: { equals: "${'x'.repeat(200_000)}" } }) { totalDocs } }` }), note: '200 kB literal' },
    { body: '{not json', note: 'body not JSON' },
    { body: 'NaN', note: 'body NaN' },
    { body: '', note: 'empty body' },
    { body: 'query { __typename }', note: 'GraphQL as text/plain', contentType: 'text/plain' },
    { body: 'query { __typename }', note: 'application/graphql', contentType: 'application/graphql' },
    { body: 'a=1', note: 'form body', contentType: 'application/x-www-form-urlencoded' },
    { body: JSON.stringify({ query: 'mutation { __typename }' }), note: 'mutation of __typename' },
    { body: JSON.stringify({ query: 'subscription { __typename }' }), note: 'subscription' },
    { body: JSON.stringify({ query: '{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }' }), note: 'fragment cycle' },
  )
}

/** Hostile GraphQL requests from the schema: every root field with hostile arguments, and documents that must be refused. */
export const graphqlRequests = (schema: GraphQLSchema, ids: fc.Arbitrary<number>): fc.Arbitrary<GraphqlRequest> => {
  const queries = Object.values(schema.getQueryType()?.getFields() ?? {})
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {})
  const operations = [...queries.map((f) => fieldOperation('query', f, ids)), ...mutations.map((f) => fieldOperation('mutation', f, ids))]
  return fc.record({
    actor: fc.constantFrom(...ACTORS),
    request: fc.oneof({ weight: 4, arbitrary: fc.oneof(...operations) }, { weight: 1, arbitrary: structural(schema) }),
  }).map(({ actor, request }) => ({ actor, ...request }))
}
