import { controlCharacterIn } from '../input/controlCharacters'
import type { InputProblem } from '../input/problems'
import { MAX_RECORD_ID } from '../recordId'

import { QUERY_LIMITS } from './limits'
import { type QueryNode, type QuerySchema, resolvePath } from './schema'

const COMPARE = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'] as const
const LIST = new Set(['in', 'not_in', 'all'])

type Leaf = Exclude<QueryNode, { kind: 'container' } | { kind: 'opaque' }>

/** The operators each kind of field answers to (Payload knows more; these are the ones that make sense here). */
const operatorsOf = (node: Leaf): readonly string[] => {
  switch (node.kind) {
    case 'id':
    case 'number':
    case 'date':
      return ['equals', 'not_equals', 'in', 'not_in', 'exists', ...COMPARE]
    case 'relationship':
      return ['equals', 'not_equals', 'in', 'not_in', 'exists']
    case 'text':
      return ['equals', 'not_equals', 'in', 'not_in', 'like', 'not_like', 'contains', 'exists', ...(node.hasMany ? ['all'] : [])]
    case 'select':
      return ['equals', 'not_equals', 'in', 'not_in', 'exists', ...(node.hasMany ? ['all', 'contains'] : [])]
    case 'checkbox':
      return ['equals', 'not_equals', 'exists']
    case 'json':
      return ['exists']
  }
}

const INT4_MIN = -2_147_483_648
const INTEGER = /^-?\d{1,10}$/
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

const describe = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value))

/** Why one value does not fit the field, or null when it does. */
const scalarProblem = (node: Leaf, value: unknown): string | null => {
  if (value !== null && typeof value === 'object') return 'Must be a value, not an object or a list.'
  switch (node.kind) {
    case 'id':
    case 'relationship': {
      if (node.kind === 'relationship' && value === 'null') return null
      const id = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : NaN
      return Number.isInteger(id) && id >= INT4_MIN && id <= MAX_RECORD_ID ? null : `${describe(value)} is not an id (a whole number up to ${MAX_RECORD_ID}).`
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : NaN
      return Number.isFinite(n) && Math.abs(n) <= 1e15 ? null : `${describe(value)} is not a number.`
    }
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return 'Must be text.'
      const text = String(value)
      if (text.length > QUERY_LIMITS.maxTextValue) return `At most ${QUERY_LIMITS.maxTextValue} characters.`
      return controlCharacterIn(text, '')?.message ?? null
    }
    case 'select':
      return node.options.includes(String(value)) ? null : `${describe(value)} is not one of: ${node.options.join(', ')}.`
    case 'date': {
      if (typeof value !== 'string' && typeof value !== 'number') return 'Must be a date such as 2026-05-01 or 2026-05-01T12:00:00Z.'
      const date = new Date(typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number.NaN : value)
      const year = date.getUTCFullYear()
      return Number.isNaN(date.getTime()) || year < 1 || year > 9999 ? `${describe(value)} is not a date such as 2026-05-01 or 2026-05-01T12:00:00Z.` : null
    }
    case 'checkbox':
      return value === true || value === false || value === 'true' || value === 'false' ? null : 'Must be true or false.'
    case 'json':
      return 'JSON fields can only be tested with exists.'
  }
}

const listOf = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.split(',')
  if (typeof value === 'number') return [value]
  return null
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

const operatorProblem = (node: Leaf, operator: string, value: unknown, path: string): InputProblem | null => {
  const at = `${path}.${operator}`
  if (!operatorsOf(node).includes(operator)) return { path: at, message: `Unknown operator "${operator}" here; use one of: ${operatorsOf(node).join(', ')}.` }
  if (operator === 'exists') {
    return value === true || value === false || value === 'true' || value === 'false' ? null : { path: at, message: 'Must be true or false.' }
  }
  if (LIST.has(operator)) {
    const values = listOf(value)
    if (!values || values.length === 0) return { path: at, message: 'Must be a list of values (or a comma-separated string).' }
    if (values.length > QUERY_LIMITS.maxListValues) return { path: at, message: `At most ${QUERY_LIMITS.maxListValues} values.` }
    for (const item of values) {
      const problem = scalarProblem(node, item)
      if (problem) return { path: at, message: problem }
    }
    return null
  }
  if (value === null && (operator === 'equals' || operator === 'not_equals')) return null
  const problem = scalarProblem(node, value)
  return problem ? { path: at, message: problem } : null
}

/**
 * Checks a `where` against the collection's fields before any database sees it:
 * its shape (objects, `and` / `or` lists, nesting and size), each path, each operator
 * for the field's kind and each value for the field's type (ids within int4, options
 * of selects, real dates, no control characters). Problems name their place, e.g.
 * `where.status.in`. `maxHops` is how many relationships a path may cross.
 */
export const validateWhere = (schema: QuerySchema, collection: string, where: unknown, maxHops: number = QUERY_LIMITS.maxWhereHops): InputProblem[] => {
  const problems: InputProblem[] = []
  let conditions = 0
  const visit = (node: unknown, path: string, nesting: number) => {
    if (problems.length >= 10) return
    if (!isPlainObject(node)) {
      problems.push({ path, message: 'Must be an object of conditions such as where[status][equals]=paid.' })
      return
    }
    if (nesting > QUERY_LIMITS.maxWhereNesting) {
      problems.push({ path, message: `and / or may nest at most ${QUERY_LIMITS.maxWhereNesting} levels.` })
      return
    }
    for (const [key, value] of Object.entries(node)) {
      const here = `${path}.${key}`
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(value)) problems.push({ path: here, message: 'Must be a list of conditions.' })
        else value.forEach((child, i) => visit(child, `${here}.${i}`, nesting + 1))
        continue
      }
      const resolved = resolvePath(schema, collection, key, maxHops)
      if ('error' in resolved) {
        problems.push({ path: here, message: resolved.error })
        continue
      }
      if (!isPlainObject(value) || Object.keys(value).length === 0) {
        problems.push({ path: here, message: `Give an operator, e.g. where[${key}][equals]=….` })
        continue
      }
      for (const [operator, operand] of Object.entries(value)) {
        conditions += 1
        if (conditions > QUERY_LIMITS.maxWhereConditions) {
          problems.push({ path, message: `At most ${QUERY_LIMITS.maxWhereConditions} conditions.` })
          return
        }
        const problem = operatorProblem(resolved.node as Leaf, operator, operand, here)
        if (problem) problems.push(problem)
      }
    }
  }
  visit(where, 'where', 0)
  return problems.slice(0, 10)
}
