import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { asSystem, proofOf, recordProof, type SystemProof, systemProof } from '@/access/system'

const request = (payloadAPI: PayloadRequest['payloadAPI']) => ({ payloadAPI, method: 'POST', pathname: '/api/orders/1/actions/cancel' }) as PayloadRequest

describe('asSystem', () => {
  it('gives overrideAccess: true for a minted proof', () => {
    expect(asSystem(systemProof('test'))).toEqual({ overrideAccess: true })
  })

  it('refuses a proof that was cast rather than minted', () => {
    const forged = { why: 'trust me' } as unknown as SystemProof
    expect(() => asSystem(forged)).toThrow('not a proof from the gate or systemProof()')
    expect(() => recordProof(request('REST'), forged)).toThrow('not a proof from the gate or systemProof()')
  })
})

describe('proofOf', () => {
  it('throws for a REST or GraphQL request that went through no gate', () => {
    expect(() => proofOf(request('REST'))).toThrow('system access without a gate: POST /api/orders/1/actions/cancel (REST)')
    expect(() => proofOf(request('GraphQL'))).toThrow('system access without a gate')
  })

  it('returns the proof the gate recorded, also through a Proxy of the request (as Payload hands hooks)', () => {
    const req = request('REST')
    const proof = systemProof('order 1, visible to user 7')
    recordProof(req, proof)
    expect(proofOf(req)).toBe(proof)
    expect(proofOf(new Proxy(req, {}))).toBe(proof)
  })

  it('keeps the first proof of a request', () => {
    const req = request('REST')
    const first = systemProof('first')
    recordProof(req, first)
    recordProof(req, systemProof('second'))
    expect(proofOf(req).why).toBe('first')
  })

  it('takes a Local API request (jobs, seed, tests) as the server’s own work', () => {
    expect(proofOf(request('local')).why).toContain('the server’s own work')
  })
})
