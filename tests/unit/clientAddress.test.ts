import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { parseEnv } from '@/env'
import { assignClientAddress, CLIENT_ADDRESS_HEADER } from '@/security/clientAddress'
import { parseTrustProxy } from '@/security/trustProxy'

/** A request as node's http server hands it over: parsed and raw headers, and the socket's peer. */
const request = (peer: string, headers: [string, string][]): IncomingMessage =>
  ({
    socket: { remoteAddress: peer },
    headers: Object.fromEntries(headers.map(([name, value]) => [name.toLowerCase(), value])),
    rawHeaders: headers.flat(),
  }) as unknown as IncomingMessage

const forwardedBy = (peer: string, chain: string, setting: string | undefined) =>
  assignClientAddress(request(peer, [['X-Forwarded-For', chain]]), parseTrustProxy(setting))

describe('assignClientAddress', () => {
  it('trusts nothing by default: the socket’s peer is the client, whatever X-Forwarded-For says', () => {
    expect(forwardedBy('10.0.0.5', '203.0.113.1', undefined)).toBe('10.0.0.5')
    expect(forwardedBy('10.0.0.5', '203.0.113.1', '0')).toBe('10.0.0.5')
  })
  it('with a hop count, takes the address that many trusted proxies back', () => {
    expect(forwardedBy('10.0.0.5', '198.51.100.7, 203.0.113.1', '1')).toBe('203.0.113.1')
    expect(forwardedBy('10.0.0.5', '198.51.100.7, 203.0.113.1', '2')).toBe('198.51.100.7')
    // A client's own X-Forwarded-For in front of the proxy's entry is not believed.
    expect(forwardedBy('10.0.0.5', '6.6.6.6, 203.0.113.1', '1')).toBe('203.0.113.1')
  })
  it('with a list, walks back only through trusted proxies', () => {
    expect(forwardedBy('10.0.0.5', '203.0.113.1', 'uniquelocal')).toBe('203.0.113.1')
    expect(forwardedBy('192.0.2.1', '203.0.113.1', 'uniquelocal')).toBe('192.0.2.1')
    expect(forwardedBy('127.0.0.1', '203.0.113.1, 10.1.1.1', 'loopback, 10.0.0.0/8')).toBe('203.0.113.1')
    expect(forwardedBy('127.0.0.1', '203.0.113.1, 192.0.2.9', 'loopback, 10.0.0.0/8')).toBe('192.0.2.9')
  })
  it('replaces a private header the client sent, in the parsed and the raw headers', () => {
    const req = request('10.0.0.5', [
      ['X-Scriptorium-Client-Address', '6.6.6.6'],
      ['Host', 'alpha.test'],
    ])
    expect(assignClientAddress(req, parseTrustProxy(undefined))).toBe('10.0.0.5')
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('10.0.0.5')
    expect(req.rawHeaders).toEqual(['Host', 'alpha.test', CLIENT_ADDRESS_HEADER, '10.0.0.5'])
  })
})

describe('TRUST_PROXY', () => {
  it('accepts a hop count and lists of addresses, CIDRs and names', () => {
    for (const value of ['1', '2', 'loopback', 'loopback,uniquelocal', '10.0.0.0/8, 192.168.1.1', '::1', 'fc00::/7']) {
      expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY, value).toBe(value)
    }
    expect(parseEnv({}).TRUST_PROXY).toBeUndefined()
  })
  it('stops the process on anything it cannot read, naming the variable', () => {
    for (const value of ['true', 'all', '10.0.0.0/99', 'loopback,,uniquelocal', '17', '1.2.3']) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(/^Environment variable TRUST_PROXY is invalid: /)
    }
  })
})
