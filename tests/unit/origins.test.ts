import { afterEach, describe, expect, it } from 'vitest'

import { parseEnv } from '@/env'
import { isJsonMediaType, isMultipart, mediaTypeOf } from '@/security/mediaTypes'
import { announceWebsitesChanged, createOriginCache, type OriginCache } from '@/security/originCache'
import { allowedOrigins, isLocalhostOrigin, originOf, parseOriginList, websiteOrigins } from '@/security/origins'

describe('origins', () => {
  it('reads an origin from an Origin or Referer value, lower case, http(s) only', () => {
    expect(originOf('https://Alpha.TEST')).toBe('https://alpha.test')
    expect(originOf('https://alpha.test:8443/path?q=1')).toBe('https://alpha.test:8443')
    expect(originOf('https://alpha.test:443')).toBe('https://alpha.test')
    for (const bad of ['null', '', 'file:///etc/passwd', 'javascript:alert(1)', 'alpha.test', undefined, null]) expect(originOf(bad), String(bad)).toBeNull()
  })

  it('a website answers on https://<domain> and https://www.<domain>', () => {
    expect(websiteOrigins(['alpha.test', 'brand.example'])).toEqual(['https://alpha.test', 'https://www.alpha.test', 'https://brand.example', 'https://www.brand.example'])
  })

  it('localhost and its subdomains over http or https, any port; nothing that merely contains it', () => {
    for (const origin of ['http://localhost:3000', 'http://alpha.localhost:3000', 'https://a.b.localhost']) expect(isLocalhostOrigin(origin), origin).toBe(true)
    for (const origin of ['http://localhost.evil.test', 'http://evillocalhost', 'https://alpha.test']) expect(isLocalhostOrigin(origin), origin).toBe(false)
  })

  it('allows the listed origins, and localhost only in development', () => {
    const production = allowedOrigins(['https://alpha.test'], false)
    expect(production.allows('https://alpha.test')).toBe(true)
    expect(production.allows('http://alpha.test')).toBe(false)
    expect(production.allows('http://alpha.localhost:3000')).toBe(false)
    expect(allowedOrigins([], true).allows('http://alpha.localhost:3000')).toBe(true)
  })

  it('CORS_ORIGINS: exact origins separated by commas; anything else names the entry', () => {
    expect(parseOriginList(' https://portal.example.com , http://127.0.0.1:5173 ')).toEqual(['https://portal.example.com', 'http://127.0.0.1:5173'])
    expect(parseOriginList(undefined)).toEqual([])
    expect(() => parseOriginList('https://portal.example.com/')).toThrow(/"https:\/\/portal.example.com\/" is not an origin/)
    expect(() => parseOriginList('portal.example.com')).toThrow(/not an origin/)
    expect(() => parseEnv({ CORS_ORIGINS: 'https://ok.example, *' })).toThrow(/^Environment variable CORS_ORIGINS is invalid: "\*" is not an origin/)
    expect(parseEnv({ CORS_ORIGINS: 'https://ok.example' }).CORS_ORIGINS).toBe('https://ok.example')
  })
})

describe('media types', () => {
  it('JSON is application/json or +json, parameters aside', () => {
    expect(isJsonMediaType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonMediaType('Application/JSON')).toBe(true)
    expect(isJsonMediaType('application/merge-patch+json')).toBe(true)
    for (const other of ['text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', undefined, 'application/jsonx']) {
      expect(isJsonMediaType(other), String(other)).toBe(false)
    }
    expect(isMultipart('multipart/form-data; boundary=----x')).toBe(true)
    expect(mediaTypeOf(' Text/Plain ;charset=UTF-8')).toBe('text/plain')
  })
})

describe('the allowed-origins cache', () => {
  const open: OriginCache[] = []
  afterEach(() => {
    for (const cache of open.splice(0)) cache.close()
  })
  const cacheOver = (load: () => Promise<string[]>, ttlMs = 60_000) => {
    const cache = createOriginCache({ loadWebsiteOrigins: load, fixed: ['https://fixed.example'], development: false, ttlMs })
    open.push(cache)
    return cache
  }

  it('loads once for concurrent callers and within the TTL', async () => {
    let loads = 0
    const cache = cacheOver(async () => (loads++, ['https://alpha.test']))
    const [a, b] = await Promise.all([cache.get(), cache.get()])
    expect(a.allows('https://alpha.test') && b.allows('https://fixed.example')).toBe(true)
    await cache.get()
    expect(loads).toBe(1)
  })

  it('reloads after the TTL', async () => {
    let loads = 0
    const cache = cacheOver(async () => (loads++, []), 0)
    await cache.get()
    await cache.get()
    expect(loads).toBe(2)
  })

  it('a change announced while a load runs is not hidden by that load’s older rows', async () => {
    let domains = ['https://alpha.test']
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    let first = true
    const cache = cacheOver(async () => {
      const seen = domains
      if (first) {
        first = false
        await gate
      }
      return seen
    })
    const pending = cache.get()
    domains = ['https://beta.test']
    announceWebsitesChanged()
    release()
    await pending
    expect((await cache.get()).allows('https://beta.test')).toBe(true)
  })

  it('a failed load keeps the last list (or the fixed origins alone)', async () => {
    let fail = false
    const cache = cacheOver(async () => {
      if (fail) throw new Error('database down')
      return ['https://alpha.test']
    }, 0)
    expect((await cache.get()).allows('https://alpha.test')).toBe(true)
    fail = true
    expect((await cache.get()).allows('https://alpha.test')).toBe(true)
    const cold = cacheOver(async () => {
      throw new Error('database down')
    })
    const origins = await cold.get()
    expect(origins.allows('https://fixed.example')).toBe(true)
    expect(origins.allows('https://alpha.test')).toBe(false)
  })
})
