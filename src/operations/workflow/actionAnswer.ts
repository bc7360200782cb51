import type { PayloadRequest } from 'payload'

import { readableDoc } from '@/access/readableDoc'
import type { WorkflowCollection } from '@/domain/workflow/collections'

import { type Answer, withIdempotency } from '../payments/idempotency'

import { actionOf, performAction } from './performAction'
import { subjectOf } from './registry'
import type { Applied } from './subject'

export type ActionAnswer = { doc: unknown; event: object } & Record<string, unknown>

/** An action's answer as the caller may read it: the record through its field rules, the event as the subject presents it. */
const present = async (req: PayloadRequest, collection: WorkflowCollection, applied: Applied<WorkflowCollection>): Promise<ActionAnswer> => ({
  doc: await readableDoc(req, collection, applied.doc),
  event: subjectOf(collection).presentEvent?.(req, applied.event) ?? applied.event,
  ...applied.extra,
})

/** Where a key of the actions contract is kept: REST's `POST /:id/actions/:action` and GraphQL's mutation share it, so either replays the other. */
export const actionScope = (collection: WorkflowCollection, action: string, id: number) => `${collection}.actions.${action}.${id}`

export type ActionRequest = {
  collection: WorkflowCollection
  id: number
  action: string
  body: unknown
  /** The idempotency key (REST's header, GraphQL's argument); honoured by actions marked `money`. */
  key: string | null | undefined
  scope: string
  /** The answer's shape (older alias routes name the record differently). */
  shape?: (answer: ActionAnswer) => unknown
}

/**
 * Performs a named action of a workflow collection for the caller, whatever the
 * transport: 200 with `shape` of `{ doc, event, …extra }`. Actions marked `money` run
 * once per idempotency key within `scope`, so a replay gets the first answer, refusals
 * included; a refusal of any other action is thrown.
 */
export const answerAction = async (req: PayloadRequest, request: ActionRequest): Promise<Answer> => {
  const { collection, id, action, body, shape = (answer) => answer } = request
  actionOf(collection, action)
  const run = async () => ({ status: 200, body: shape(await present(req, collection, await performAction(req, collection, id, action, body))) })
  if (subjectOf(collection).workflow.actions[action]!.money) return withIdempotency(req, request.key, request.scope, body, run)
  const { status, body: out } = await run()
  return { status, text: JSON.stringify(out) }
}
