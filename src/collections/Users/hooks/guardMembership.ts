import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { ClientError } from '@/errors'

import { actorOf } from '@/access/actor'
import { membershipChangeProblem, membershipShapeProblem, type Membership } from '@/domain/membership'
import { isRole } from '@/domain/roles'
import type { User } from '@/payload-types'

type MembershipFields = Pick<Partial<User>, 'roles' | 'tenants'>

const membershipOf = (doc: MembershipFields): Membership => ({
  roles: (doc.roles ?? []).filter(isRole),
  tenantIds: [
    ...new Set(
      (doc.tenants ?? [])
        .map((row) => (typeof row.tenant === 'object' && row.tenant ? row.tenant.id : row.tenant))
        .filter((id): id is number => typeof id === 'number'),
    ),
  ],
})

/**
 * Roles and websites are the keys to everything, so every change to them is checked
 * here, loudly: a refused change is a 403 naming the field, not a silently dropped value.
 * Writes without a user (seed, registration, jobs) are trusted callers.
 */
export const guardMembership: CollectionBeforeChangeHook<User> = ({ data, originalDoc, operation, req }) => {
  const before = operation === 'update' && originalDoc ? membershipOf(originalDoc) : null
  const after = membershipOf({
    roles: data.roles ?? originalDoc?.roles,
    tenants: data.tenants ?? originalDoc?.tenants,
  })

  const shape = membershipShapeProblem(after)
  if (shape) {
    throw new ValidationError({ collection: 'users', errors: [{ path: shape.field, message: shape.message }] }, req.t)
  }

  const actor = actorOf(req)
  if (!actor) return data
  const problem = membershipChangeProblem({
    actor,
    targetId: originalDoc?.id ?? null,
    before,
    after,
  })
  if (problem) throw new ClientError(`${problem.field}: ${problem.message}`, 403, { field: problem.field })
  return data
}
