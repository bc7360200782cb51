import { isSecretField, redact, REDACTED } from './redact'

/** One field's values before and after a write (`null` before a create, after a delete). */
export type FieldChange = { before: unknown; after: unknown }
export type Changes = Record<string, FieldChange>

type Doc = Record<string, unknown>

/** Fields every write touches and no reader needs in a diff. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt', 'actionsPanel', 'tenant'])

/** A string longer than this is stored cut, with its length (a post's body is not copied whole into the trail). */
export const MAX_TEXT = 500

/**
 * A value as the trail keeps it: populated relationships reduced to their id (a row
 * with a numeric id and timestamps is a document), long strings cut, secrets redacted.
 */
export const normalize = (value: unknown, depth = 0): unknown => {
  if (value === undefined) return null
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}… (${value.length} characters)` : value
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map((item) => normalize(item, depth + 1))
  if (value && typeof value === 'object') {
    const doc = value as Doc
    if (depth > 0 && typeof doc.id === 'number' && 'createdAt' in doc) return doc.id
    if (depth > 6) return '[nested]'
    const out: Doc = {}
    for (const [key, inner] of Object.entries(doc)) out[key] = isSecretField(key) ? REDACTED : normalize(inner, depth + 1)
    return out
  }
  return value
}

/** A structured value larger than this (as JSON) is stored as its size only (a rich-text body, a long list). */
export const MAX_JSON = 4000

const bounded = (value: unknown, json: string): unknown => (json.length > MAX_JSON ? `[${json.length} characters of JSON]` : value)

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export const stableJson = (value: unknown): string => {
  if (value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const doc = value as Doc
    return `{${Object.keys(doc)
      .sort()
      .filter((key) => doc[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableJson(doc[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * The top-level fields a write changed, with their normalised values before and after
 * (secrets as `[redacted]`). A create has no before, a delete no after; both list only
 * the fields that hold something.
 */
export const diffDocs = (before: Doc | null | undefined, after: Doc | null | undefined): Changes => {
  const changes: Changes = {}
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const key of keys) {
    if (IGNORED.has(key)) continue
    // A secret is compared only when both sides carry it: the stored row has hidden
    // fields (a password's hash) that the written document as read back lacks.
    if (isSecretField(key) && before && after && !(key in before && key in after)) continue
    const was = before ? normalize(before[key], 1) : null
    const now = after ? normalize(after[key], 1) : null
    const wasJson = stableJson(was)
    const nowJson = stableJson(now)
    if (wasJson === nowJson) continue
    changes[key] = isSecretField(key) ? { before: REDACTED, after: REDACTED } : { before: bounded(was, wasJson), after: bounded(now, nowJson) }
  }
  return changes
}

/** Changes as a feed shows them: only the names of the fields, never their values. */
export const changedFieldNames = (changes: unknown): string[] =>
  changes && typeof changes === 'object' && !Array.isArray(changes) ? Object.keys(changes as Doc).sort() : []

export { redact }
