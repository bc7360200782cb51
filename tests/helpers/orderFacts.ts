import { type ActorFacts, NO_RELATION, type OrderFacts } from '@/domain/orders/actions'
import type { Role } from '@/domain/roles'

/** An order's facts as the workflow rules see them: paid, staffed, in progress, unless overridden. */
export const orderFacts = (overrides: Partial<OrderFacts> = {}): OrderFacts => ({
  status: 'in_progress',
  paymentStatus: 'fully_paid',
  visibility: 'hidden',
  hasWriter: true,
  hasPreferredWriter: false,
  hold: 'none',
  dispute: 'none',
  cancellationPending: false,
  statusBeforeCancellation: null,
  reassignmentPending: false,
  revisionPending: false,
  approvedAt: null,
  completedAt: null,
  submittedAt: null,
  takesEnabled: true,
  disputesEnabled: true,
  ...overrides,
})

export const orderActor = (role: Role, overrides: Partial<ActorFacts> = {}): ActorFacts => ({ role, ...NO_RELATION, ...overrides })

/** The closest an actor of this role can be to an order. */
export const closestToOrder = (role: Role) =>
  orderActor(role, { isClientOwner: true, isCurrentWriter: true, isInvitedWriter: true, isPendingAssignee: true, hasPendingInterest: true, isHoldRequester: true })
