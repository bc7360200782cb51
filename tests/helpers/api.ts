import { handleEndpoints, type Payload } from 'payload'

import { graphqlPost } from '../../src/api/graphql/route'
import { CLIENT_ADDRESS_HEADER } from '../../src/security/clientAddress'

import { contractOf } from './apiContract'

export type ApiOptions = {
  /** Host header; a demo website's domain binds the request to it. */
  host?: string
  token?: string
  /** The client's address, as the HTTP server would hand it to Payload (unset: 'unknown'). */
  address?: string
  headers?: Record<string, string>
  body?: unknown
  /**
   * Skip the check of the answer against the API document, for the rare test that
   * provokes an answer on purpose which the document does not promise. Say why beside it.
   */
  unchecked?: true
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

const buildRequest = (method: string, url: string, options: ApiOptions): Request => {
  const host = options.host ?? 'localhost'
  const headers: Record<string, string> = { host, ...options.headers }
  if (options.token) headers.authorization = `JWT ${options.token}`
  if (options.address) headers[CLIENT_ADDRESS_HEADER] = options.address
  let body: string | FormData | undefined
  if (options.body instanceof FormData) {
    body = options.body // fetch sets the multipart boundary
  } else if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json'
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
  }
  return new Request(`http://${host}${url}`, { method, headers, body })
}

const read = async (response: Response): Promise<ApiResponse> => {
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers }
}

export type CreateApiOptions = {
  /**
   * Check every answer against the OpenAPI document (status, path, method → schema):
   * on by default, so a route without documentation, an undocumented status or an answer
   * of another shape fails the test that meets it.
   */
  validate?: boolean
}

/**
 * Calls Payload's REST and GraphQL handlers in-process with real Request objects:
 * the same code paths as the HTTP server, without a port. Every answer is checked
 * against the API document unless the client or the call opts out.
 */
export const createApi = (payload: Payload, { validate = true }: CreateApiOptions = {}) => {
  const graphql = graphqlPost(payload.config)
  const checked = (method: string, url: string, options: ApiOptions, answer: ApiResponse): ApiResponse => {
    if (validate && !options.unchecked) contractOf(payload.config).check({ method, url, status: answer.status, body: answer.body, contentType: answer.headers.get('content-type') })
    return answer
  }
  const rest = async (method: string, url: string, options: ApiOptions = {}): Promise<ApiResponse> =>
    checked(method, url, options, await read(await handleEndpoints({ config: Promise.resolve(payload.config), request: buildRequest(method, url, options) })))

  return {
    get: (url: string, options?: ApiOptions) => rest('GET', url, options),
    /** The raw Response (for binary answers such as PDFs); its status is checked against the document, its body is the caller's. */
    raw: async (method: string, url: string, options: ApiOptions = {}) => {
      const response = await handleEndpoints({ config: Promise.resolve(payload.config), request: buildRequest(method, url, options) })
      const type = response.headers.get('content-type')
      // A JSON answer (an error) is read from a copy, so the caller can still read the body.
      const body = type?.includes('json') ? ((await read(response.clone())).body as unknown) : undefined
      if (validate && !options.unchecked) contractOf(payload.config).check({ method, url, status: response.status, body, contentType: type })
      return response
    },
    post: (url: string, options?: ApiOptions) => rest('POST', url, options),
    patch: (url: string, options?: ApiOptions) => rest('PATCH', url, options),
    delete: (url: string, options?: ApiOptions) => rest('DELETE', url, options),
    graphql: async (query: string, options: ApiOptions & { variables?: Record<string, unknown> } = {}) =>
      checked('POST', '/api/graphql', options, await read(await graphql(buildRequest('POST', '/api/graphql', { ...options, body: { query, variables: options.variables } })))),
    /** A GraphQL request with the body exactly as given (malformed JSON, oversized bodies). */
    graphqlRaw: async (body: string, options: ApiOptions = {}) => checked('POST', '/api/graphql', options, await read(await graphql(buildRequest('POST', '/api/graphql', { ...options, body })))),
    /** Logs in through REST and returns the token (throws with the answer when refused). */
    login: async (email: string, password: string, options: ApiOptions = {}): Promise<string> => {
      const res = await rest('POST', '/api/users/login', { ...options, body: { email, password } })
      if (res.status !== 200 || !res.body?.token) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.token as string
    },
  }
}

export type Api = ReturnType<typeof createApi>
