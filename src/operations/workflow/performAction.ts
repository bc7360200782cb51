import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import type { WorkflowCollection } from '@/domain/workflow/collections'
import { actionNames, availableActions, decide, isActionOf, parseInput, SYSTEM } from '@/domain/workflow/define'
import { asSystem, proofOf } from '@/access/system'
import { ClientError } from '@/errors'
import { partiesOfRecord } from '../audit/parties'
import { recordAudit } from '../audit/record'

import { visibleDoc } from '../gate'
import { inTransaction } from '../inTransaction'
import { toValidationError } from '../toValidationError'

import { subjectOf } from './registry'
import type { Applied } from './subject'

/** The action named in a path, or 404 listing the collection's actions. */
export const actionOf = (collection: WorkflowCollection, name: string): string => {
  const { workflow } = subjectOf(collection)
  if (!isActionOf(workflow, name)) throw new ClientError(`Unknown action "${name}". Actions: ${actionNames(workflow).join(', ')}.`, 404)
  return name
}

export type PerformOptions = { /** The platform acts (schedules): no user, the same rules. */ system?: boolean; now?: Date }

/**
 * Performs one workflow action on one record, the same way for every workflow: the
 * record as the caller sees it (401, 404), then in one transaction under the record's
 * row lock the decision against fresh state (403 role or relation, 409 status, 422 a
 * rule refuses, with the reason), the input (400 naming the field), and the subject's
 * change with its side effects, timeline event and notification. Any throw rolls all
 * of it back.
 */
export const performAction = async (req: PayloadRequest, collection: WorkflowCollection, id: number, action: string, body: unknown, options: PerformOptions = {}): Promise<Applied<WorkflowCollection>> => {
  const subject = subjectOf(collection)
  actionOf(collection, action)
  const now = options.now ?? new Date()
  const actor = options.system ? null : actorOf(req)
  if (!options.system) await visibleDoc(req, collection, id)
  return inTransaction(req, async () => {
    const doc = await subject.lock(req, id)
    const ctx = await subject.context(req, doc, actor)
    const decision = decide(subject.workflow, action, ctx.facts, ctx.actor, now)
    if (!decision.ok) throw new ClientError(decision.reason, decision.status, { action, status: ctx.facts.status })
    const parsed = parseInput(subject.workflow, action, body)
    if (!parsed.success) throw toValidationError(parsed.error, collection, req)
    const applied = await subject.apply({ req, doc, ctx, action, input: parsed.data, actor, now })
    const to = (applied.doc as { status: string }).status
    if (to !== ctx.facts.status && !decision.targets.includes(to)) throw new Error(`workflow data disagree: ${collection} ${action} led ${ctx.facts.status} → ${to}`)
    // The audit trail's row of the action, by its name, in the action's transaction.
    const record = applied.doc as unknown as Record<string, unknown>
    await recordAudit(req, {
      kind: 'workflow',
      action,
      tenant: idOf(record.tenant as number | { id: number } | null | undefined),
      targetCollection: collection,
      targetId: id,
      changes: to === ctx.facts.status ? {} : { status: { before: ctx.facts.status, after: to } },
      parties: applied.parties ?? partiesOfRecord(req, collection, record),
    })
    return applied
  })
}

/** GET /api/<collection>/:id/actions for the caller: read-only, no lock. */
export const listActions = async (req: PayloadRequest, collection: WorkflowCollection, id: number, now = new Date()) => {
  const subject = subjectOf(collection)
  const { actor } = await visibleDoc(req, collection, id)
  // The rules may need fields the caller does not read (an order's writer, for its client).
  const doc = await req.payload.findByID({ collection, id, depth: 0, ...asSystem(proofOf(req)), req })
  const ctx = await subject.context(req, doc, actor)
  if (ctx.actor === SYSTEM) throw new Error('unreachable: a signed-in caller is never the platform')
  return availableActions(subject.workflow, ctx.facts, ctx.actor, now)
}
