import type { PayloadRequest } from 'payload'

import { type Actor, idOf } from '@/access/actor'
import type { ClassRelation } from '@/domain/credentials/access'
import { adminOf, staffOf, visibleDoc } from '@/operations/gate'
import type { ClassOrder } from '@/payload-types'

export type VisibleClass = {
  actor: Actor
  classOrder: ClassOrder
  tenant: number
  who: ClassRelation
  proof: Awaited<ReturnType<typeof visibleDoc>>['proof']
}

/**
 * The class as the caller sees it (401 anonymous, 404 when they cannot: another website,
 * another client's class, a class not assigned to them) and what the caller is to it.
 */
export const visibleClass = async (req: PayloadRequest, id: number): Promise<VisibleClass> => {
  const { actor, doc, tenant, proof } = await visibleDoc(req, 'class-orders', id)
  const who: ClassRelation = {
    isReasonStaff: staffOf(actor, tenant, ['admin', 'support']),
    isAdmin: adminOf(actor, tenant),
    isClient: idOf(doc.client) === actor.id,
    isAssignedWriter: actor.roles.includes('writer') && idOf(doc.writer ?? null) === actor.id,
    status: doc.status,
  }
  return { actor, classOrder: doc, tenant, who, proof }
}

/** The role a log row names: the relation that decided, else the caller's first role. */
export const roleFor = (visible: Pick<VisibleClass, 'actor' | 'who'>): string => {
  const { actor, who } = visible
  if (who.isAssignedWriter) return 'writer'
  if (who.isReasonStaff) return actor.allTenants ? 'superadmin' : actor.roles.includes('admin') ? 'admin' : 'support'
  if (who.isClient) return 'client'
  return actor.roles[0] ?? 'unknown'
}

/** The users a class names (the audit row's parties). */
export const partiesOf = (classOrder: ClassOrder, viewer: number): number[] =>
  [...new Set([viewer, idOf(classOrder.client), idOf(classOrder.writer ?? null)].filter((id): id is number => id !== null))]
