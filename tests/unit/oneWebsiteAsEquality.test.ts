import type { Where } from 'payload'
import { describe, expect, it } from 'vitest'

import { websiteAccessAsEquality } from '@/access/oneWebsiteConditions'
import { oneWebsiteAsEquality } from '@/access/where'

describe('oneWebsiteAsEquality', () => {
  it('makes one website named by `in` an equality, at any depth of and/or', () => {
    expect(oneWebsiteAsEquality({ tenant: { in: [1] } })).toEqual({ tenant: { equals: 1 } })
    expect(oneWebsiteAsEquality({ tenant: { in: [1, 1] } })).toEqual({ tenant: { equals: 1 } })
    expect(oneWebsiteAsEquality({ and: [{ client: { equals: 7 } }, { or: [{ tenant: { in: [2] } }, { id: { equals: 3 } }] }] })).toEqual({
      and: [{ client: { equals: 7 } }, { or: [{ tenant: { equals: 2 } }, { id: { equals: 3 } }] }],
    })
    expect(oneWebsiteAsEquality({ 'version.tenant': { in: [4] } })).toEqual({ 'version.tenant': { equals: 4 } })
  })

  it('leaves every other condition as it was: several websites, none, other operators, other fields', () => {
    const untouched: Where[] = [
      { tenant: { in: [1, 2] } },
      { tenant: { in: [] } },
      { tenant: { in: [1], exists: true } },
      { tenant: { not_in: [1] } },
      { client: { in: [5] } },
      { 'tenants.tenant': { in: [1] } },
    ]
    for (const where of untouched) expect(oneWebsiteAsEquality(where)).toEqual(where)
  })

  it('passes booleans of an access rule through', () => {
    expect(websiteAccessAsEquality({ accessResult: true })).toBe(true)
    expect(websiteAccessAsEquality({ accessResult: false })).toBe(false)
    expect(websiteAccessAsEquality({ accessResult: { and: [{ tenant: { in: [9] } }] } })).toEqual({ and: [{ tenant: { equals: 9 } }] })
  })
})
