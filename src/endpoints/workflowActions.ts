import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { actionAnswer, actionList, actionParams } from '@/api/openapi/workflowSchemas'

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
  documented(
    { path: '/:id/actions', method: 'get', handler: async (req) => Response.json(await listActions(req, collection, routeId(req))) },
    {
      summary: 'What the caller can do with this record now',
      description: '`available`: the actions the caller may take in the record’s status, each with its input as JSON Schema; `blocked`: those a business rule holds back now, with the reason. Actions the caller’s role never allows are left out.',
      auth: 'required',
      params: actionParams(collection).pick({ id: true }),
      responses: { 200: actionList(collection) },
      errors: [401, 404],
    },
  ),
  documented(
    {
      path: '/:id/actions/:action',
      method: 'post',
      handler: async (req) => {
        const action = String(req.routeParams?.action)
        return answerAction(req, collection, action, (answer) => answer, actionScope(collection, action, routeId(req)))
      },
    },
    {
      summary: 'Take an action on this record',
      description:
        'The body is the action’s input (see `GET …/actions` or the action’s own path). 403: the caller’s role or relation never allows it; 409: not in this status; 422: a business rule refuses it now (the message says which); 400: a field of the input. Actions that move money honour `Idempotency-Key`.',
      auth: 'required',
      params: actionParams(collection),
      body: z.object({}).catchall(z.unknown()),
      idempotent: true,
      responses: { 200: actionAnswer(collection) },
      errors: [400, 401, 403, 404, 409, 422],
    },
  ),
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
