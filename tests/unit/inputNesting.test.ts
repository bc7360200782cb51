import { describe, expect, it } from 'vitest'

import { MAX_NESTING, nestingProblem } from '@/domain/input/nesting'

const nested = (depth: number, kind: 'object' | 'array'): unknown => {
  let value: unknown = 1
  for (let i = 0; i < depth; i += 1) value = kind === 'object' ? { a: value } : [value]
  return value
}

describe('nestingProblem', () => {
  it('takes bodies up to the limit, objects and arrays alike', () => {
    expect(nestingProblem({ topic: 'x', lines: [{ amount: 1 }] })).toBeNull()
    expect(nestingProblem(nested(MAX_NESTING, 'object'))).toBeNull()
    expect(nestingProblem(nested(MAX_NESTING, 'array'))).toBeNull()
    expect(nestingProblem('text')).toBeNull()
    expect(nestingProblem(null)).toBeNull()
  })

  it('refuses one level more, naming the path, and walks 100,000 levels without recursing', () => {
    expect(nestingProblem(nested(MAX_NESTING + 1, 'object'))).toEqual({ path: 'body', message: `Nested deeper than ${MAX_NESTING} levels.` })
    expect(nestingProblem({ ok: 1, deep: nested(MAX_NESTING, 'array') }, 'data')?.path).toBe('data')
    expect(nestingProblem(JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).not.toBeNull()
  })
})
