/**
 * `npm run drills:logins [-- --count 20] [-- --base http://127.0.0.1:3000]`
 *
 * Times logins of four kinds — a known email with a wrong password, an unknown email, an
 * account of another website (right password), the right password — interleaved, and
 * prints the median and p90 of each, so an operator sees that refusals cost alike (the
 * unknown and the other website's account pay for a dummy password hash).
 *
 * In-process (default): Payload on a scratch database of DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432), migrated and seeded with the demo data, dropped at
 * the end; requests go through Payload's REST handler, each from its own address.
 * With --base: against a running server with the demo data, naming the website with
 * X-Tenant. Each attempt sends its own X-Forwarded-For; start the server with
 * TRUST_PROXY=loopback (or the drill's address) so that they count apart, or the
 * per-address limits answer 429 after a few attempts (the drill reports the statuses).
 * Not part of CI.
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { parseArgs } from 'node:util'

import { DEMO_PASSWORD } from '@/seed/demoData'
import { CLIENT_ADDRESS_HEADER } from '@/security/clientAddress'

import { scratchPayload } from './scratchPayload'

type Kind = 'wrong password' | 'unknown email' | 'other website' | 'right password'
type Attempt = { email: string; password: string; website: 'alpha' | 'beta'; address: string }
type Send = (attempt: Attempt) => Promise<number>

const { values } = parseArgs({ options: { count: { type: 'string', default: '20' }, base: { type: 'string' } }, strict: true })
const count = Number(values.count)
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive whole number, got "${values.count}"`)

// Known accounts of the demo data, one per kind, so that no account nears the alert ceiling.
const ATTEMPTS: Record<Kind, (i: number) => Omit<Attempt, 'address'>> = {
  'wrong password': () => ({ email: 'client@alpha.test', password: 'not-the-password', website: 'alpha' }),
  'unknown email': (i) => ({ email: `nobody-${i}-${randomBytes(3).toString('hex')}@alpha.test`, password: 'not-the-password', website: 'alpha' }),
  'other website': () => ({ email: 'writer@beta.test', password: DEMO_PASSWORD, website: 'alpha' }),
  'right password': () => ({ email: 'client2@alpha.test', password: DEMO_PASSWORD, website: 'alpha' }),
}
const KINDS = Object.keys(ATTEMPTS) as Kind[]

const say = (line: string) => process.stdout.write(`${line}\n`)

/** Logins against a running server over HTTP. */
const remote = (base: string): Send => async (attempt) => {
  const res = await fetch(new URL('/api/users/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': attempt.website, 'x-forwarded-for': attempt.address },
    body: JSON.stringify({ email: attempt.email, password: attempt.password }),
  })
  await res.arrayBuffer()
  return res.status
}

/** Payload in this process on a scratch copy of the demo data; answers the sender and the clean-up. */
const inProcess = async (): Promise<{ send: Send; close: () => Promise<void> }> => {
  const { payload, close } = await scratchPayload('logins', say)
  const { handleEndpoints } = await import('payload')
  const config = Promise.resolve(payload.config)
  return {
    send: async (attempt) => {
      const request = new Request(`http://${attempt.website}.test/api/users/login`, {
        method: 'POST',
        // As the web process hands it on: the address it worked out, in the private header.
        headers: { host: `${attempt.website}.test`, 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: attempt.address },
        body: JSON.stringify({ email: attempt.email, password: attempt.password }),
      })
      const res = await handleEndpoints({ config, request })
      await res.arrayBuffer()
      return res.status
    },
    close,
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

const target = values.base ? { send: remote(values.base), close: async () => {} } : await inProcess()
say(values.base ? `against ${values.base}` : 'in process (Payload REST handler)')
let address = 0
const nextAddress = () => {
  address += 1
  return `198.18.${Math.floor(address / 250)}.${(address % 250) + 1}`
}
try {
  // Warm-up (first queries, JIT), not measured.
  for (const kind of KINDS) await target.send({ ...ATTEMPTS[kind](0), address: nextAddress() })
  const times: Record<Kind, number[]> = { 'wrong password': [], 'unknown email': [], 'other website': [], 'right password': [] }
  const statuses: Record<Kind, Map<number, number>> = { 'wrong password': new Map(), 'unknown email': new Map(), 'other website': new Map(), 'right password': new Map() }
  for (let i = 1; i <= count; i++) {
    // Interleaved, so that whatever else the machine does weighs on every kind alike.
    for (const kind of KINDS) {
      const attempt = { ...ATTEMPTS[kind](i), address: nextAddress() }
      const start = performance.now()
      const status = await target.send(attempt)
      times[kind].push(performance.now() - start)
      statuses[kind].set(status, (statuses[kind].get(status) ?? 0) + 1)
    }
  }
  say(`\n${count} logins of each kind, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores\n`)
  say(`${'kind'.padEnd(16)}${'median ms'.padStart(11)}${'p90 ms'.padStart(9)}   statuses`)
  for (const kind of KINDS) {
    const sorted = [...times[kind]].sort((a, b) => a - b)
    const seen = [...statuses[kind]].map(([status, n]) => `${status}×${n}`).join(' ')
    say(`${kind.padEnd(16)}${percentile(sorted, 50).toFixed(1).padStart(11)}${percentile(sorted, 90).toFixed(1).padStart(9)}   ${seen}`)
  }
  const expected = (kind: Kind) => (kind === 'right password' ? 200 : 401)
  const off = KINDS.filter((kind) => [...statuses[kind].keys()].some((status) => status !== expected(kind)))
  if (off.length > 0) say(`\nunexpected statuses for: ${off.join(', ')} — those times are not what they claim to be.`)
  const limited = KINDS.some((kind) => statuses[kind].has(429))
  if (limited) say('\nsome attempts were rate limited (429): their times are not a password check. Against a server, set TRUST_PROXY so that each attempt counts from its own address.')
} finally {
  await target.close()
}
process.exit(0)
