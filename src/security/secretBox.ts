import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Secrets the server must read back (an authenticator's seed) are kept encrypted at rest
 * with AES-256-GCM under a key derived from the server's secret and a purpose: a database
 * dump alone does not give anyone a second factor. `v1.<iv>.<tag>.<ciphertext>`.
 */
const keyOf = (serverSecret: string, purpose: string) => createHash('sha256').update(`${purpose}|${serverSecret}`).digest()

export const sealSecret = (plain: string, serverSecret: string, purpose: string): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(serverSecret, purpose), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

/** The plain secret, or null for a sealed value that is not genuine (tampered, another key). */
export const openSecret = (sealed: string, serverSecret: string, purpose: string): string | null => {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || !body) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(serverSecret, purpose), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
