import type { Access, AccessArgs, AccessResult, Where } from 'payload'

/** `true` wins, `false` drops out, Wheres are OR-ed; nothing granted → false. */
export const anyOf = (results: AccessResult[]): AccessResult => {
  if (results.some((r) => r === true)) return true
  const wheres = results.filter((r): r is Where => typeof r === 'object' && r !== null)
  if (wheres.length === 0) return false
  return wheres.length === 1 ? wheres[0]! : { or: wheres }
}

/** `false` wins, `true` drops out, Wheres are AND-ed; everything granted → true. */
export const allOf = (results: AccessResult[]): AccessResult => {
  if (results.some((r) => r === false)) return false
  const wheres = results.filter((r): r is Where => typeof r === 'object' && r !== null)
  if (wheres.length === 0) return true
  return wheres.length === 1 ? wheres[0]! : { and: wheres }
}

/** An access function that grants what any of its parts grants. */
export const or =
  (...fns: Access[]): Access =>
  async (args: AccessArgs) =>
    anyOf(await Promise.all(fns.map((fn) => fn(args))))

/** An access function that grants only what all of its parts grant. */
export const and =
  (...fns: Access[]): Access =>
  async (args: AccessArgs) =>
    allOf(await Promise.all(fns.map((fn) => fn(args))))
