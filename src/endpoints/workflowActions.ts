import type { Endpoint, PayloadRequest } from 'payload'

import type { WorkflowCollection } from '@/domain/workflow/collections'
import { idempotencyHeader } from '@/operations/payments/idempotency'
import { type ActionAnswer, actionScope, answerAction as answer } from '@/operations/workflow/actionAnswer'
import { actionOf, listActions } from '@/operations/workflow/performAction'

import { readJsonBody } from './readJsonBody'
import { routeId } from './routeId'
import { sendAnswer } from './sendAnswer'

export type { ActionAnswer }

/**
 * Runs a named action of `collection` on the route's record and answers with `shape` of
 * the result (200). Actions marked `money` honour `Idempotency-Key` within `scope`, so a
 * replay gets the first answer, refusals included.
 */
export const answerAction = async (req: PayloadRequest, collection: WorkflowCollection, action: string, shape: (answer: ActionAnswer) => unknown, scope: string): Promise<Response> => {
  const id = routeId(req)
  actionOf(collection, action)
  return sendAnswer(await answer(req, { collection, id, action, body: await readJsonBody(req), key: idempotencyHeader(req), scope, shape }))
}

/**
 * The one actions contract of every workflow collection:
 * `GET /:id/actions` → `{ available: [{ action, label, input, money }], blocked: [{ action, label, reason }] }`
 * for the caller (`input` is the action's JSON Schema), and
 * `POST /:id/actions/:action` with the input → `{ doc, event }` (404 not visible or no
 * such action, 403 not theirs, 409 wrong status, 422 a rule refuses, 400 a bad field).
 */
export const workflowEndpoints = (collection: WorkflowCollection): Endpoint[] => [
  { path: '/:id/actions', method: 'get', handler: async (req) => Response.json(await listActions(req, collection, routeId(req))) },
  {
    path: '/:id/actions/:action',
    method: 'post',
    handler: async (req) => {
      const action = String(req.routeParams?.action)
      return answerAction(req, collection, action, (answer) => answer, actionScope(collection, action, routeId(req)))
    },
  },
]

/**
 * A route older than the actions contract, kept as a thin alias of one action: the same
 * operation, its documented answer shape.
 */
export const actionAlias = (collection: WorkflowCollection, path: string, action: string, shape: (answer: ActionAnswer) => unknown): Endpoint => ({
  path: `/:id/${path}`,
  method: 'post',
  handler: async (req) => answerAction(req, collection, action, shape, `${collection}.${path}.${routeId(req)}`),
})
