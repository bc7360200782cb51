import { randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { decideRead, decideRemove, decideStore, type ClassRelation } from '@/domain/credentials/access'
import { developmentKeyRing, keyRingProblem, parseKeyRing } from '@/domain/credentials/keyRing'
import { portalCredentials } from '@/domain/credentials/plaintext'
import { isCurrent, openCredentials, resealCredentials, sealCredentials, TamperedCredentials, UnknownCredentialKey } from '@/domain/credentials/seal'
import { assertProductionReady, parseEnv } from '@/env'

const keyA = randomBytes(32).toString('base64')
const keyB = randomBytes(32).toString('base64')
const plain = { username: 'student42', password: 'hunter2-portal', portalUrl: 'https://lms.example.edu', notes: 'Duo push on Mondays' }

describe('the key ring (CREDENTIALS_KEY)', () => {
  it('reads kid:base64key pairs, the first sealing', () => {
    const ring = parseKeyRing(`B:${keyB}, A:${keyA}`)
    expect(ring.current.id).toBe('B')
    expect([...ring.keys.keys()]).toEqual(['B', 'A'])
    expect(ring.keys.get('A')!.equals(Buffer.from(keyA, 'base64'))).toBe(true)
  })

  it.each([
    ['', 'entry 1 is empty'],
    [`A:${keyA},`, 'entry 2 is empty'],
    [keyA, 'not kid:base64key'],
    [`A:${keyA},A:${keyB}`, 'listed twice'],
    [`bad id!:${keyA}`, 'key id must be'],
    ['A:not*base64', 'not base64'],
    [`A:${randomBytes(16).toString('base64')}`, 'exactly 32 bytes, it is 16'],
  ])('refuses %j naming what is wrong', (value, problem) => {
    expect(keyRingProblem(value)).toContain(problem)
  })

  it('a bad value stops the start in one line naming the variable, never echoing the key', () => {
    const short = randomBytes(20).toString('base64')
    let message = ''
    try {
      parseEnv({ CREDENTIALS_KEY: `k1:${short}` })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^Environment variable CREDENTIALS_KEY is invalid: entry 1 \(k1\): the key must be exactly 32 bytes/)
    expect(message).not.toContain(short)
    expect(message.split('\n')).toHaveLength(1)
    expect(parseEnv({ CREDENTIALS_KEY: `k1:${keyA}` }).CREDENTIALS_KEY).toBe(`k1:${keyA}`)
  })

  it('production refuses to start without it', () => {
    const base = { NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://h/db' }
    expect(() => assertProductionReady(parseEnv(base))).toThrow('Environment variable CREDENTIALS_KEY is missing: required in production')
    expect(() => assertProductionReady(parseEnv({ ...base, CREDENTIALS_KEY: `k1:${keyA}` }))).not.toThrow()
  })

  it('the development key is stable for one server secret and differs for another', () => {
    const one = developmentKeyRing('a'.repeat(32))
    expect(one.current.id).toBe('dev')
    expect(developmentKeyRing('a'.repeat(32)).current.key.equals(one.current.key)).toBe(true)
    expect(developmentKeyRing('b'.repeat(32)).current.key.equals(one.current.key)).toBe(false)
  })
})

describe('sealing and opening', () => {
  const ring = parseKeyRing(`A:${keyA}`)

  it('round-trips under the current key with a fresh 12-byte nonce each time', () => {
    const first = sealCredentials(plain, ring, 'class-order:7')
    const second = sealCredentials(plain, ring, 'class-order:7')
    expect(first.keyId).toBe('A')
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12)
    expect(first.iv).not.toBe(second.iv)
    expect(first.ciphertext).not.toBe(second.ciphertext)
    expect(JSON.stringify(first)).not.toContain(plain.password)
    expect(openCredentials(first, ring, 'class-order:7')).toEqual(plain)
  })

  it('refuses altered ciphertext, nonce or tag, and a value moved to another class', () => {
    const sealed = sealCredentials(plain, ring, 'class-order:7')
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64')
      bytes[0] = bytes[0]! ^ 1
      return bytes.toString('base64')
    }
    expect(() => openCredentials({ ...sealed, ciphertext: flip(sealed.ciphertext) }, ring, 'class-order:7')).toThrow(TamperedCredentials)
    expect(() => openCredentials({ ...sealed, iv: flip(sealed.iv) }, ring, 'class-order:7')).toThrow(TamperedCredentials)
    expect(() => openCredentials({ ...sealed, tag: flip(sealed.tag) }, ring, 'class-order:7')).toThrow(TamperedCredentials)
    expect(() => openCredentials(sealed, ring, 'class-order:8')).toThrow(TamperedCredentials)
  })

  it('a key id the ring does not hold is a clear error naming it', () => {
    const sealed = sealCredentials(plain, ring, 'class-order:7')
    expect(() => openCredentials(sealed, parseKeyRing(`B:${keyB}`), 'class-order:7')).toThrow(UnknownCredentialKey)
    expect(() => openCredentials(sealed, parseKeyRing(`B:${keyB}`), 'class-order:7')).toThrow(/key A, which CREDENTIALS_KEY does not hold/)
  })

  it('rotation: the old key still opens; resealing moves the value to the new key, which opens alone', () => {
    const underA = sealCredentials(plain, ring, 'class-order:7')
    const rotated = parseKeyRing(`B:${keyB},A:${keyA}`)
    expect(isCurrent(underA, rotated)).toBe(false)
    expect(openCredentials(underA, rotated, 'class-order:7')).toEqual(plain)
    const underB = resealCredentials(underA, rotated, 'class-order:7')
    expect(underB.keyId).toBe('B')
    expect(isCurrent(underB, rotated)).toBe(true)
    expect(openCredentials(underB, parseKeyRing(`B:${keyB}`), 'class-order:7')).toEqual(plain)
  })
})

