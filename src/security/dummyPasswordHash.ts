import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)

/**
 * Payload 3.90's current password hash (`generatePasswordSaltHash` in
 * payload/dist/auth/strategies/local): PBKDF2-SHA256, 600 000 iterations, a 32-byte key,
 * over a salt of 32 random bytes in hex. Not exported by Payload; tests/int/logins.test.ts
 * checks a hash Payload stored against these, so an upgrade that changes them fails there.
 */
export const PAYLOAD_PASSWORD_HASH = { iterations: 600_000, keyLength: 32, digest: 'sha256', saltBytes: 32 } as const

let runs = 0

/** How many dummy hashes this process has run (tests prove an unknown email pays for one). */
export const dummyPasswordHashRuns = (): number => runs

/**
 * The work Payload does to check a password, on a fresh salt, for a login that will be
 * refused without a stored hash to check (an unknown email, another website's account):
 * the refusal then costs what a wrong password costs.
 */
export const runDummyPasswordHash = async (password: string): Promise<void> => {
  runs += 1
  const salt = randomBytes(PAYLOAD_PASSWORD_HASH.saltBytes).toString('hex')
  await derive(password, salt, PAYLOAD_PASSWORD_HASH.iterations, PAYLOAD_PASSWORD_HASH.keyLength, PAYLOAD_PASSWORD_HASH.digest)
}
