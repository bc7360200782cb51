import type { Endpoint } from 'payload'
import { z } from 'zod'

import { docOf, documented } from '@/api/openapi/describe'
import { magicLinkRequestInput, magicLinkVerifyInput, requestMagicLink, signInWithMagicLink } from '@/operations/logins/magicLink'

import { readJsonBody } from './readJsonBody'

const SWITCH_NOTE = 'Only where the website’s admin switched magic links on (`settings.features.magicLinkEnabled`, off by default): elsewhere **403**, the same for every email.'

/** POST /api/auth/magic-link { email } → 200 with the same answer for every email (issue 16). */
export const magicLinkRequestEndpoint: Endpoint = documented(
  {
    path: '/auth/magic-link',
    method: 'post',
    handler: async (req) => Response.json(await requestMagicLink(req, await readJsonBody(req))),
  },
  {
    summary: 'Mail me a sign-in link',
    description: [
      'Mails a link that signs in once, within 15 minutes, without a password, to a client or writer of the request’s website (by `Host`, or `X-Tenant`) who may log in there and is not suspended. Staff and content editors never get one: they sign in with their password and, where required, a second factor. The frontend’s page at the link posts its token to `POST /api/auth/magic-link/verify`.',
      'The answer is the same for every email — an account of this website, an unknown email, a staff member, another website’s client — so it tells nobody whether an account exists or which kind; only the mailbox learns.',
      SWITCH_NOTE,
      '**400** naming `email` when it is not an email address, **404** for an unknown website, **429** with `Retry-After` past the limits (per address, per email; `settings.rateLimits.magicLinkPerIpPerHour`, `magicLinkPerEmailPerHour`).',
    ].join('\n\n'),
    tags: ['auth'],
    auth: 'none',
    body: magicLinkRequestInput,
    responses: { 200: z.object({ message: z.string() }) },
    errors: [400, 403, 404, 429],
  },
)

/** POST /api/auth/magic-link/verify { token } → Payload's login answer and cookie, once per link. */
export const magicLinkVerifyEndpoint: Endpoint = documented(
  {
    path: '/auth/magic-link/verify',
    method: 'post',
    handler: async (req) => {
      const { cookie, exp, token, user } = await signInWithMagicLink(req, await readJsonBody(req))
      return Response.json({ message: req.t('authentication:passed'), token, user, exp }, { headers: { 'Set-Cookie': cookie } })
    },
  },
  {
    summary: 'Sign in with a mailed link',
    description: [
      'Signs in the account a link from `POST /api/auth/magic-link` was mailed to, on the website it was mailed for: the same answer and login cookie as `POST /api/users/login`, and the same kind of session (listed by `GET /api/users/sessions`, ended by a logout). The link is used up: it signs in once.',
      SWITCH_NOTE,
      '**400** naming `token` — one answer for a link already used, expired, of another website or never issued, and for an account that may no longer sign in by link: ask for a new one. **404** for an unknown website.',
    ].join('\n\n'),
    tags: ['auth'],
    auth: 'none',
    body: magicLinkVerifyInput,
    responses: {
      200: z.object({
        message: z.string(),
        token: z.string().describe('The JWT; also set as the HTTP-only login cookie.'),
        user: docOf('users'),
        exp: z.number().int().describe('When the token expires (seconds since the epoch).'),
      }),
    },
    errors: [400, 403, 404],
  },
)

export const magicLinkEndpoints: Endpoint[] = [magicLinkRequestEndpoint, magicLinkVerifyEndpoint]
