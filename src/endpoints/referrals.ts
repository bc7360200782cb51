import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { REFERRAL_STATUSES } from '@/domain/referrals/workflow'
import { myReferrals } from '@/operations/referrals/me'

import { workflowEndpoints } from './workflowActions'

/** What a referrer reads of their referrals. */
export const myReferralsAnswer = z.object({
  code: z.string().describe('The client’s referral code (given on first need).'),
  link: z.string().describe('`https://<website domain>/register?ref=<code>`: the registration link to share.'),
  referrals: z
    .array(
      z.object({
        status: z.enum(REFERRAL_STATUSES),
        reward: z.object({ walletCents: schemas.minor, points: z.number().int() }).nullable().describe('What the referral paid the caller; null until rewarded.'),
        createdAt: schemas.isoDate,
        referee: z.string().describe('The referee’s first name, or their email with its local part masked.'),
      }),
    )
    .max(100),
})

/** GET /api/referrals/me (a client of the request's website) → `{ code, link, referrals }`. */
const myReferralsEndpoint: Endpoint = documented(
  { path: '/me', method: 'get', handler: async (req) => Response.json(await myReferrals(req)) },
  {
    summary: 'My referral code and referrals',
    description: [
      'A client of the request’s website reads their referral code (given on first need), the registration link to share (`https://<website domain>/register?ref=<code>`, on the domain the request came by; the frontend passes the code as `referralCode` to `POST /api/auth/register`) and their latest 100 referrals: status (`pending` until the referee’s first order is paid and approved, `held` while staff review it, `rewarded`, `voided`), what it paid them, and the referee by first name or masked email.',
      '**403** for anyone but a client, **404** when the caller is not a member of the request’s website.',
    ].join('\n\n'),
    auth: 'required',
    responses: { 200: myReferralsAnswer },
    errors: [401, 403, 404],
  },
)

/** Referrals: the caller's own (`/me`) and the staff's review actions (release, void). */
export const referralEndpoints: Endpoint[] = [myReferralsEndpoint, ...workflowEndpoints('referrals')]
