import { type DocumentNode, type GraphQLSchema, parse, type ParseOptions, type Source, specifiedRules, validate, type ValidationRule } from 'graphql'

import { refusalOf } from './documentChecks'
import { schemaRules } from './schemaRules'

/**
 * How much the cache holds. An AST takes ~80 bytes of heap per byte of query (tokens and
 * locations are kept: errors report them), so the text is budgeted as well as the count:
 * 512 Ki characters, ~40 MB of heap at worst. A frontend sends a handful of queries of a few
 * hundred bytes; a larger document is parsed and validated per request, as before.
 */
export const DOCUMENT_CACHE_LIMITS = { entries: 500, textLength: 512 * 1024, documentLength: 16 * 1024 } as const

type Entry = {
  document: DocumentNode | null
  /** What `parse` threw, thrown again on every use of this text. */
  parseError: unknown
  /** Our refusal (./documentChecks), or null. */
  refusal: string | null
  /** The schema GraphQL's own rules last ran against, and whether they passed. */
  checkedAgainst: GraphQLSchema | null
  specValid: boolean
}

// A Map iterates in insertion order: deleting and setting again on each use makes it an LRU.
const entries = new Map<string, Entry>()
const byDocument = new WeakMap<DocumentNode, Entry>()
let textLength = 0
/** How often GraphQL's own rules ran on a cached document: tests tell a hit from a miss by it. */
let schemaChecks = 0

const evictFor = (size: number) => {
  for (const [query] of entries) {
    if (entries.size < DOCUMENT_CACHE_LIMITS.entries && textLength + size <= DOCUMENT_CACHE_LIMITS.textLength) return
    entries.delete(query)
    textLength -= query.length
  }
}

const entryOf = (query: string): Entry | null => {
  // Larger texts stay uncached, which also leaves the 50,000-token parse limit of
  // `documentRefusal` to the uncached path: a text this short cannot hold that many tokens.
  if (query.length > DOCUMENT_CACHE_LIMITS.documentLength) return null
  const known = entries.get(query)
  if (known) {
    entries.delete(query)
    entries.set(query, known)
    return known
  }
  let document: DocumentNode | null = null
  let parseError: unknown = null
  try {
    document = parse(query)
  } catch (error) {
    parseError = error
  }
  const entry: Entry = { document, parseError, refusal: document ? refusalOf(document) : null, checkedAgainst: null, specValid: false }
  evictFor(query.length)
  entries.set(query, entry)
  textLength += query.length
  if (document) byDocument.set(document, entry)
  return entry
}

/**
 * `refusalOf` (./documentChecks) the query's document, or null for what is no query text;
 * a document that does not parse is left to GraphQL's 400. Once per text; a text too
 * large for the cache is parsed here, within a token limit.
 */
export const documentRefusal = (query: unknown): string | null => {
  if (typeof query !== 'string') return null
  const entry = entryOf(query)
  if (entry) return entry.refusal
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: 50_000 })
  } catch {
    return null
  }
  return refusalOf(document)
}

/**
 * GraphQL's `parse` for graphql-http: the cached document of this text (the same object
 * each time, which `cachedValidate` recognises), or the cached parse error thrown again.
 * Execution never changes a document, so requests can share it.
 */
export const cachedParse = (source: string | Source, options?: ParseOptions): DocumentNode => {
  const entry = typeof source === 'string' && options === undefined ? entryOf(source) : null
  if (!entry) return parse(source, options)
  if (entry.document) return entry.document
  throw entry.parseError
}

const startsWithSchemaRules = (rules: readonly ValidationRule[]) => rules.length >= schemaRules.length && schemaRules.every((rule, index) => rules[index] === rule)

/**
 * GraphQL's `validate` for graphql-http, given `schemaRules` (./schemaRules) then others.
 * GraphQL's own rules depend on the schema and the document only, so they run once per
 * cached document; the rules after them (Payload's complexity rule, which coerces the
 * request's variables, our limits, the introspection switch) run on every request, so
 * nothing they decide is cached. A document failing GraphQL's own rules is validated
 * whole every time, as before: same errors, same order.
 */
export const cachedValidate: typeof validate = (schema, document, rules = specifiedRules, options, typeInfo) => {
  const entry = byDocument.get(document)
  if (!entry || options !== undefined || typeInfo !== undefined || !startsWithSchemaRules(rules)) return validate(schema, document, rules, options, typeInfo)
  if (entry.checkedAgainst !== schema) {
    schemaChecks += 1
    entry.specValid = validate(schema, document, schemaRules).length === 0
    entry.checkedAgainst = schema
  }
  if (!entry.specValid) return validate(schema, document, rules)
  return validate(schema, document, rules.slice(schemaRules.length))
}

/** For tests: what is held, and emptying it. */
export const documentCacheStats = () => ({ entries: entries.size, textLength, schemaChecks })
export const clearDocumentCache = () => {
  entries.clear()
  textLength = 0
  schemaChecks = 0
}
