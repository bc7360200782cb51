import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { registerClient, registrationInput } from '@/operations/registerClient'

import { readJsonBody } from './readJsonBody'

/**
 * POST /api/auth/register { name, email, password, referralCode? } → 201 "check your mail".
 * The answer is built from the request alone (no id): a taken email gets it too, byte
 * for byte, so it tells nobody whether the address has an account anywhere.
 */
export const registerEndpoint: Endpoint = documented(
  {
    path: '/auth/register',
    method: 'post',
    handler: async (req) => {
      const body = await readJsonBody(req)
      const input = await registerClient(req, body)
      return Response.json(
        { message: 'Registered. Check your mail to confirm your address.', doc: { email: input.email, name: input.name, roles: ['client'] } },
        { status: 201 },
      )
    },
  },
  {
    summary: 'Register as a client',
    description: [
      'Anyone creates a client account on the request’s website (by `Host`, or `X-Tenant`). The role and the website come from the server, never from the body. A welcome mail follows with a link that verifies the address (`POST /api/auth/verify-email`); log in with `POST /api/users/login` on the same website straight away. Where the website has `emailVerificationRequired` on, orders wait for the verification. With `referralCode` (another client’s code on this website) the new client is their referee: the referral is `pending` until their first order is paid and approved, or `held` for staff review when an abuse rule flags it (same address or browser as the referrer, too many referrals from one address or one referrer, monthly limits); the registration succeeds either way.',
      'An email that already has an account (on this website or any other) gets the very same answer, and no new account: the owner of the address is told by mail instead. So the answer carries no id; `doc` repeats what was sent.',
      '**400** naming each bad field (`name`, `email`, `password` of at least 10 characters, `referralCode` that no client of this website has), **403** when the website does not take registrations, **404** for an unknown website, **429** with `Retry-After` past the registration limits (per address, per email).',
    ].join('\n\n'),
    tags: ['auth'],
    auth: 'none',
    body: registrationInput,
    responses: {
      201: z.object({
        message: z.literal('Registered. Check your mail to confirm your address.'),
        doc: z.object({ email: z.string(), name: z.string(), roles: z.array(z.literal('client')) }).describe('What was sent, normalised (the email in lower case); no id.'),
      }),
    },
    errors: [400, 403, 404, 429],
  },
)