describe('the plaintext', () => {
  it('names each bad field', () => {
    const result = portalCredentials.safeParse({ username: ' ', password: '', portalUrl: 'javascript:alert(1)', extra: 1 })
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((issue) => issue.path.join('.') || String((issue as { keys?: string[] }).keys))
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', 'portalUrl', 'extra']))
  })
})

describe('who reads, stores and removes them', () => {
  const who = (over: Partial<ClassRelation>): ClassRelation => ({ isReasonStaff: false, isAdmin: false, isClient: false, isAssignedWriter: false, status: 'in_progress', ...over })

  it('the assigned writer reads while the class is worked, not before nor paused nor after', () => {
    for (const status of ['assigned', 'in_progress', 'quality_review']) expect(decideRead(who({ isAssignedWriter: true, status }), null)).toEqual({ outcome: 'granted', as: 'writer' })
    for (const status of ['paid', 'paused', 'completed', 'cancelled']) expect(decideRead(who({ isAssignedWriter: true, status }), null)).toMatchObject({ outcome: 'refused', refusal: { status: 409 } })
  })

  it('another writer is refused (403) whatever the status', () => {
    expect(decideRead(who({}), 'because')).toMatchObject({ outcome: 'refused', refusal: { status: 403 } })
  })

  it('admin, support and superadmin read only with a reason (400 naming reason)', () => {
    expect(decideRead(who({ isReasonStaff: true }), null)).toMatchObject({ outcome: 'refused', refusal: { status: 400, path: 'reason' } })
    expect(decideRead(who({ isReasonStaff: true }), '   ab ')).toMatchObject({ outcome: 'refused', refusal: { status: 400, path: 'reason' } })
    expect(decideRead(who({ isReasonStaff: true }), 'x'.repeat(501))).toMatchObject({ outcome: 'refused', refusal: { status: 400, path: 'reason' } })
    expect(decideRead(who({ isReasonStaff: true }), 'Client asked us to check the login')).toEqual({ outcome: 'granted', as: 'staff' })
  })

  it('other staff (an editor) are refused; the client learns only that they are stored', () => {
    expect(decideRead(who({}), 'Checking the login works')).toMatchObject({ outcome: 'refused', refusal: { status: 403 } })
    expect(decideRead(who({ isClient: true }), null)).toEqual({ outcome: 'stored-only' })
  })

  it('the client stores them; staff with a reason; nobody once the class is over', () => {
    expect(decideStore(who({ isClient: true, status: 'submitted' }), null)).toBeNull()
    expect(decideStore(who({ isReasonStaff: true }), null)).toMatchObject({ status: 400, path: 'reason' })
    expect(decideStore(who({ isReasonStaff: true }), 'Client sent them by phone')).toBeNull()
    expect(decideStore(who({ isAssignedWriter: true }), null)).toMatchObject({ status: 403 })
    expect(decideStore(who({ isClient: true, status: 'completed' }), null)).toMatchObject({ status: 409 })
  })

  it('the client or an admin removes them', () => {
    expect(decideRemove(who({ isClient: true }))).toBeNull()
    expect(decideRemove(who({ isReasonStaff: true, isAdmin: true }))).toBeNull()
    expect(decideRemove(who({ isReasonStaff: true }))).toMatchObject({ status: 403 })
    expect(decideRemove(who({ isAssignedWriter: true }))).toMatchObject({ status: 403 })
  })
})
