import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { registerClient, registrationInput } from '@/operations/registerClient'

import { readJsonBody } from './readJsonBody'

/** POST /api/auth/register { name, email, password, referralCode? } → 201 with the new client. */
export const registerEndpoint: Endpoint = documented(
  {
    path: '/auth/register',
    method: 'post',
    handler: async (req) => {
      const body = await readJsonBody(req)
      const user = await registerClient(req, body)
      return Response.json(
        {
          message: 'Registered.',
          doc: { id: user.id, email: user.email, name: user.name, roles: user.roles },
        },
        { status: 201 },
      )
    },
  },
  {
    summary: 'Register as a client',
    description: [
      'Anyone creates a client account on the request’s website (by `Host`, or `X-Tenant`). The role and the website come from the server, never from the body. A welcome mail follows; log in with `POST /api/users/login` on the same website. With `referralCode` (another client’s code on this website) the new client is their referee: the referral is `pending` until their first order is paid and approved, or `held` for staff review when an abuse rule flags it (same address or browser as the referrer, too many referrals from one address or one referrer, monthly limits); the registration succeeds either way.',
      '**400** naming each bad field (`name`, `email`, `password` of at least 10 characters, `referralCode` that no client of this website has), **403** when the website does not take registrations, **404** for an unknown website, **409** naming `email` when it is taken, **429** with `Retry-After` past the registration limits (per address, per email).',
    ].join('\n\n'),
    tags: ['auth'],
    auth: 'none',
    body: registrationInput,
    responses: {
      201: z.object({
        message: z.literal('Registered.'),
        doc: z.object({ id: z.number().int(), email: z.string(), name: z.string(), roles: z.array(z.literal('client')) }),
      }),
    },
    errors: [400, 403, 404, 409, 429],
  },
)
