import type { InputProblem } from './problems'

/**
 * How deep a request's JSON may nest: far deeper than any body of ours (a few levels),
 * far shallower than what the recursive walks behind it survive (Payload copies a
 * document's data recursively; the idempotency hash walks the body): a body nested
 * 20,000 deep overflowed the stack there, a 500.
 */
export const MAX_NESTING = 64

/** A problem at `path` when `value` nests arrays or objects deeper than `max`; null otherwise. Walks without recursion. */
export const nestingProblem = (value: unknown, path = 'body', max = MAX_NESTING): InputProblem | null => {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (next.value === null || typeof next.value !== 'object' || next.value instanceof Date) continue
    if (next.depth >= max) return { path, message: `Nested deeper than ${max} levels.` }
    for (const child of Array.isArray(next.value) ? next.value : Object.values(next.value)) stack.push({ value: child, depth: next.depth + 1 })
  }
  return null
}
