import type { PayloadRequest } from 'payload'

import { actorOf } from '@/access/actor'
import { availableActions, decide, type OrderAction } from '@/domain/orders/actions'
import { parseActionInput } from '@/domain/orders/actionInputs'
import { canTransition } from '@/domain/orders/statuses'
import { ClientError } from '@/errors'
import { asSystem, proofOf } from '@/access/system'

import { visibleOrder } from '../gate'
import { inTransaction } from '../inTransaction'
import { toValidationError } from '../toValidationError'

import { type ChangeResult, commitOrderChange } from './commitOrderChange'
import { EFFECTS } from './effects'
import { loadActionContext } from './loadActionContext'
import { readLockedOrder } from './lockOrder'

export type ActionResult = ChangeResult

/**
 * Performs one workflow action on an order: in one transaction, under a row lock on
 * the order, it checks the rules against fresh state (403 role, 409 status, 422 rule,
 * 400 input), applies the action's effect, writes the timeline event and queues the
 * notifications. `system` is the platform acting (schedules): no user, same rules.
 */
export const performOrderAction = async (
  req: PayloadRequest,
  orderId: number,
  action: OrderAction,
  body: unknown,
  options: { system?: boolean; now?: Date } = {},
): Promise<ActionResult> => {
  const now = options.now ?? new Date()
  const actor = options.system ? null : actorOf(req)
  if (!options.system) await visibleOrder(req, orderId)
  return inTransaction(req, async () => {
    const order = await readLockedOrder(req, orderId)
    const ctx = await loadActionContext(req, order, actor)
    const decision = decide(action, ctx.orderFacts, ctx.actorFacts, now)
    if (!decision.ok) throw new ClientError(decision.reason, decision.status, { action, status: order.status })
    const parsed = parseActionInput(action, body)
    if (!parsed.success) throw toValidationError(parsed.error, 'orders', req)

    const effect = await EFFECTS[action]({ req, ctx, actor, input: parsed.data as never, now })
    const to = effect.status ?? order.status
    if (to !== order.status && (!canTransition(order.status, to) || !decision.targets.includes(to))) {
      throw new Error(`workflow data disagree: ${action} led ${order.status} → ${to}`)
    }
    const input = parsed.data as Record<string, unknown>
    const reason = [input.reason, input.description, input.summary, input.note].find((v): v is string => typeof v === 'string' && v.length > 0)
    return commitOrderChange(req, order, { action, actorId: actor?.id ?? null, effect, reason, now })
  })
}

/** GET /api/orders/:id/actions for the caller: read-only, no lock. */
export const listOrderActions = async (req: PayloadRequest, orderId: number, now = new Date()) => {
  await visibleOrder(req, orderId)
  const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req })
  const ctx = await loadActionContext(req, order, actorOf(req))
  if (ctx.actorFacts === 'system') throw new Error('unreachable: a signed-in caller is never the system')
  return availableActions(ctx.orderFacts, ctx.actorFacts, now)
}
