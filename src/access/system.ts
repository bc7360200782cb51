import { createLocalReq, type Payload, type PayloadRequest, type RequestContext } from 'payload'

declare const proven: unique symbol

/**
 * Why the server may act as itself (`overrideAccess: true`) for a request: minted only by
 * the gate (`src/operations/gate.ts`, after reading the subject as the caller) and by the
 * server's own entries (`systemProof`: jobs, seed, migrations, start-up; lint keeps it
 * there). `why` names the gate or the entry, for the error that a missing one raises.
 */
export type SystemProof = { readonly [proven]: true; readonly why: string }

// Proofs are objects this module made: a cast (`{ why } as SystemProof`) does not pass.
const minted = new WeakSet<object>()

/**
 * A proof for the server's own work. Importable only from `src/jobs`, `src/seed`,
 * `src/migrations`, `src/server`, the gate and tests (ESLint `no-restricted-imports`):
 * HTTP-reached code gets its proof from the gate.
 */
export const systemProof = (why: string): SystemProof => {
  const proof = Object.freeze({ why }) as unknown as SystemProof
  minted.add(proof)
  return proof
}

/**
 * `{ overrideAccess: true }` for a Local API call, spread into its options:
 * `payload.find({ ...asSystem(proofOf(req)), collection: 'orders', where, req })`. The one
 * place in `src` that writes it. (Spread rather than wrapping the options in a call: the
 * options literal stays Payload's own argument, so TypeScript still checks its `where`
 * and `data` against the collection.)
 */
export const asSystem = (proof: SystemProof): { readonly overrideAccess: true } => {
  if (!minted.has(proof)) throw new Error('asSystem: not a proof from the gate or systemProof()')
  return { overrideAccess: true }
}

// A private property rather than a WeakMap keyed by the request: Payload hands hooks a
// Proxy of the request in places (isolateObjectProperty), which a WeakMap would not know
// and which reads this property through to the request.
const PROOF = Symbol('scriptorium.systemProof')

type Proven = { [PROOF]?: SystemProof }

/** Records `proof` for the rest of the request: later steps read it with `proofOf(req)`. */
export const recordProof = <R extends PayloadRequest>(req: R, proof: SystemProof): R => {
  if (!minted.has(proof)) throw new Error('recordProof: not a proof from the gate or systemProof()')
  if (!(req as Proven)[PROOF]) Object.defineProperty(req, PROOF, { value: proof, configurable: true, enumerable: false, writable: false })
  return req
}

/** For requests Payload made for the Local API (jobs, seed, scripts, tests; the admin's server-side rendering), not over REST or GraphQL. */
const SERVER_OWN = systemProof('the server’s own work (no REST or GraphQL request)')

/**
 * The proof recorded for this request by its gate, or by Payload's own REST or GraphQL
 * operation (the API guard records one for the hooks that run inside it). A request that
 * did not come over REST or GraphQL is the server's own work and needs none. Anything
 * else is an HTTP request that skipped its gate: it throws, so a forgotten gate fails
 * loudly in the first test that reaches it.
 */
export const proofOf = (req: PayloadRequest): SystemProof => {
  const recorded = (req as Proven)[PROOF]
  if (recorded) return recorded
  if (req.payloadAPI === 'local') return SERVER_OWN
  throw new Error(`system access without a gate: ${req.method ?? ''} ${req.pathname ?? ''} (${req.payloadAPI}) read nothing as the caller first; call a gate of src/operations/gate.ts`)
}

/**
 * A Local API request for the server acting on its own after `proof` (a verified webhook,
 * a pay-link token, a job): it carries the proof and no user.
 */
export const systemRequest = async (payload: Payload, proof: SystemProof, context: RequestContext = {}): Promise<PayloadRequest> =>
  recordProof(await createLocalReq({ context }, payload), proof)
