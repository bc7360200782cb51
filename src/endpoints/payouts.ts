import type { Endpoint } from 'payload'
import { z } from 'zod'

import { docOf, documented } from '@/api/openapi/describe'
import { requestPayout } from '@/operations/payouts/requests'

import { aliasDoc } from './aliasDoc'
import { moneyPost } from './moneyPost'
import { actionAlias, workflowEndpoints } from './workflowActions'

const newRequest = z.object({ amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.') })

/** POST /api/payout-requests `{ amount }` (a writer of the request's website) → 201 `{ request }`; more than available → 422 with `shortfall`. */
const createRequestEndpoint = moneyPost('/', 'payout-requests', newRequest, () => 'payout-requests.create', async (req, input) => ({ status: 201, body: { request: await requestPayout(req, input.amount) } }), {
  summary: 'Ask to be paid out',
  description: [
    'A writer of the request’s website asks to be paid `amount` cents of their writer wallet’s available balance: the amount is held until an admin approves (it leaves the wallet) or rejects the request (it is released), or the request expires.',
    '**422** with `data.shortfall` for more than is available, **409** when the writer already has as many pending requests as the website allows, **403** for anyone but a writer, **404** when the caller is not a member of the request’s website. Send `Idempotency-Key`: a retry answers the first result.',
  ].join('\n\n'),
  responses: { 201: z.object({ request: docOf('payout-requests') }) },
  errors: [400, 401, 403, 404, 409, 422],
})

/**
 * Payout records: the actions contract, and `POST /:id/pay` `{ method, externalReference }`
 * (admins of the record's website) → `{ record }` as before.
 */
export const payoutRecordEndpoints: Endpoint[] = [
  ...workflowEndpoints('payout-records'),
  documented(
    actionAlias('payout-records', 'pay', 'pay', ({ doc }) => ({ record: doc })),
    aliasDoc('payout-records', 'pay', {
      summary: 'Mark a payout record paid',
      description:
        'An admin of the record’s website says how the writer was paid outside the platform (`method`, `externalReference`): the record becomes `paid`, once. The `pay` action of `POST /api/payout-records/{id}/actions/{action}`. **409** unless it is pending.',
      responses: { 200: z.object({ record: docOf('payout-records') }) },
    }),
  ),
]

/**
 * Payout requests: `POST /` (writers), the actions contract, and `POST /:id/approve`
 * `{ method, externalReference }` / `POST /:id/reject` `{ reason }` (admins) → `{ request }`.
 */
export const payoutRequestEndpoints: Endpoint[] = [
  createRequestEndpoint,
  ...workflowEndpoints('payout-requests'),
  documented(
    actionAlias('payout-requests', 'approve', 'approve', ({ doc }) => ({ request: doc })),
    aliasDoc('payout-requests', 'approve', {
      summary: 'Approve a payout request',
      description:
        'An admin of the request’s website approves a pending request and says how the writer was paid outside the platform (`method`, `externalReference`): the held amount leaves the writer’s wallet. The `approve` action. **409** unless it is pending.',
      responses: { 200: z.object({ request: docOf('payout-requests') }) },
    }),
  ),
  documented(
    actionAlias('payout-requests', 'reject', 'reject', ({ doc }) => ({ request: doc })),
    aliasDoc('payout-requests', 'reject', {
      summary: 'Reject a payout request',
      description:
        'An admin of the request’s website rejects a pending request with a reason: the held amount is released to the writer’s available balance. The `reject` action. **409** unless it is pending.',
      responses: { 200: z.object({ request: docOf('payout-requests') }) },
    }),
  ),
]
