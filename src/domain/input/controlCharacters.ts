import type { InputProblem } from './problems'

/**
 * C0 controls but tab, line feed and carriage return; DEL; C1 controls. PostgreSQL
 * refuses NUL in text outright (a 500 if it reaches the database), and the others have
 * no business in names, topics, messages or filters: they hide text from people and
 * break logs, CSV exports and mail headers. Refused, never stripped, so what is stored
 * is what was sent.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** The first control character in a string, as a problem at `path`; null when clean. */
export const controlCharacterIn = (value: string, path: string): InputProblem | null => {
  const match = CONTROL.exec(value)
  return match ? { path, message: `Contains the control character ${codePoint(match[0])}; remove it.` } : null
}

/**
 * The first string (value or object key) holding a control character anywhere in a
 * JSON-like value, with its dotted path. Walks at most `maxNodes` nodes: what is deeper
 * or larger is refused elsewhere (body size, nesting limits).
 */
export const findControlCharacter = (value: unknown, path = '', maxNodes = 100_000): InputProblem | null => {
  const stack: { value: unknown; path: string }[] = [{ value, path }]
  let seen = 0
  while (stack.length > 0 && seen < maxNodes) {
    const next = stack.pop()!
    seen += 1
    if (typeof next.value === 'string') {
      const problem = controlCharacterIn(next.value, next.path || 'body')
      if (problem) return problem
    } else if (Array.isArray(next.value)) {
      for (let i = next.value.length - 1; i >= 0; i -= 1) stack.push({ value: next.value[i], path: join(next.path, String(i)) })
    } else if (next.value !== null && typeof next.value === 'object' && !(next.value instanceof Date)) {
      const entries = Object.entries(next.value as Record<string, unknown>)
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!
        const keyProblem = controlCharacterIn(key, join(next.path, key))
        if (keyProblem) return keyProblem
        stack.push({ value: child, path: join(next.path, key) })
      }
    }
  }
  return null
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key)
