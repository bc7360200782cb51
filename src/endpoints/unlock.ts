import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { unlockByLink, unlockUser } from '@/operations/logins/unlockAccount'
import { toValidationError } from '@/operations/toValidationError'

import { readJsonBody } from './readJsonBody'
import { idParams, routeId } from './routeId'

const unlockBody = z.object({ token: z.string({ error: 'The token of the mailed unlock link.' }).min(1, { error: 'The token of the mailed unlock link.' }).max(200) })

/** POST /api/auth/unlock { token } (no login) → 200, every lockout of the link's account lifted; the link is spent. */
export const unlockByLinkEndpoint: Endpoint = documented(
  {
    path: '/auth/unlock',
    method: 'post',
    handler: async (req) => {
      const parsed = unlockBody.safeParse(await readJsonBody(req))
      if (!parsed.success) throw toValidationError(parsed.error, 'users', req)
      return Response.json(await unlockByLink(req, parsed.data.token))
    },
  },
  {
    summary: 'Unlock one’s account by the mailed link',
    description: [
      'Past the account-wide ceiling of failed logins the owner is mailed a link (`/unlock-account/<token>` on their website) valid 24 hours, once; the page posts its token here. Every lockout of the account, from every address, is lifted. Nobody signs in: the token stands for the owner.',
      '**400** naming `token` when it is missing, **404** for an unknown or expired token, **409** for a link already used, **429** with `Retry-After` past the website’s per-address login limit.',
    ].join('\n\n'),
    tags: ['auth'],
    auth: 'none',
    body: unlockBody,
    responses: { 200: z.object({ message: z.string() }) },
    errors: [400, 404, 409, 429],
  },
)

/** POST /api/users/:id/unlock (an admin of the user's website, a superadmin) → 200, every lockout of the account lifted. */
export const unlockUserEndpoint: Endpoint = documented(
  {
    path: '/:id/unlock',
    method: 'post',
    handler: async (req) => Response.json(await unlockUser(req, routeId(req))),
  },
  {
    summary: 'Lift every lockout of a user’s account',
    description: [
      'Failed logins lock one address out of one account (15 min, then 1 h, then 24 h); this lifts them all, from every address, as Payload’s own `POST /api/users/unlock { email }` does. For an admin of one of the user’s websites, or a superadmin; written to the audit trail.',
      '**401** when not logged in, **403** for anyone else who can see the user (themselves included), **404** when the caller cannot see the user.',
    ].join('\n\n'),
    auth: 'required',
    params: idParams,
    responses: { 200: z.object({ message: z.string(), user: z.number().int() }) },
    errors: [401, 403, 404],
  },
)
