import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { documentRefusal } from './documentChecks'
import { GRAPHQL_LIMITS } from './limits'

const GRAPHQL_RESPONSE = 'application/graphql-response+json'

const errorResponse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** The body as text, or null once it passes `max` bytes (chunked bodies carry no length). */
const readCapped = async (request: Request, max: number): Promise<string | null> => {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** GraphQL's spelling suggestions name fields and types: a schema leak when introspection is off. */
const withoutSuggestions = (message: unknown) => (typeof message === 'string' ? message.replace(/\s*Did you mean [^?]*\?/g, '') : message)

/**
 * Payload's GraphQL route with the edges a public API needs: a body cap (413), malformed
 * JSON as a 400 (Payload throws it past its handler, a 500), documents refused by
 * validation — GraphQL's own rules and the limits of ./limits.ts — answered 400 without
 * spelling suggestions. Validation errors come back as 400 only under the GraphQL
 * response media type, so the request asks for it and the answer is relabelled JSON for
 * clients that asked for JSON.
 */
export const graphqlPost = (config: Promise<SanitizedConfig> | SanitizedConfig) => {
  const payloadPost = GRAPHQL_POST(config instanceof Promise ? config : Promise.resolve(config))
  return async (request: Request): Promise<Response> => {
    const declared = Number(request.headers.get('content-length') ?? 0)
    if (declared > GRAPHQL_LIMITS.maxBodyBytes) return errorResponse(413, `At most ${GRAPHQL_LIMITS.maxBodyBytes} bytes in one GraphQL request.`)
    const body = await readCapped(request, GRAPHQL_LIMITS.maxBodyBytes)
    if (body === null) return errorResponse(413, `At most ${GRAPHQL_LIMITS.maxBodyBytes} bytes in one GraphQL request.`)
    const contentType = request.headers.get('content-type') ?? ''
    let query: unknown = contentType.includes('application/graphql') ? body : undefined
    if (contentType.includes('json')) {
      try {
        query = (JSON.parse(body || '{}') as { query?: unknown } | null)?.query
      } catch {
        return errorResponse(400, 'The request body is not valid JSON.')
      }
    }
    const refusal = documentRefusal(query)
    if (refusal) return errorResponse(400, refusal)
    const wantsGraphqlResponse = (request.headers.get('accept') ?? '').includes(GRAPHQL_RESPONSE)
    const headers = new Headers(request.headers)
    headers.set('accept', GRAPHQL_RESPONSE)
    headers.delete('content-length')
    let response: Response
    try {
      response = await payloadPost(new Request(request.url, { method: request.method, headers, body: body || undefined, signal: request.signal }))
    } catch (error) {
      const status = (error as { status?: unknown }).status
      if (typeof status === 'number' && status >= 400 && status < 500) return errorResponse(status, (error as Error).message)
      throw error
    }
    const out = new Headers(response.headers)
    if (!wantsGraphqlResponse && (out.get('content-type') ?? '').includes(GRAPHQL_RESPONSE)) out.set('content-type', 'application/json; charset=utf-8')
    if (response.status !== 400) return new Response(response.body, { status: response.status, headers: out })
    const refused = (await response.json()) as { errors?: { message?: unknown }[] }
    const errors = (refused.errors ?? []).map((error) => ({ ...error, message: withoutSuggestions(error.message) }))
    out.delete('content-length')
    return new Response(JSON.stringify({ ...refused, errors }), { status: 400, headers: out })
  }
}
