import type { Endpoint } from 'payload'
import { z } from 'zod'

import { docOf, documented, schemas } from '@/api/openapi/describe'
import { adjustPoints } from '@/operations/loyalty/adjust'
import { convertLoyaltyPoints } from '@/operations/loyalty/convert'
import { myLoyalty } from '@/operations/loyalty/me'
import { redeemReward } from '@/operations/loyalty/redemptions'

import { moneyPost } from './moneyPost'

const tier = z.object({ name: z.string(), threshold: z.number().int(), discountPercent: z.number(), perks: z.string() })

const statement = z.object({
  points: z.number().int(),
  tier: tier.nullable().describe('The highest tier whose threshold the points reach; null below every tier.'),
  nextTier: tier.nullable(),
  pointsToNextTier: z.number().int().nullable(),
  transactions: z
    .array(z.object({ id: z.number().int(), kind: z.string(), points: z.number().int().describe('Signed.'), balanceAfter: z.number().int(), reason: z.string(), order: z.number().int().nullable(), at: z.string() }))
    .max(20)
    .describe('The latest 20, newest first.'),
})

/** GET /api/loyalty/me → the caller's points, tier, next tier and latest transactions on the request's website. */
export const loyaltyMeEndpoint: Endpoint = documented(
  { path: '/loyalty/me', method: 'get', handler: async (req) => Response.json(await myLoyalty(req)) },
  {
    summary: 'My loyalty points',
    description: [
      'A client’s points on the request’s website (the sum of their loyalty transactions), their tier and the next one with the points it still needs, and their latest 20 transactions. No points yet reads as 0.',
      '**403** for anyone but a client, **404** when the caller is not a member of the request’s website.',
    ].join('\n\n'),
    tags: ['loyalty'],
    auth: 'required',
    responses: { 200: statement },
    errors: [401, 403, 404],
  },
)

const conversion = z.object({ points: z.number({ error: 'A whole number of points.' }).int('A whole number of points.').positive('More than 0.') })

/** POST /api/loyalty/convert `{ points }` (clients; Idempotency-Key honoured) → `{ credited, points }`. */
export const loyaltyConvertEndpoint = moneyPost(
  '/loyalty/convert',
  'loyalty-transactions',
  conversion,
  () => 'loyalty.convert',
  async (req, input) => ({ status: 201, body: await convertLoyaltyPoints(req, input.points) }),
  {
    summary: 'Convert points to wallet credit',
    description: [
      'A client of the request’s website converts `points` into wallet credit at the website’s rate, as one transaction: the points leave their loyalty balance and a journal entry credits their wallet. Answers the credit given (`credited`, minor units) and the points left.',
      '**422** naming `points` with `data.rule`: `minimum` (fewer than the website’s minimum), `multiple` (not a multiple of it), `maximum` (more credit than one conversion gives), `insufficient_points`, `conversion_off`, `wallet_off` (the website does not offer a wallet: `features.allowWallet`). **403** for anyone but a client, **404** when the caller is not a member of the request’s website. Send `Idempotency-Key`: a retry answers the first result.',
    ].join('\n\n'),
    tags: ['loyalty'],
    responses: { 201: z.object({ credited: z.number().int(), points: z.number().int() }) },
    errors: [400, 401, 403, 404, 409, 422],
  },
)

const redemption = z.object({ reward: schemas.id.describe('A reward of the website’s catalogue (`/api/loyalty-rewards`).') })

/** POST /api/loyalty/redeem `{ reward }` (clients; Idempotency-Key honoured) → `{ redemption }`, pending for staff. */
export const loyaltyRedeemEndpoint = moneyPost(
  '/loyalty/redeem',
  'loyalty-redemptions',
  redemption,
  () => 'loyalty.redeem',
  async (req, input) => ({ status: 201, body: { redemption: await redeemReward(req, input.reward) } }),
  {
    summary: 'Redeem points for a reward',
    description: [
      'A client of the request’s website spends the reward’s points on it: the points leave their balance once, now (approval and fulfilment take nothing more), one unit of its stock is taken, and the redemption waits for staff (`/api/loyalty-redemptions/{id}/actions`: approve, fulfil, reject; the client may cancel it while pending, which gives the points back). A discount code reward is issued, for the client alone, when it is fulfilled.',
      '**422** with `data.rule`: `unknown_reward`, `inactive`, `out_of_stock`, `per_client_limit` (naming `reward`) or `insufficient_points` (naming `points`). **403** for anyone but a client, **404** when the caller is not a member of the request’s website. Send `Idempotency-Key`: a retry answers the first result.',
    ].join('\n\n'),
    tags: ['loyalty'],
    responses: { 201: z.object({ redemption: docOf('loyalty-redemptions') }) },
    errors: [400, 401, 403, 404, 409, 422],
  },
)

const adjustment = z.object({
  client: schemas.id.describe('A client of the request’s website.'),
  points: z.number({ error: 'A whole number of points.' }).int('A whole number of points.').refine((n) => n !== 0, 'Not 0.').describe('Positive gives, negative takes.'),
  reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(400),
})

/** POST /api/loyalty/adjust `{ client, points, reason }` (admins; Idempotency-Key honoured) → `{ transaction, points }`. */
export const loyaltyAdjustEndpoint = moneyPost(
  '/loyalty/adjust',
  'loyalty-transactions',
  adjustment,
  () => 'loyalty.adjust',
  async (req, input) => ({ status: 201, body: await adjustPoints(req, input) }),
  {
    summary: 'Give or take a client’s points',
    description: [
      'An admin of the request’s website gives (`points` > 0) or takes (`points` < 0) a client’s points with a reason, as an `admin` loyalty transaction. Answers the transaction and the client’s points after it.',
      '**422** naming `points` (`data.rule` `insufficient_points`) when taking more than the client has, naming `client` when the person is not a client of the website; **403** for anyone but an admin. Send `Idempotency-Key`: a retry answers the first result.',
    ].join('\n\n'),
    tags: ['loyalty'],
    responses: { 201: z.object({ transaction: docOf('loyalty-transactions'), points: z.number().int() }) },
    errors: [400, 401, 403, 404, 409, 422],
  },
)

export const loyaltyEndpoints: Endpoint[] = [loyaltyMeEndpoint, loyaltyConvertEndpoint, loyaltyRedeemEndpoint, loyaltyAdjustEndpoint]
