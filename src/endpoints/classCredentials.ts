import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { REASON_MAX, REASON_MIN, WRITER_READABLE_STATUSES } from '@/domain/credentials/access'
import { portalCredentials } from '@/domain/credentials/plaintext'
import { CREDENTIAL_VIEW_LIMIT } from '@/domain/credentials/viewLimit'
import { answerHeader, reasonOf, removeCredentials, storeCredentials, viewCredentials } from '@/operations/credentials/classCredentials'
import { toValidationError } from '@/operations/toValidationError'

import { parseQuery } from './parseQuery'
import { readJsonBody } from './readJsonBody'
import { idParams, routeId } from './routeId'

/** `/api/class-orders/:id/credentials` (issue 17): a class's portal credentials, sealed at rest, every read logged. */

const storeBody = portalCredentials.extend({
  twoFactorWindow: z.string().trim().max(500, 'At most 500 characters.').nullable().optional().describe('When the client can pass on a two-factor code (weekdays, hours, time zone). Not secret.'),
})

const reasonQuery = z.object({
  reason: z.string().max(REASON_MAX, `At most ${REASON_MAX} characters.`).optional().describe(`Why staff open them (${REASON_MIN}–${REASON_MAX} characters); or the \`X-Access-Reason\` header.`),
})

const answer = z.object({
  classOrder: z.number().int(),
  stored: z.boolean().describe('Whether credentials are stored for the class.'),
  keyId: z.string().nullable().describe('The CREDENTIALS_KEY key they are sealed with.'),
  twoFactorWindow: z.string().nullable(),
  updatedAt: schemas.isoDate.nullable(),
  credentials: portalCredentials.nullable().describe('The plaintext: only for the assigned writer and for admins and support with a reason; null for the client.'),
})

/** Never cached by a browser or a proxy: the answer may hold a password. */
const noStore = (req: PayloadRequest) => answerHeader(req, 'Cache-Control', 'no-store')

const WHO_READS = `The plaintext goes to the class’s **assigned writer** while the class is ${WRITER_READABLE_STATUSES.join(', ')} (**409** otherwise: before it is staffed, while paused for an unpaid installment, once it is over), and to the website’s **admins and support** (and superadmins) who give a reason (\`?reason=\` or the \`X-Access-Reason\` header, ${REASON_MIN}–${REASON_MAX} characters; without one **400** naming \`reason\`). The class’s **client** gets \`stored\`, \`updatedAt\` and \`credentials: null\` (the password is never shown back; this check is not logged). Anyone else who can see the class gets **403**; who cannot see it (another website, another client’s class, a class not assigned to them) **404**.`

const LOGGED = `Every attempt of someone who can see the class (granted, refused, throttled) is written to the access log (\`class-access-views\`) and the audit trail (\`credentials.view\`), never the secret. At most ${CREDENTIAL_VIEW_LIMIT.points} attempts a minute per viewer and class: the next is **429** with \`Retry-After\`. Answers carry \`Cache-Control: no-store\`.`

export const viewCredentialsEndpoint: Endpoint = documented(
  {
    path: '/:id/credentials',
    method: 'get',
    handler: async (req) => {
      noStore(req)
      const id = routeId(req)
      const { reason } = parseQuery(req, reasonQuery)
      return Response.json(await viewCredentials(req, id, reasonOf(req, reason)))
    },
  },
  {
    summary: 'Read a class’s portal credentials',
    description: [WHO_READS, LOGGED, '**404** too when nothing is stored (logged as refused for those who may read).'].join('\n\n'),
    auth: 'required',
    params: idParams,
    query: reasonQuery,
    responses: { 200: answer },
    errors: [400, 401, 403, 404, 409, 429],
  },
)

export const storeCredentialsEndpoint: Endpoint = documented(
  {
    path: '/:id/credentials',
    method: 'put',
    handler: async (req) => {
      noStore(req)
      const id = routeId(req)
      const { reason } = parseQuery(req, reasonQuery)
      const parsed = storeBody.safeParse(await readJsonBody(req))
      if (!parsed.success) throw toValidationError(parsed.error, 'class-access', req)
      const stored = await storeCredentials(req, id, parsed.data, reasonOf(req, reason))
      return Response.json(stored.answer, { status: stored.created ? 201 : 200 })
    },
  },
  {
    summary: 'Store or replace a class’s portal credentials',
    description: [
      'The class’s **client** (or an admin or support of the website, with a reason as for reading) stores the login the writer will use: sealed with AES-256-GCM under the current `CREDENTIALS_KEY` key, username, password, portal address and notes alike. **201** the first time, **200** when they replace what was stored. The answer never holds the secret back.',
      '**400** naming each bad field (unknown fields too), **403** for anyone else who can see the class (its writer included), **404** for who cannot, **409** once the class is completed, cancelled or archived. Answers carry `Cache-Control: no-store`.',
    ].join('\n\n'),
    auth: 'required',
    params: idParams,
    query: reasonQuery,
    body: storeBody,
    responses: { 200: answer, 201: answer },
    errors: [400, 401, 403, 404, 409, 415],
  },
)

export const removeCredentialsEndpoint: Endpoint = documented(
  {
    path: '/:id/credentials',
    method: 'delete',
    handler: async (req) => {
      noStore(req)
      const id = routeId(req)
      await removeCredentials(req, id)
      return Response.json({ message: 'Removed.', classOrder: id })
    },
  },
  {
    summary: 'Remove a class’s portal credentials',
    description: 'The class’s **client** or an **admin** of the website removes them (the row is deleted, the audit trail keeps that it was). **403** for anyone else who can see the class, **404** for who cannot or when nothing is stored.',
    auth: 'required',
    params: idParams,
    responses: { 200: z.object({ message: z.literal('Removed.'), classOrder: z.number().int() }) },
    errors: [401, 403, 404],
  },
)

/** Appended to the class-orders collection's `endpoints`. */
export const classCredentialEndpoints: Endpoint[] = [viewCredentialsEndpoint, storeCredentialsEndpoint, removeCredentialsEndpoint]
