import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { IMPERSONATION_MINUTES, IMPERSONATION_REASON } from '@/domain/sessions/impersonation'
import { activeImpersonations, startImpersonation, stopImpersonation } from '@/operations/sessions/impersonation'
import { toValidationError } from '@/operations/toValidationError'

import { readJsonBody } from './readJsonBody'

const { min, max } = IMPERSONATION_REASON
const reasonRule = `Required: say why, ${min}–${max} characters.`

const startBody = z
  .object({
    user: schemas.id.describe('The person to act as.'),
    reason: z.string({ error: reasonRule }).trim().min(min, reasonRule).max(max, reasonRule).describe('Why (kept with the session and in the audit trail).'),
  }, { error: 'An object: { user, reason }.' })
  .strict()

const stopBody = z
  .object({ session: z.string().uuid({ error: 'an impersonation session’s id.' }).optional().describe('With the staff member’s own token: the impersonation to stop (all of theirs when absent).') }, { error: 'An object: { session? }.' })
  .strict()

const PERSON = z.object({ id: z.number().int(), email: z.string(), name: z.string() })

const parsed = async <S extends z.ZodType>(req: Parameters<Endpoint['handler']>[0], schema: S): Promise<z.infer<S>> => {
  const result = schema.safeParse(await readJsonBody(req))
  if (!result.success) throw toValidationError(result.error, 'users', req)
  return result.data
}

/** POST /api/impersonation, POST /api/impersonation/stop, GET /api/impersonation/active (issue 16). */
export const impersonationEndpoints: Endpoint[] = [
  documented(
    { path: '/impersonation', method: 'post', handler: async (req) => Response.json(await startImpersonation(req, await parsed(req, startBody)), { status: 201 }) },
    {
      summary: 'Act as a person (impersonation)',
      description: [
        `An admin acts as a client or writer of their websites, a superadmin as anyone but another superadmin; never as themself, never as a suspended person or one of an inactive website, never from an impersonation. A reason is required. Answers a token of a new session of the person's that lasts ${IMPERSONATION_MINUTES} minutes at most, and \`portalUrl\`: the person's website's portal (its first domain) with the token in the fragment (\`#token=…\`, which never reaches a server's log; the portal takes it from there and removes it from the address bar). The staff member's own session is untouched; no cookie is set.`,
        'Every request of the session is in the audit trail with both users; refused during it (403 "not while impersonating"): refunds, payouts and payout requests, wallet adjustments, tips, wallet payments and top-ups, changes of email, password, roles, websites or second factor, and signing the person out (logout-all, revoking sessions). The person is not notified; the start and stop are in their activity.',
        '**400** naming `user` or `reason`, **403** for a person outside the rules, **404** for no such person, **422** for a suspended person or an inactive website.',
      ].join('\n\n'),
      tags: ['auth'],
      auth: 'required',
      body: startBody,
      responses: {
        201: z.object({
          token: z.string().describe('The impersonation session’s token (`Authorization: JWT <token>`).'),
          portalUrl: z.string().nullable().describe('`https://<website domain>/#token=<token>`; null for a person without a website.'),
          expiresAt: schemas.isoDate,
          session: z.string().describe('The session’s id, for `POST /api/impersonation/stop`.'),
          user: PERSON,
        }),
      },
      errors: [400, 401, 403, 404, 422],
    },
  ),
  documented(
    { path: '/impersonation/stop', method: 'post', handler: async (req) => Response.json(await stopImpersonation(req, await parsed(req, stopBody))) },
    {
      summary: 'Stop an impersonation',
      description: 'With the impersonation’s token: ends it. With the staff member’s own token: ends the one named by `session`, or every impersonation of theirs still open. The token is refused from the next request on; the stop is in the audit trail. **404** naming `session` when it is not an open impersonation of the caller’s.',
      tags: ['auth'],
      auth: 'required',
      body: stopBody,
      responses: { 200: z.object({ stopped: z.number().int().min(0) }) },
      errors: [400, 401, 404],
    },
  ),
  documented(
    { path: '/impersonation/active', method: 'get', handler: async (req) => Response.json({ impersonations: await activeImpersonations(req) }) },
    {
      summary: 'My impersonations still running',
      description: 'The caller’s impersonation sessions that still let their token in, newest first: the admin panel’s banner with “stop”.',
      tags: ['auth'],
      auth: 'required',
      responses: {
        200: z.object({
          impersonations: z.array(z.object({ session: z.string(), user: PERSON, reason: z.string().nullable(), startedAt: schemas.isoDate, expiresAt: schemas.isoDate })),
        }),
      },
      errors: [401],
    },
  ),
]
