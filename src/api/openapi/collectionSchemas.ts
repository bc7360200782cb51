import { configToJSONSchema, type FlattenedField, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { FILE_METADATA } from '@/api/guardOperation'
import { writableOn } from '@/fields/serverOnly'

import { type JsonSchema, mapObjects } from './jsonSchema'

/** Fields of an auth collection that Payload never sends, whatever the caller. */
const AUTH_SECRETS = ['password', 'salt', 'hash', 'resetPasswordToken', 'resetPasswordExpiration', '_verificationToken', 'lockUntil', 'loginAttempts']

const DEFINITIONS = '#/definitions/'

/**
 * Payload's JSON Schema (draft 4, what `generate:types` reads) for the document: refs
 * into `components.schemas`, and the draft-4 habit of `required: false` on a property
 * (not a keyword in 2020-12) dropped.
 */
const toDocumentDialect = (schema: unknown): JsonSchema =>
  mapObjects(schema, (object) => {
    if (typeof object.$ref === 'string' && object.$ref.startsWith(DEFINITIONS)) object.$ref = `#/components/schemas/${object.$ref.slice(DEFINITIONS.length)}`
    if ('required' in object && !Array.isArray(object.required)) delete object.required
    // An optional select is `type: [string, null]` with its options as `enum`: null must be one of them.
    if (Array.isArray(object.enum) && Array.isArray(object.type) && object.type.includes('null') && !object.enum.includes(null)) object.enum = [...object.enum, null]
    return object
  }) as JsonSchema

/**
 * A read's document may lack any field but its id: field-level read access drops what
 * the caller may not read (a writer sees no client, a client no writer pay), `select`
 * and `depth` trim the rest. So nothing is required in an answer but `id`.
 */
const optionalEverywhere = (schema: JsonSchema): JsonSchema =>
  mapObjects(schema, (object) => {
    if (Array.isArray(object.required)) delete object.required
    return object
  }) as JsonSchema

/**
 * In a request body a relationship is an id: the populated-document alternative of
 * Payload's `oneOf: [id, $ref]` is only ever an answer.
 */
const idsOnly = (schema: JsonSchema): JsonSchema =>
  mapObjects(schema, (object) => {
    if (!Array.isArray(object.oneOf)) return object
    const kept = (object.oneOf as JsonSchema[]).filter((branch) => typeof branch.$ref !== 'string')
    if (kept.length === object.oneOf.length || kept.length === 0) return object
    const { oneOf: _branches, ...rest } = object
    return kept.length === 1 ? { ...rest, ...kept[0] } : { ...rest, oneOf: kept }
  }) as JsonSchema

const withoutProperties = (schema: JsonSchema, names: Set<string>): JsonSchema => {
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as JsonSchema).filter(([name]) => !names.has(name)))
  const required = Array.isArray(schema.required) ? (schema.required as string[]).filter((name) => !names.has(name)) : undefined
  return { ...schema, properties, ...(required?.length ? { required } : { required: undefined }) }
}

/** A schema that also admits null (a required field of a draft may be empty). */
const admitsNull = (schema: JsonSchema): boolean =>
  schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null')) || (Array.isArray(schema.oneOf) && (schema.oneOf as JsonSchema[]).some(admitsNull))

const orNull = (schema: JsonSchema): JsonSchema => {
  if (admitsNull(schema)) return schema
  if (Array.isArray(schema.oneOf)) return { ...schema, oneOf: [...(schema.oneOf as JsonSchema[]), { type: 'null' }] }
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'], ...(Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {}) }
  return { anyOf: [schema, { type: 'null' }] }
}

/**
 * Drafts skip field validation, so any top-level field of a collection with drafts may be
 * empty in an answer (`?draft=true`, versions, the editors' own reads).
 */
