import { describe, expect, it } from 'vitest'

import { hostCandidates, normalizeHostname } from '@/domain/tenancy/hostname'

describe('normalizeHostname', () => {
  it.each([
    ['alpha.test', 'alpha.test'],
    ['Alpha.TEST', 'alpha.test'],
    ['www.alpha.test', 'alpha.test'],
    ['alpha.test:3000', 'alpha.test'],
    ['https://www.Alpha.test:8443/path?q=1', 'alpha.test'],
    ['alpha.localhost', 'alpha.localhost'],
    ['alpha.test.', 'alpha.test'],
    ['  alpha.test  ', 'alpha.test'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected)
  })

  it.each(['', 'not a host', 'bad_underscore.test', '-dash.test', '[::1]:3000', 'a..b'])('rejects %j', (input) => {
    expect(normalizeHostname(input)).toBeNull()
  })
})

describe('hostCandidates', () => {
  it('tries the host, then its parent domain', () => {
    expect(hostCandidates('api.alpha.test:3000')).toEqual(['api.alpha.test', 'alpha.test'])
  })
  it('has no parent for a two-label host', () => {
    expect(hostCandidates('alpha.test')).toEqual(['alpha.test'])
    expect(hostCandidates('www.alpha.test')).toEqual(['alpha.test'])
  })
  it('is empty without a usable host', () => {
    expect(hostCandidates(null)).toEqual([])
    expect(hostCandidates('[::1]:3000')).toEqual([])
  })
})
