import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { documented, type RouteDoc } from '@/api/openapi/describe'
import { confirmEmailChange, emailTokenInput, resendVerification, verifyEmail } from '@/operations/accounts/emailAddress'
import type { User } from '@/payload-types'

import { readJsonBody } from './readJsonBody'

const account = z.object({ id: z.number().int(), email: z.string(), emailVerifiedAt: z.string() })

/** A public POST redeeming a mailed link `{ token }`: answers `{ message, doc }` with the account as it now is. */
const linkEndpoint = (path: string, redeem: (req: PayloadRequest, body: unknown) => Promise<User>, message: string, doc: Omit<RouteDoc, 'tags' | 'auth' | 'body' | 'responses'>): Endpoint =>
  documented(
    {
      path,
      method: 'post',
      handler: async (req) => {
        const user = await redeem(req, await readJsonBody(req))
        return Response.json({ message, doc: { id: user.id, email: user.email, emailVerifiedAt: user.emailVerifiedAt } })
      },
    },
    { ...doc, tags: ['auth'], auth: 'none', body: emailTokenInput, responses: { 200: z.object({ message: z.literal(message), doc: account }) } },
  )

/** POST /api/auth/verify-email { token } → 200 with the verified address. */
export const verifyEmailEndpoint = linkEndpoint('/auth/verify-email', verifyEmail, 'Email verified.', {
  summary: 'Verify an email address',
  description: [
    'The token of the link mailed at registration (or by `POST /api/auth/verify-email/resend`) proves the address: `emailVerifiedAt` is set, and the client may place orders where the website has `emailVerificationRequired` on. No sign-in needed: the link stands on its token. A link works once and for 48 hours; a newer link replaces it.',
    '**400** naming `token` when it is missing, used, replaced or expired.',
  ].join('\n\n'),
  errors: [400],
})

/** POST /api/auth/verify-email/resend (signed in) → 200; at most 3 an hour. */
export const resendVerificationEndpoint: Endpoint = documented(
  {
    path: '/auth/verify-email/resend',
    method: 'post',
    handler: async (req) => {
      await resendVerification(req)
      return Response.json({ message: 'A new link is on its way.' })
    },
  },
  {
    summary: 'Send the verification link again',
    description: [
      'Mails the signed-in user a new link verifying their address; earlier links (and a pending email change’s link) stop working.',
      '**401** when not signed in, **404** when the caller is not a member of the request’s website, **409** naming `emailVerifiedAt` when the address is verified already, **429** with `Retry-After` past 3 an hour.',
    ].join('\n\n'),
    tags: ['auth'],
    auth: 'required',
    responses: { 200: z.object({ message: z.literal('A new link is on its way.') }) },
    errors: [401, 404, 409, 429],
  },
)

/** POST /api/auth/confirm-email-change { token } → 200 with the new address. */
export const confirmEmailChangeEndpoint = linkEndpoint('/auth/confirm-email-change', confirmEmailChange, 'Email changed.', {
  summary: 'Confirm a new email address',
  description: [
    'A user who changes their own `email` (`PATCH /api/users/:id`, GraphQL, the admin’s account view) does not change it yet: it waits in `pendingEmail`, a link goes to the new address and a notice to the old one. The link’s token, sent here, applies it (and counts it verified). An admin changing someone else’s email applies it at once.',
    '**400** naming `token` when it is missing, used, replaced or expired; **409** naming `email` when another account took the address meanwhile.',
  ].join('\n\n'),
  errors: [400, 409],
})

export const emailAddressEndpoints = [verifyEmailEndpoint, resendVerificationEndpoint, confirmEmailChangeEndpoint]
