import type { Field } from 'payload'

import type { InputProblem } from '@/domain/input/problems'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Where a body gives a group something other than an object, or an array field
 * something other than a list of objects: Payload's field hooks walk into such a value
 * and fail on it (a 500, found by the hostile campaign with `pricing: null`). Each is a
 * problem naming the field's path.
 */
export const shapeProblems = (fields: readonly Field[], data: Record<string, unknown>, prefix = ''): InputProblem[] => {
  const problems: InputProblem[] = []
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible' || (field.type === 'group' && !('name' in field && field.name))) {
      problems.push(...shapeProblems(field.fields, data, prefix))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if (!('name' in tab) || !tab.name) problems.push(...shapeProblems(tab.fields, data, prefix))
        else problems.push(...groupProblems(tab.fields, data[tab.name], `${prefix}${tab.name}`))
      }
      continue
    }
    if (!('name' in field) || !field.name) continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (value === undefined) continue
    if (field.type === 'group') problems.push(...groupProblems(field.fields, value, path))
    if (field.type === 'array' && value !== null) {
      if (!Array.isArray(value)) problems.push({ path, message: 'A list of objects.' })
      else
        value.forEach((row, index) => {
          if (!isObject(row)) problems.push({ path: `${path}.${index}`, message: 'An object of its fields.' })
          else problems.push(...shapeProblems(field.fields, row, `${path}.${index}.`))
        })
    }
  }
  return problems
}

const groupProblems = (fields: readonly Field[], value: unknown, path: string): InputProblem[] => {
  if (value === undefined) return []
  if (!isObject(value)) return [{ path, message: 'An object of its fields.' }]
  return shapeProblems(fields, value, `${path}.`)
}
