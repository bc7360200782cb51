/**
 * What a query may name: the fields of each collection reduced to what filtering and
 * sorting need (kind, options, where a relationship leads). Built from the Payload
 * config by the API layer; the rules over it stay pure.
 */
export type QueryNode =
  | { kind: 'id' }
  | { kind: 'number'; hasMany?: boolean }
  | { kind: 'text'; hasMany?: boolean }
  | { kind: 'select'; options: readonly string[]; hasMany?: boolean }
  | { kind: 'date' }
  | { kind: 'checkbox' }
  /** `target`: the one collection it points to (null for polymorphic ones, never followed). */
  | { kind: 'relationship'; target: string | null; hasMany?: boolean }
  | { kind: 'json' }
  /** A group or array: a path must go on into one of its fields. */
  | { kind: 'container'; fields: QueryFields }
  /** Rich text, points, blocks, hidden fields: nothing to filter or sort by. */
  | { kind: 'opaque' }

export type QueryFields = Readonly<Record<string, QueryNode>>

/** Every collection's fields by slug. */
export type QuerySchema = Readonly<Record<string, QueryFields>>

export type ResolvedPath = { node: QueryNode; hops: number } | { error: string }

/**
 * Follows a dotted path (GraphQL's `a__b` too) through groups and arrays, and through
 * relationships when `maxHops` allows, to the field it names.
 */
export const resolvePath = (schema: QuerySchema, collection: string, path: string, maxHops: number): ResolvedPath => {
  const segments = path.replace(/__/g, '.').split('.')
  let fields: QueryFields | undefined = schema[collection]
  let hops = 0
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!
    const last = i === segments.length - 1
    const node: QueryNode | undefined = segment === 'id' ? { kind: 'id' } : fields && Object.hasOwn(fields, segment) ? fields[segment] : undefined
    if (!node || node.kind === 'opaque') return { error: `${segments.slice(0, i + 1).join('.')} is not a field that can be queried.` }
    if (last) {
      if (node.kind === 'container') return { error: `${path} is a group of fields: name one of them (${Object.keys(node.fields).slice(0, 5).join(', ')}).` }
      return { node, hops }
    }
    if (node.kind === 'container') {
      fields = node.fields
    } else if (node.kind === 'relationship' && node.target && segments[i + 1] === 'id' && i + 1 === segments.length - 1) {
      return { node: { kind: 'id' }, hops }
    } else if (node.kind === 'relationship' && node.target) {
      if (hops >= maxHops) return { error: `${segments.slice(0, i + 1).join('.')} is a relationship: filter by its id${maxHops > 0 ? `, or at most ${maxHops} relationship${maxHops > 1 ? 's' : ''} deep` : ''}.` }
      hops += 1
      fields = schema[node.target]
    } else {
      return { error: `${segments.slice(0, i + 1).join('.')} has no fields below it.` }
    }
  }
  return { error: `${path} is not a field that can be queried.` }
}
