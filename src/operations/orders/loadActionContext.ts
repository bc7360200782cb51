import type { PayloadRequest } from 'payload'

import type { Actor } from '@/access/actor'
import { type ActorFacts, type OrderFacts, SYSTEM } from '@/domain/orders/actions'
import { OPEN_REQUEST_STATUSES, type RequestKind } from '@/domain/orders/requests'
import { DEFAULT_STAFFING, type StaffingSettings } from '@/domain/orders/staffing'
import { CLOSED_FOR_STAFFING, type OrderStatus } from '@/domain/orders/statuses'
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '@/domain/orders/submitRouting'
import { featureOn } from '@/domain/tenancy/featureToggles'
import { withDefaults } from '@/domain/withDefaults'
import type { ReasonAudience } from '@/domain/writers/discipline'
import { writerIneligibility } from '@/domain/writers/levels'
import type { Order, OrderInterest, OrderRequest, Tenant } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'
import { barringRecords } from '@/operations/writers/discipline'

import { idOf, openRequests, tenantOf } from './records'

const dateOf = (value: string | null | undefined): Date | null => (value ? new Date(value) : null)

export type WebsiteWorkflow = { staffing: StaffingSettings; review: ReviewPolicy }

export const websiteWorkflow = (tenant: Pick<Tenant, 'settings'>): WebsiteWorkflow => ({
  staffing: withDefaults(DEFAULT_STAFFING, tenant.settings?.staffing),
  review: withDefaults(DEFAULT_REVIEW_POLICY, tenant.settings?.review),
})

/**
 * A writer's eligibility on a website (reference §3.4): not suspended, and fewer active
 * orders than their level (or the website's default level) allows. A suspended writer is
 * told what bars them (the suspension's end and reason, or the blacklist): one more read,
 * only when suspended. `audience`: the writer asking for themselves, or staff assigning.
 */
export const writerEligibility = async (req: PayloadRequest, writerId: number, tenantId: number, audience: ReasonAudience = 'staff'): Promise<string | null> => {
  const writer = await req.payload.findByID({ collection: 'users', id: writerId, depth: 0, ...asSystem(proofOf(req)), req, select: { suspended: true, writerLevel: true } })
  if (writer.suspended) {
    const barred = await barringRecords(req, tenantId, [writerId], audience)
    return writerIneligibility({ suspended: true, activeOrders: 0, maxActiveOrders: null, barredBecause: barred.get(writerId) ?? null })
  }
  const levelId = idOf(writer.writerLevel)
  const { docs: levels } = await req.payload.find({
    collection: 'writer-levels',
    where: { and: [{ tenant: { equals: tenantId } }, levelId ? { id: { equals: levelId } } : { isDefault: { equals: true } }] },
    depth: 0,
    limit: 1,
    ...asSystem(proofOf(req)),
    req,
    select: { maxActiveOrders: true },
  })
  const { totalDocs: activeOrders } = await req.payload.count({
    collection: 'orders',
    where: { and: [{ tenant: { equals: tenantId } }, { writer: { equals: writerId } }, { status: { not_in: [...CLOSED_FOR_STAFFING] } }] },
    ...asSystem(proofOf(req)),
    req,
  })
  return writerIneligibility({ suspended: Boolean(writer.suspended), activeOrders, maxActiveOrders: levels[0]?.maxActiveOrders ?? null })
}

const open = (requests: OrderRequest[], kind: RequestKind) => requests.find((r) => r.kind === kind && OPEN_REQUEST_STATUSES[kind].includes(r.status))

export type ActionContext = {
  order: Order
  tenantId: number
  website: WebsiteWorkflow
  requests: OrderRequest[]
  /** The acting writer's pending interest in this order. */
  interest: OrderInterest | null
  orderFacts: OrderFacts
  actorFacts: ActorFacts | typeof SYSTEM
}

/** Everything the workflow rules need about this order and this actor, read under the order's lock. */
export const loadActionContext = async (req: PayloadRequest, order: Order, actor: Actor | null): Promise<ActionContext> => {
  const tenantId = tenantOf(order)
  const tenant = await req.payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  const website = websiteWorkflow(tenant)
  const requests = await openRequests(req, order.id)
  const hold = open(requests, 'hold')
  const dispute = open(requests, 'dispute')
  const cancellation = open(requests, 'cancellation')

  const orderFacts: OrderFacts = {
    status: order.status,
    paymentStatus: order.paymentStatus,
    visibility: order.visibility,
    hasWriter: idOf(order.writer) !== null,
    hasPreferredWriter: idOf(order.preferredWriter) !== null,
    hold: hold ? (hold.status === 'active' ? 'active' : 'requested') : 'none',
    dispute: dispute ? (dispute.status === 'resolved' ? 'resolved' : 'open') : 'none',
    cancellationPending: Boolean(cancellation),
    statusBeforeCancellation: (cancellation?.statusBefore as OrderStatus | null | undefined) ?? null,
    reassignmentPending: Boolean(open(requests, 'reassignment')),
    revisionPending: Boolean(open(requests, 'revision')),
    approvedAt: dateOf(order.timestamps?.approvedAt),
    completedAt: dateOf(order.timestamps?.completedAt),
    submittedAt: dateOf(order.timestamps?.submittedAt),
    takesEnabled: website.staffing.takesEnabled,
    disputesEnabled: featureOn(tenant, 'allowDisputes'),
  }
  if (!actor) return { order, tenantId, website, requests, interest: null, orderFacts, actorFacts: SYSTEM }

  const role = actor.roles[0]!
  let interest: OrderInterest | null = null
  let writerIneligible: string | null = null
  if (role === 'writer') {
    const { docs } = await req.payload.find({
      collection: 'order-interests',
      where: { and: [{ order: { equals: order.id } }, { writer: { equals: actor.id } }, { status: { equals: 'pending' } }] },
      depth: 0,
      limit: 1,
      ...asSystem(proofOf(req)),
      req,
    })
    interest = docs[0] ?? null
    if (order.status === 'ready_for_staffing' || order.status === 'pending_writer_acceptance') writerIneligible = await writerEligibility(req, actor.id, tenantId, 'self')
  }
  const actorFacts: ActorFacts = {
    role,
    isClientOwner: idOf(order.client) === actor.id,
    isCurrentWriter: idOf(order.writer) === actor.id,
    isInvitedWriter: idOf(order.preferredWriter) === actor.id && order.preferredWriterStatus === 'invited',
    isPendingAssignee: idOf(order.pendingWriter) === actor.id,
    hasPendingInterest: interest !== null,
    writerIneligible,
    isHoldRequester: hold ? idOf(hold.requestedBy) === actor.id : false,
  }
  return { order, tenantId, website, requests, interest, orderFacts, actorFacts }
}
