import type { SanitizedConfig } from 'payload'

import { json, type JsonSchema } from './jsonSchema'
import { QUERY_PARAMETERS } from './payloadRoutes'

/** Error statuses the document knows, with what each means in this API. */
export const ERROR_STATUSES = {
  400: 'The request is malformed: `data.errors` names each field at fault (`path`, `message`).',
  401: 'Not logged in, or the token expired.',
  403: 'Logged in, but not allowed: another role, another website, or a cookie-authenticated write from an origin that is not allowed.',
  404: 'Not found, or not visible to the caller (another website’s record answers 404, not 403).',
  409: 'Conflicts with the record’s state (a workflow action in the wrong status, a record that others reference).',
  413: 'The body or upload is too large.',
  415: 'The body’s media type is not accepted (JSON routes take `application/json`).',
  422: 'Well formed, but a business rule refuses it; the message says which.',
  429: 'Too many attempts: wait as long as `Retry-After` says.',
  502: 'The payment provider did not answer as expected.',
  503: 'A dependency (database, Redis) is unavailable: retry after `Retry-After` seconds. With an `Idempotency-Key` the retry is safe.',
} as const

export type ErrorStatus = keyof typeof ERROR_STATUSES

export const errorRef = (status: ErrorStatus) => ({ $ref: `#/components/responses/Error${status}` })

const RETRY_AFTER = { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } }

/** The one error shape of every 4xx and 5xx answer (Payload's own and ours). */
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          message: { type: 'string' },
          name: { type: 'string', description: 'The error class (Payload’s `ValidationError`, `Forbidden`…).' },
          data: {
            type: 'object',
            description: 'Details; for a field error, `errors` lists each field at fault.',
            properties: {
              errors: {
                type: 'array',
                items: { type: 'object', required: ['message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
}

/**
 * The shared parts of the document: the error shape and its responses, the security
 * schemes (the cookie's name follows `config.cookiePrefix`), and the headers and query
 * parameters many routes take.
 */
export const components = (config: SanitizedConfig) => ({
  securitySchemes: {
    bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '`Authorization: Bearer <token>`, the token from `POST /api/users/login`. What a frontend on another origin uses.' },
    jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Authorization: JWT <token>` (Payload’s own spelling of the same token).' },
    cookie: {
      type: 'apiKey',
      in: 'cookie',
      name: `${config.cookiePrefix}-token`,
      description: 'Set by login (HttpOnly, SameSite=Lax): the admin panel’s session. Writes authenticated by it are refused from origins that are not allowed.',
    },
  },
  schemas: { Error: ERROR_SCHEMA },
  responses: Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, description]) => [
      `Error${status}`,
      {
        description,
        ...(status === '429' || status === '503' ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: json({ $ref: '#/components/schemas/Error' }),
      },
    ]),
  ),
  parameters: {
    ...QUERY_PARAMETERS,
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'A key of your choosing (a UUID) per intended operation: the first answer is stored and a retry with the same key gets it again (status and body, refusals included) instead of acting twice. The same key with another body is a 422.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    },
    XTenant: {
      name: 'X-Tenant',
      in: 'header',
      required: false,
      description: 'The website’s slug, when the request’s `Host` is not one of the website’s domains (a frontend or tool on another host). A matching `Host` wins.',
      schema: { type: 'string' },
    },
  },
})

/** Security requirements by a route's `auth`. */
export const securityOf = (auth: 'none' | 'optional' | 'required') => {
  const schemes = [{ bearer: [] }, { jwt: [] }, { cookie: [] }]
  if (auth === 'none') return []
  return auth === 'optional' ? [{}, ...schemes] : schemes
}
