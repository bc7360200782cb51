import { describe, expect, it } from 'vitest'

import { allOf, anyOf } from '@/access/compose'

const a = { tenant: { equals: 1 } }
const b = { id: { equals: 2 } }

describe('anyOf', () => {
  it('true wins, false drops out, wheres are OR-ed', () => {
    expect(anyOf([false, a, true])).toBe(true)
    expect(anyOf([false, false])).toBe(false)
    expect(anyOf([false, a])).toEqual(a)
    expect(anyOf([a, b])).toEqual({ or: [a, b] })
  })
})

describe('allOf', () => {
  it('false wins, true drops out, wheres are AND-ed', () => {
    expect(allOf([true, a, false])).toBe(false)
    expect(allOf([true, true])).toBe(true)
    expect(allOf([true, a])).toEqual(a)
    expect(allOf([a, b])).toEqual({ and: [a, b] })
  })
})
