import type { AfterErrorHook, PayloadRequest } from 'payload'

/** GraphQL wraps the error as `originalError`, Drizzle the driver's as `cause`. */
const next = (error: unknown): unknown => (error as { originalError?: unknown }).originalError ?? (error as { cause?: unknown }).cause

/** Causes of a failed request that are the request's fault, found anywhere in the error's chain. */
const clientFault = (error: unknown): string | null => {
  for (let current = error, depth = 0; current && depth < 6; current = next(current), depth += 1) {
    const code = (current as { code?: unknown }).code
    // PostgreSQL class 22, "data exception": a value the column cannot hold.
    if (typeof code === 'string' && code.startsWith('22')) return 'A value in the request does not fit the field it is for.'
    if (current instanceof SyntaxError && /JSON/i.test(current.message)) return 'The request body or a parameter is not valid JSON.'
    if (current instanceof URIError) return 'The address is not validly percent-encoded.'
  }
  return null
}

/**
 * The last line behind the input checks (src/api/guardOperation.ts, guardEndpoints.ts):
 * a value the database refuses as data, malformed JSON or a malformed address is a
 * 400, never a 500. Still logged at error level by Payload, so a gap in the checks
 * shows in the logs.
 */
export const mapClientFaults: AfterErrorHook = ({ error, graphqlResult }) => {
  const message = clientFault(error)
  if (!message) return
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, name: 'ClientError', statusCode: 400 } } }
  return { response: { errors: [{ message }] }, status: 400 }
}

/** PostgreSQL codes of a lost or refusing server: class 08 (connection exception), shutdowns, starting up, too many connections. */
const LOST_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])
/** Socket errors of a server gone away (the database or Redis). */
const LOST_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND'])
/** What node-postgres and its pool say when the connection dies or none can be had; they carry no code. */
const LOST_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|server closed the connection unexpectedly/i

/** Whether the request failed because a server it needs went away, anywhere in the error's chain. */
export const lostServer = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 6; current = next(current), depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && (code.startsWith('08') || LOST_SQLSTATES.has(code) || LOST_SOCKET_CODES.has(code))) return true
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string' && LOST_MESSAGES.test(message)) return true
  }
  return false
}

/**
 * PostgreSQL's verdicts on two transactions that met: deadlock detected, serialization
 * failure, lock not available. The one refused was rolled back whole, so the same
 * request sent again is safe (with its Idempotency-Key for money and placements).
 */
const CONFLICT_SQLSTATES = new Set(['40P01', '40001', '55P03'])

/** Whether the request's transaction was undone because it met another one, anywhere in the error's chain. */
export const transientConflict = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 6; current = next(current), depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && CONFLICT_SQLSTATES.has(code)) return true
  }
  return false
}

export const RETRY_AFTER_SECONDS = 5
/** A conflict clears as soon as the other transaction ends. */
const CONFLICT_RETRY_AFTER_SECONDS = 1

const UNAVAILABLE = `Service temporarily unavailable: a server it needs did not answer. Try again in ${RETRY_AFTER_SECONDS} s; a money or placement request sent again with the same Idempotency-Key is applied once.`

const CONFLICTED = `The request met another one changing the same records and was undone, nothing of it kept. Send it again in ${CONFLICT_RETRY_AFTER_SECONDS} s (a money or placement request with the same Idempotency-Key).`

const retryAfter = (req: PayloadRequest, seconds = RETRY_AFTER_SECONDS) => {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(seconds))
}

/**
 * A request cut off by a lost database (or Redis), or undone by PostgreSQL because it
 * deadlocked with another (`transientConflict`), answers 503 with Retry-After, not 500:
 * the client learns that it may try again, and whether its write happened is settled by
 * sending it again with its Idempotency-Key. Logged by Payload as the error it was.
 */
export const mapLostServers: AfterErrorHook = ({ error, graphqlResult, req }) => {
  // An answer we chose (a 502 of the card processor, a 4xx) stands; only the unplanned 500 is remapped.
  const status = (error as { status?: unknown }).status
  if (typeof status === 'number' && status !== 500) return
  const lost = lostServer(error)
  if (!lost && !transientConflict(error)) return
  retryAfter(req, lost ? RETRY_AFTER_SECONDS : CONFLICT_RETRY_AFTER_SECONDS)
  const message = lost ? UNAVAILABLE : CONFLICTED
  if (graphqlResult) return { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, name: 'ServiceUnavailable', statusCode: 503 } } }
  return { response: { errors: [{ message }] }, status: 503 }
}
