import type { AfterErrorHook } from 'payload'

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
