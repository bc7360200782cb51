import type { Endpoint } from 'payload'
import { z } from 'zod'

import { requestPayout } from '@/operations/payouts/requests'

import { moneyPost } from './moneyPost'
import { actionAlias, workflowEndpoints } from './workflowActions'

const newRequest = z.object({ amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.') })

/** POST /api/payout-requests `{ amount }` (a writer of the request's website) → 201 `{ request }`; more than available → 422 with `shortfall`. */
const createRequestEndpoint = moneyPost('/', 'payout-requests', newRequest, () => 'payout-requests.create', async (req, input) => ({ status: 201, body: { request: await requestPayout(req, input.amount) } }))

/**
 * Payout records: the actions contract, and `POST /:id/pay` `{ method, externalReference }`
 * (admins of the record's website) → `{ record }` as before.
 */
export const payoutRecordEndpoints: Endpoint[] = [...workflowEndpoints('payout-records'), actionAlias('payout-records', 'pay', 'pay', ({ doc }) => ({ record: doc }))]

/**
 * Payout requests: `POST /` (writers), the actions contract, and `POST /:id/approve`
 * `{ method, externalReference }` / `POST /:id/reject` `{ reason }` (admins) → `{ request }`.
 */
export const payoutRequestEndpoints: Endpoint[] = [
  createRequestEndpoint,
  ...workflowEndpoints('payout-requests'),
  actionAlias('payout-requests', 'approve', 'approve', ({ doc }) => ({ request: doc })),
  actionAlias('payout-requests', 'reject', 'reject', ({ doc }) => ({ request: doc })),
]
