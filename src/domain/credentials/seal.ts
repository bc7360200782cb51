import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

import type { KeyRing } from './keyRing'
import { portalCredentials, type PortalCredentials } from './plaintext'

/** A sealed value as stored: which key, the nonce, GCM's tag and the ciphertext (base64). */
export type SealedCredentials = { keyId: string; iv: string; tag: string; ciphertext: string }

/** A sealed value names a key the ring no longer holds (removed before re-encrypting). */
export class UnknownCredentialKey extends Error {
  constructor(readonly keyId: string) {
    super(`The credentials are sealed with key ${keyId}, which CREDENTIALS_KEY does not hold: put it back (after the current key) and run npm run credentials:reencrypt.`)
    this.name = 'UnknownCredentialKey'
  }
}

/** The ciphertext, nonce or tag was altered (or belongs to another row): GCM refuses it. */
export class TamperedCredentials extends Error {
  constructor(keyId: string) {
    super(`The credentials sealed with key ${keyId} do not authenticate: they were altered or belong to another record.`)
    this.name = 'TamperedCredentials'
  }
}

const IV_BYTES = 12

/**
 * Seals credentials under the ring's current key with a fresh random 12-byte nonce (GCM
 * must never reuse one under a key). `context` (the class's id) is bound as associated
 * data: a sealed value copied onto another class does not open there.
 */
export const sealCredentials = (plain: PortalCredentials, ring: KeyRing, context: string, iv: Buffer = randomBytes(IV_BYTES)): SealedCredentials => {
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()])
  return { keyId: ring.current.id, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: body.toString('base64') }
}

/** The credentials a sealed value holds; an unknown key or an altered value throws. */
export const openCredentials = (sealed: SealedCredentials, ring: KeyRing, context: string): PortalCredentials => {
  const key = ring.keys.get(sealed.keyId)
  if (!key) throw new UnknownCredentialKey(sealed.keyId)
  let text: string
  try {
    const iv = Buffer.from(sealed.iv, 'base64')
    const tag = Buffer.from(sealed.tag, 'base64')
    if (iv.length !== IV_BYTES || tag.length !== 16) throw new Error('bad nonce or tag length')
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
    decipher.setAAD(Buffer.from(context, 'utf8'))
    decipher.setAuthTag(tag)
    text = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8')
  } catch {
    throw new TamperedCredentials(sealed.keyId)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = null
  }
  const parsed = portalCredentials.safeParse(json)
  // Authenticated but not credentials: only a bug of ours writes that.
  if (!parsed.success) throw new TamperedCredentials(sealed.keyId)
  return parsed.data
}

/** Whether a sealed value is under the ring's current key (nothing to re-encrypt). */
export const isCurrent = (sealed: Pick<SealedCredentials, 'keyId'>, ring: KeyRing): boolean => sealed.keyId === ring.current.id

/** The value sealed again under the current key (rotation); an unknown key or an altered value throws. */
export const resealCredentials = (sealed: SealedCredentials, ring: KeyRing, context: string): SealedCredentials => sealCredentials(openCredentials(sealed, ring, context), ring, context)
