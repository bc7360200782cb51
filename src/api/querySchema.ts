import { buildVersionCollectionFields, type FlattenedField, type SanitizedConfig } from 'payload'

import type { QueryFields, QueryNode, QuerySchema } from '@/domain/query/schema'

const optionValues = (options: readonly (string | { value: string })[]): string[] => options.map((option) => (typeof option === 'string' ? option : option.value))

const nodeOf = (field: FlattenedField): QueryNode => {
  if ('hidden' in field && field.hidden) return { kind: 'opaque' }
  if ('virtual' in field && field.virtual) return { kind: 'opaque' }
  switch (field.type) {
    case 'text':
      return { kind: 'text', hasMany: Boolean(field.hasMany) }
    case 'textarea':
    case 'email':
    case 'code':
      return { kind: 'text' }
    case 'number':
      return { kind: 'number', hasMany: Boolean(field.hasMany) }
    case 'select':
      return { kind: 'select', options: optionValues(field.options), hasMany: Boolean(field.hasMany) }
    case 'radio':
      return { kind: 'select', options: optionValues(field.options) }
    case 'date':
      return { kind: 'date' }
    case 'checkbox':
      return { kind: 'checkbox' }
    case 'relationship':
    case 'upload':
      return { kind: 'relationship', target: typeof field.relationTo === 'string' ? field.relationTo : null, hasMany: Boolean(field.hasMany) }
    case 'json':
      return { kind: 'json' }
    case 'group':
    case 'array':
    case 'tab':
      return { kind: 'container', fields: fieldsOf(field.flattenedFields) }
    default:
      return { kind: 'opaque' }
  }
}

const fieldsOf = (fields: readonly FlattenedField[]): QueryFields => Object.fromEntries(fields.map((field) => [field.name, nodeOf(field)]))

const cache = new WeakMap<SanitizedConfig, QuerySchema>()

/** The key of a collection's versions in the schema: their rows have `parent`, `version.<field>`, `latest`… */
export const versionsKey = (slug: string): string => `${slug}:versions`

/**
 * What `where` and `sort` may name in every collection, computed once per config; for a
 * collection with versions also in its versions (`versionsKey`), as Payload builds them.
 */
export const querySchemaOf = (config: SanitizedConfig): QuerySchema => {
  let schema = cache.get(config)
  if (!schema) {
    schema = Object.fromEntries(
      config.collections.flatMap((collection) => [
        [collection.slug, fieldsOf(collection.flattenedFields)] as const,
        ...(collection.versions ? [[versionsKey(collection.slug), fieldsOf(buildVersionCollectionFields(config, collection, true) as FlattenedField[])] as const] : []),
      ]),
    )
    cache.set(config, schema)
  }
  return schema
}
