import { GraphQLJSONObject } from '@payloadcms/graphql/types'
import { type GraphQLFieldConfig, GraphQLObjectType, isObjectType } from 'graphql'
import type { GraphQLInfo } from 'payload'

type QueryField = GraphQLFieldConfig<unknown, unknown>

const FIELDS_AS_JSON: QueryField = {
  type: GraphQLJSONObject,
  description: 'Per field, as `GET /api/access` answers it: `true` when every operation is allowed, else the allowed ones (`{ "read": true }`), a group\'s fields under its `fields`; a field with none is left out.',
}

/** An entity's permission type with its per-field part answered as one JSON object. */
const withFieldsAsJson = (type: GraphQLObjectType): GraphQLObjectType => {
  const config = type.toConfig()
  if (!config.fields.fields) return type
  return new GraphQLObjectType({ ...config, fields: { ...config.fields, fields: FIELDS_AS_JSON } })
}

/**
 * Payload types every field's permission of every collection twice (the `Access` query
 * and each `docAccess…` query): 14,000 of the schema's 16,652 types, and graphql-js lists
 * every type name of the schema to validate each request — about a third of a small
 * query's CPU. Here the collection- and operation-level shape stays typed
 * (`Access { orders { read { permission where } } }`) and `fields` is one JSON object,
 * exactly `GET /api/access`'s, which leaves about 3,500 types. (Typed, the per-field part
 * answered nulls anyway: Payload now sends `"topic": true` where the types expected
 * `{ read: { permission: true } }`.)
 *
 * The query fields' types are changed in place, as `selectByDefault` changes its argument:
 * a replaced field would be wrapped by Payload with a copy of the request context.
 */
export const compactPermissions = (info: GraphQLInfo): void => {
  for (const [name, field] of Object.entries(info.Query.fields as Record<string, QueryField>)) {
    if (!isObjectType(field.type)) continue
    if (name === 'Access') {
      const config = field.type.toConfig()
      const entities = Object.fromEntries(
        Object.entries(config.fields).map(([entity, entry]) => [entity, isObjectType(entry.type) ? { ...entry, type: withFieldsAsJson(entry.type) } : entry]),
      )
      field.type = new GraphQLObjectType({ ...config, fields: entities })
    } else if (name.startsWith('docAccess')) {
      field.type = withFieldsAsJson(field.type)
    }
  }
}
