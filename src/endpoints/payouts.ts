import type { Endpoint } from 'payload'
import { z } from 'zod'

import { PAYOUT_METHODS } from '@/domain/payouts/settings'
import { ClientError } from '@/errors'
import { adminOf, visibleDoc } from '@/operations/gate'
import { PAY_REFUSAL, payRecord } from '@/operations/payouts/payRecord'
import { DECIDE_REFUSAL, decidePayoutRequest, requestPayout } from '@/operations/payouts/requests'

import { moneyPost } from './moneyPost'
import { routeId } from './routeId'

const paidOutside = z.object({
  method: z.enum(PAYOUT_METHODS, { error: `One of ${PAYOUT_METHODS.join(', ')}.` }),
  externalReference: z.string({ error: 'Required: the bank, PayPal or Wise reference.' }).trim().min(1, 'Required: the bank, PayPal or Wise reference.').max(200),
})
const rejection = z.object({ reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500) })
const newRequest = z.object({ amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.') })

/** POST /api/payout-records/:id/pay `{ method, externalReference }` (admins of the record's website) → 200 `{ record }`; paid already → 409. */
export const payRecordEndpoint = moneyPost('/:id/pay', 'payout-records', paidOutside, (req) => `payout-records.pay.${routeId(req)}`, async (req, input) => ({ status: 200, body: { record: await payRecord(req, routeId(req), input) } }))

/** POST /api/payout-requests `{ amount }` (a writer of the request's website) → 201 `{ request }`; more than available → 422 with `shortfall`. */
export const createRequestEndpoint = moneyPost('/', 'payout-requests', newRequest, () => 'payout-requests.create', async (req, input) => ({ status: 201, body: { request: await requestPayout(req, input.amount) } }))

/** POST /api/payout-requests/:id/approve `{ method, externalReference }` (admins) → 200 `{ request }`: the hold is captured. */
export const approveRequestEndpoint = moneyPost('/:id/approve', 'payout-requests', paidOutside, (req) => `payout-requests.approve.${routeId(req)}`, async (req, input) => ({
  status: 200,
  body: { request: await decidePayoutRequest(req, routeId(req), { status: 'approved', ...input }) },
}))

/** POST /api/payout-requests/:id/reject `{ reason }` (admins) → 200 `{ request }`: the hold is released. */
export const rejectRequestEndpoint = moneyPost('/:id/reject', 'payout-requests', rejection, (req) => `payout-requests.reject.${routeId(req)}`, async (req, input) => ({
  status: 200,
  body: { request: await decidePayoutRequest(req, routeId(req), { status: 'rejected', ...input }) },
}))

const PAID_OUTSIDE_INPUT = { method: PAYOUT_METHODS.join(' | '), externalReference: 'required text: the bank, PayPal or Wise reference' }

/**
 * The workflow pattern of DESIGN §6 over the same operations: `GET /:id/actions` →
 * `{ available: [{ action, input }], blocked: [{ action, reason }] }` for the caller (404
 * when they cannot read the document), and `POST /:id/actions/:action`, which answers
 * exactly as the action's own endpoint (same Idempotency-Key scope).
 */
const workflowActions = (collection: 'payout-records' | 'payout-requests', refusal: string, actions: Record<string, { input: Record<string, string>; endpoint: Endpoint }>): Endpoint[] => [
  {
    path: '/:id/actions',
    method: 'get',
    handler: async (req) => {
      const { actor, doc, tenant } = await visibleDoc(req, collection, routeId(req))
      const reason = !adminOf(actor, tenant) ? refusal : doc.status !== 'pending' ? `It is already ${String(doc.status)}.` : null
      const names = Object.keys(actions)
      return Response.json(
        reason ? { available: [], blocked: names.map((action) => ({ action, reason })) } : { available: names.map((action) => ({ action, input: actions[action]!.input })), blocked: [] },
      )
    },
  },
  {
    path: '/:id/actions/:action',
    method: 'post',
    handler: async (req) => {
      const action = String(req.routeParams?.action)
      const chosen = Object.hasOwn(actions, action) ? actions[action] : undefined
      if (!chosen) throw new ClientError(`Unknown action "${action}". Actions: ${Object.keys(actions).join(', ')}.`, 404)
      return chosen.endpoint.handler(req)
    },
  },
]

/** GET /api/payout-records/:id/actions and POST /api/payout-records/:id/actions/pay. */
export const payoutRecordActions = workflowActions('payout-records', PAY_REFUSAL, { pay: { input: PAID_OUTSIDE_INPUT, endpoint: payRecordEndpoint } })

/** GET /api/payout-requests/:id/actions and POST /api/payout-requests/:id/actions/approve|reject. */
export const payoutRequestActions = workflowActions('payout-requests', DECIDE_REFUSAL, {
  approve: { input: PAID_OUTSIDE_INPUT, endpoint: approveRequestEndpoint },
  reject: { input: { reason: 'required text' }, endpoint: rejectRequestEndpoint },
})
