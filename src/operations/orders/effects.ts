import type { PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import type { Actor } from '@/access/actor'
import { ClientError } from '@/errors'
import type { OrderAction } from '@/domain/orders/actions'
import type { ActionInputs } from '@/domain/orders/actionInputs'
import { forfeiturePercent, splitRefund } from '@/domain/orders/cancellation'
import type { RefundAsk } from '@/domain/payments/refundRoute'
import { OPEN_REQUEST_STATUSES, type RequestKind } from '@/domain/orders/requests'
import { routing } from '@/domain/orders/staffing'
import type { OrderStatus } from '@/domain/orders/statuses'
import { submissionTarget } from '@/domain/orders/submitRouting'
import type { Order } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

import { issueLatenessFine } from '../fines/issue'
import { post } from '../ledger/post'
import { awardOrderPoints, reverseOrderPoints } from '../loyalty/orderPoints'
import { refundOrder } from '../money/refundOrder'
import { applyOrderDiscount } from '../discounts/usages'
import { postOrderEarning, undoOrderEarning } from '../money/writerEarnings'
import { rewardReferral } from '../referrals/reward'

import { paymentEffect } from './applyPayment'
import { type ActionContext, writerEligibility } from './loadActionContext'
import { closeRequests, createRequest, idOf, updateRequest } from './records'
import { assignWriter, backToPool, endAssignment } from './staffing'

export type OrderPatch = Partial<Omit<Order, 'id' | 'tenant' | 'createdAt' | 'updatedAt'>>

/** What an action changes: the order's next status (default: unchanged), fields, and what the event records. */
export type Effect = { status?: OrderStatus; patch?: OrderPatch; metadata?: Record<string, unknown>; notify?: (number | null)[] }

type Args<A extends OrderAction> = {
  req: PayloadRequest
  ctx: ActionContext
  actor: Actor | null
  input: A extends keyof ActionInputs ? ActionInputs[A] : Record<string, never>
  now: Date
}

const at = (order: Order, key: keyof NonNullable<Order['timestamps']>, now: Date): OrderPatch => ({ timestamps: { ...order.timestamps, [key]: now.toISOString() } })

const openOf = (ctx: ActionContext, kind: RequestKind) => {
  const found = ctx.requests.find((r) => r.kind === kind && OPEN_REQUEST_STATUSES[kind].includes(r.status))
  if (!found) throw new Error(`order ${ctx.order.id} has no open ${kind} request`)
  return found
}

/** A request is decided by the actor now. */
const decided = (args: { actor: Actor | null; now: Date }) => ({ decidedBy: args.actor?.id ?? null, decidedAt: args.now.toISOString() })

const cancelOrder = async (args: Args<'cancel'>, refund: { forfeitPercent: number; to: RefundAsk }, reason: string | null): Promise<Effect> => {
  const { req, ctx, now } = args
  const { kept, refunded } = splitRefund(ctx.order.amountPaid, refund.forfeitPercent)
  // What the forfeiture leaves is refunded at once, where the admin said (by default the
  // wallet, or the card on a website without one; refused as a refund refuses it); the
  // writer's earning, if the order had one, is voided or reversed.
  if (refunded > 0) await refundOrder(req, ctx.order, refunded, `Order ${ctx.order.number} cancelled${reason ? `: ${reason}` : ''}`, refund.to)
  const earning = await undoOrderEarning(req, ctx.order)
  await reverseOrderPoints(req, ctx.order, { kind: 'cancel' })
  await endAssignment(req, ctx.order, 'cancelled', reason ? `order cancelled: ${reason}` : 'order cancelled', now)
  await closeRequests(req, ctx.order.id, ['hold', 'reassignment', 'revision', 'dispute'], 'cancelled', args.actor?.id ?? null, now)
  return {
    status: 'cancelled',
    patch: { ...at(ctx.order, 'cancelledAt', now), pendingWriter: null, visibility: 'hidden', cancellation: { forfeitPercent: refund.forfeitPercent, kept, refundDue: refunded } },
    metadata: { forfeitPercent: refund.forfeitPercent, kept, refundDue: refunded, earning },
  }
}

/**
 * Each action's change beyond the status check (which `performOrderAction` has done).
 * Runs inside the action's transaction, under the order's row lock.
 */
export const EFFECTS: { [A in OrderAction]: (args: Args<A>) => Promise<Effect> } = {
  markPaid: async ({ req, ctx, now }) => {
    const amount = ctx.order.total - ctx.order.amountPaid
    const effect = paymentEffect(ctx.order, amount, now, { source: 'manual' })
    // Money staff received outside the platform: cash in, revenue earned.
    await post(req, ctx.tenantId, { reference: `mark-paid:order:${ctx.order.id}`, type: 'order_payment', memo: `Order ${ctx.order.number} marked paid`, lines: [{ account: { system: 'platform_cash' }, debit: amount }, { account: { system: 'platform_revenue' }, credit: amount }] })
    // A discount held by a pending checkout is the one the client gets: booked as given.
    await applyOrderDiscount(req, ctx.order)
    return effect
  },
  routeToPool: async ({ ctx, now }) => {
    const route =
      ctx.order.visibility === 'hidden'
        ? routing({ preferredWriter: idOf(ctx.order.preferredWriter), preferredWriterStatus: ctx.order.preferredWriterStatus ?? null }, now)
        : { visibility: 'pool' as const, preferredWriterStatus: 'fallback_to_pool' as const, invitedAt: null }
    return { patch: route, metadata: { routedTo: route.visibility }, notify: [idOf(ctx.order.preferredWriter)] }
  },
  showInterest: async (args) => interest(args, 'interest'),
  bid: async (args) => interest(args as unknown as Args<'showInterest'>, 'bid'),
  withdrawInterest: async ({ req, ctx }) => {
    if (ctx.interest) await req.payload.update({ collection: 'order-interests', id: ctx.interest.id, data: { status: 'withdrawn' }, depth: 0, ...asSystem(proofOf(req)), req })
    return { metadata: { interest: ctx.interest?.id } }
  },
  take: async ({ req, ctx, actor, now }) => ({ status: 'in_progress', patch: await assignWriter(req, ctx.order, actor!.id, 'self_take', actor!.id, now) }),
  assign: async ({ req, ctx, actor, input, now }) => {
    const writer = await req.payload.findByID({ collection: 'users', id: input.writer, depth: 0, ...asSystem(proofOf(req)), disableErrors: true, req, select: { roles: true, tenants: true } })
    const belongs = writer?.roles.includes('writer') && writer.tenants?.some((row) => idOf(row.tenant) === ctx.tenantId)
    if (!belongs) throw new ValidationError({ collection: 'orders', errors: [{ path: 'writer', message: 'Must be a writer of this website.' }] }, req.t)
    const ineligible = await writerEligibility(req, input.writer, ctx.tenantId)
    if (ineligible) throw new ClientError(ineligible, 422, { field: 'writer' })
    if (input.direct) return { status: 'pending_writer_acceptance', patch: { pendingWriter: input.writer, visibility: 'hidden' }, metadata: { writer: input.writer, direct: true }, notify: [input.writer] }
    const { totalDocs: interested } = await req.payload.count({
      collection: 'order-interests',
      where: { and: [{ order: { equals: ctx.order.id } }, { writer: { equals: input.writer } }, { status: { equals: 'pending' } }] },
      ...asSystem(proofOf(req)),
      req,
    })
    const source = interested > 0 ? 'accepted_interest' : 'staff_assignment'
    return { status: 'in_progress', patch: await assignWriter(req, ctx.order, input.writer, source, actor?.id ?? null, now), metadata: { writer: input.writer, source }, notify: [input.writer] }
  },
  acceptAssignment: async ({ req, ctx, actor, now }) => ({ status: 'in_progress', patch: await assignWriter(req, ctx.order, actor!.id, 'direct_acceptance', idOf(ctx.order.pendingWriter), now) }),
  rejectAssignment: async ({ ctx }) => ({ status: 'ready_for_staffing', patch: backToPool(ctx.order), metadata: { releaseReason: 'writer_rejected' } }),
  invitePreferred: async ({ ctx, now }) => ({
    patch: { visibility: 'preferred_writer_only', preferredWriterStatus: 'invited', invitedAt: now.toISOString() },
    notify: [idOf(ctx.order.preferredWriter)],
  }),
  acceptInvitation: async ({ req, ctx, actor, now }) => ({
    status: 'in_progress',
    patch: { ...(await assignWriter(req, ctx.order, actor!.id, 'preferred_writer_acceptance', null, now)), preferredWriterStatus: 'accepted' },
  }),
  declineInvitation: async () => ({ patch: { visibility: 'pool', preferredWriterStatus: 'declined', invitedAt: null } }),
  expireInvitation: async () => ({ patch: { visibility: 'pool', preferredWriterStatus: 'expired', invitedAt: null }, metadata: { fallback: 'pool' } }),
  releaseToPool: async ({ req, ctx, actor, input, now }) => {
    const previous = idOf(ctx.order.writer) ?? idOf(ctx.order.pendingWriter)
    await endAssignment(req, ctx.order, 'released', input.reason, now)
    await closeRequests(req, ctx.order.id, ['hold', 'reassignment'], 'cancelled', actor?.id ?? null, now)
    return { status: 'ready_for_staffing', patch: backToPool(ctx.order), metadata: { previousWriter: previous }, notify: [previous] }
  },
  acknowledge: async ({ req, ctx, now }) => {
    const revision = ctx.requests.find((r) => r.kind === 'revision' && r.status === 'pending')
    if (revision) await updateRequest(req, revision.id, { status: 'in_progress' })
    return { status: 'in_progress', patch: at(ctx.order, 'acknowledgedAt', now) }
  },
  requestHold: async ({ req, ctx, actor, input }) => {
    const hold = await createRequest(req, ctx.order, { kind: 'hold', status: 'requested', requestedBy: actor?.id ?? null, description: input.reason })
    return { metadata: { request: hold.id } }
  },
  activateHold: async (args) => {
    await updateRequest(args.req, openOf(args.ctx, 'hold').id, { status: 'active', ...decided(args) })
    return { status: 'on_hold' }
  },
  releaseHold: async (args) => {
    await updateRequest(args.req, openOf(args.ctx, 'hold').id, { status: 'released', ...decided(args) })
    return { status: 'in_progress' }
  },
  cancelHold: async (args) => {
    await updateRequest(args.req, openOf(args.ctx, 'hold').id, { status: 'cancelled', ...decided(args) })
    return {}
  },
  submit: async ({ req, ctx, actor, now }) => {
    const { totalDocs: delivered } = await req.payload.count({
      collection: 'orders',
      where: { and: [{ tenant: { equals: ctx.tenantId } }, { writer: { equals: actor!.id } }, { status: { in: ['completed', 'archived'] } }] },
      ...asSystem(proofOf(req)),
      req,
    })
    const target = submissionTarget({
      policy: ctx.website.review,
      requiresEditing: null,
      urgent: Boolean(ctx.order.flags?.urgent),
      clientDeadline: new Date(ctx.order.clientDeadline),
      now,
      total: ctx.order.total,
      writerDeliveredOrders: delivered,
    })
    await closeRequests(req, ctx.order.id, ['revision'], 'done', actor?.id ?? null, now)
    // After the writer deadline: the lateness fine, once per order (reference §16: the reference's automation never ran).
    const fine = await issueLatenessFine(req, ctx.order, now)
    return { status: target, patch: at(ctx.order, 'submittedAt', now), metadata: { routedTo: target, writerDeliveredOrders: delivered, ...(fine ? { lateFine: fine.id } : {}) } }
  },
  qaApprove: async () => ({ status: 'submitted' }),
  qaReturn: async () => ({ status: 'in_progress' }),
  editorApprove: async ({ actor }) => ({ status: 'submitted', patch: { editor: actor?.id ?? null } }),
  editorRequestRevision: async ({ req, ctx, actor, input }) => {
    await createRequest(req, ctx.order, { kind: 'revision', status: 'pending', requestedBy: actor?.id ?? null, description: input.reason })
    return { status: 'revision_requested', patch: { editor: actor?.id ?? null } }
  },
  complete: async ({ req, ctx, now }) => {
    const earning = await postOrderEarning(req, ctx.order)
    return { status: 'completed', patch: at(ctx.order, 'completedAt', now), metadata: earning ? { earning: earning.amount } : undefined }
  },
  approve: async ({ req, ctx, now, actor }) => {
    await awardOrderPoints(req, ctx.order, now)
    await rewardReferral(req, ctx.order, now)
    return { patch: at(ctx.order, 'approvedAt', now), metadata: { automatic: actor === null } }
  },
  // The reference left the order's status alone here; a revision moves it (§16).
  requestRevision: async ({ req, ctx, actor, input }) => {
    const revision = await createRequest(req, ctx.order, { kind: 'revision', status: 'pending', requestedBy: actor?.id ?? null, description: input.reason })
    return { status: 'revision_requested', metadata: { request: revision.id, free: true } }
  },
  reopen: async () => ({ status: 'in_progress' }),
  openDispute: async ({ req, ctx, actor, input }) => {
    const dispute = await createRequest(req, ctx.order, { kind: 'dispute', status: 'open', requestedBy: actor?.id ?? null, reason: input.reason, description: input.description, statusBefore: ctx.order.status })
    return { status: 'disputed', metadata: { request: dispute.id, reason: input.reason } }
  },
  resolveDispute: async (args) => {
    await updateRequest(args.req, openOf(args.ctx, 'dispute').id, { status: 'resolved', outcome: args.input.outcome, resolution: args.input.summary, ...decided(args) })
    return { metadata: { outcome: args.input.outcome } }
  },
  closeDispute: async (args) => {
    await updateRequest(args.req, openOf(args.ctx, 'dispute').id, { status: 'closed', ...decided(args) })
    return { status: args.input.restoreTo }
  },
  requestReassignment: async ({ req, ctx, actor, input }) => {
    const request = await createRequest(req, ctx.order, { kind: 'reassignment', status: 'pending', requestedBy: actor?.id ?? null, description: input.reason })
    return { metadata: { request: request.id } }
  },
  approveReassignment: async (args) => {
    const { req, ctx, now } = args
    const previous = idOf(ctx.order.writer)
    await updateRequest(req, openOf(ctx, 'reassignment').id, { status: 'approved', ...decided(args) })
    await endAssignment(req, ctx.order, 'released', 'reassigned', now)
    await closeRequests(req, ctx.order.id, ['hold'], 'cancelled', args.actor?.id ?? null, now)
    return { status: 'ready_for_staffing', patch: backToPool(ctx.order), metadata: { previousWriter: previous }, notify: [previous] }
  },
  requestCancellation: async ({ req, ctx, actor, input, now }) => {
    const percent = forfeiturePercent({ status: ctx.order.status, clientDeadline: new Date(ctx.order.clientDeadline), now })
    const request = await createRequest(req, ctx.order, { kind: 'cancellation', status: 'pending', requestedBy: actor?.id ?? null, description: input.reason, statusBefore: ctx.order.status, forfeitPercent: percent })
    return { status: 'pending_cancellation', metadata: { request: request.id, forfeitPercent: percent, ...splitRefund(ctx.order.amountPaid, percent) } }
  },
  approveCancellation: async (args) => {
    const request = openOf(args.ctx, 'cancellation')
    const forfeitPercent = args.input.forfeitPercent ?? request.forfeitPercent ?? 0
    await updateRequest(args.req, request.id, { status: 'approved', forfeitPercent, ...decided(args) })
    return cancelOrder(args as unknown as Args<'cancel'>, { forfeitPercent, to: args.input }, request.description ?? null)
  },
  rejectCancellation: async (args) => {
    const request = openOf(args.ctx, 'cancellation')
    await updateRequest(args.req, request.id, { status: 'rejected', resolution: args.input.reason, ...decided(args) })
    return { status: (request.statusBefore ?? 'in_progress') as OrderStatus }
  },
  // Staff cancellation refunds everything paid; forfeiture applies to client requests.
  cancel: async (args) => cancelOrder(args, { forfeitPercent: 0, to: args.input }, args.input.reason),
  archive: async ({ ctx, now }) => ({ status: 'archived', patch: at(ctx.order, 'archivedAt', now) }),
}

async function interest(args: Args<'showInterest'>, kind: 'interest' | 'bid'): Promise<Effect> {
  const { req, ctx, actor, input } = args
  const row = await req.payload.create({
    collection: 'order-interests',
    data: { tenant: ctx.tenantId, order: ctx.order.id, writer: actor!.id, kind, status: 'pending', message: input.message ?? null },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  return { metadata: { interest: row.id } }
}