const draftsAllowEmpty = (collection: SanitizedCollectionConfig, schema: JsonSchema): JsonSchema => {
  if (!collection.versions || typeof collection.versions !== 'object' || !collection.versions.drafts) return schema
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => [name, name === 'id' ? property : orNull(property)]))
  return { ...schema, properties }
}

const clean = (schema: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(schema)) as JsonSchema

const hidden = (field: FlattenedField) => 'hidden' in field && field.hidden === true

/** What an API body may not set on `operation`: the id, server-owned fields, hidden ones, what Payload records of an uploaded file. */
const notWritable = (collection: SanitizedCollectionConfig, operation: 'create' | 'update'): Set<string> =>
  new Set([
    'id',
    'collection',
    ...(collection.auth ? [...AUTH_SECRETS.filter((name) => name !== 'password'), 'sessions'] : []),
    ...(collection.upload ? FILE_METADATA : []),
    ...collection.flattenedFields.filter((f) => hidden(f) || !writableOn(f, operation)).map((f) => f.name),
  ])

/**
 * A body as the server takes it: keys it does not know are ignored (not refused), and
 * which fields a create needs is the server's decision (hooks fill the website, the
 * client, deadlines; order placement takes `deadlineHours` instead of a date), answered
 * as a 400 naming each missing field. So the body names its fields and their types,
 * and neither closes nor requires at the top.
 */
const bodyOf = (schema: JsonSchema): JsonSchema => clean({ ...idsOnly(schema), required: undefined, additionalProperties: undefined })

/**
 * What answers carry beyond the fields: the timestamps may be null (rows written by the
 * server's own inserts before it stamped them), and a logged-in user's record says
 * which auth strategy let them in.
 */
const answerOf = (collection: SanitizedCollectionConfig, schema: JsonSchema): JsonSchema => {
  const properties = { ...(schema.properties as Record<string, JsonSchema>) }
  for (const name of ['createdAt', 'updatedAt']) if (properties[name]) properties[name] = { ...properties[name], type: ['string', 'null'] }
  if (collection.auth) properties._strategy = { type: 'string', description: 'The auth strategy that identified the user (login, me).' }
  return { ...schema, properties }
}

export type CollectionSchemas = {
  /** `components.schemas`: per collection `<slug>` (an answer), `<slug>_create`, `<slug>_update` (bodies), and Payload's shared definitions. */
  schemas: Record<string, JsonSchema>
}

/**
 * Every collection's document, create body and update body, from the collection's
 * fields through Payload's own generator (the one behind `payload-types.ts`).
 */
export const collectionSchemas = (config: SanitizedConfig): CollectionSchemas => {
  const generated = toDocumentDialect(configToJSONSchema(config, 'number'))
  const definitions = generated.definitions as Record<string, JsonSchema>
  const schemas: Record<string, JsonSchema> = {}
  for (const [name, definition] of Object.entries(definitions)) {
    // `<slug>_select` and `auth` describe the Local API's arguments, not the wire.
    if (name.endsWith('_select') || name === 'auth') continue
    schemas[name] = definition
  }
  for (const collection of config.collections) {
    const definition = definitions[collection.slug]
    if (!definition) continue
    const secrets = new Set([...(collection.auth ? AUTH_SECRETS : []), ...collection.flattenedFields.filter(hidden).map((f) => f.name)])
    const answer = answerOf(collection, draftsAllowEmpty(collection, optionalEverywhere(withoutProperties(definition, secrets))))
    schemas[collection.slug] = { ...answer, required: ['id'] }
    // A version's copy of the document carries no id of its own (the version's parent is the document).
    if (collection.versions) {
      const { required: _none, ...version } = answer
      schemas[`${collection.slug}_version`] = version
    }
    schemas[`${collection.slug}_create`] = bodyOf(withoutProperties(definition, notWritable(collection, 'create')))
    // An update names only what changes; what it names is whole (an array's items keep their required fields).
    schemas[`${collection.slug}_update`] = bodyOf(withoutProperties(definition, notWritable(collection, 'update')))
  }
  return { schemas }
}
