import type { Access, PayloadRequest, Where } from 'payload'

import { RECORD_PARENTS, type RecordParent } from '@/domain/records/parents'

import { actorOf, hasRole } from './actor'
import { inActorTenants, MATCH_NOTHING } from './where'

/** Extra conditions on a row for the client and the writer of its parent, per kind of parent. */
export type RecordPartyRows = {
  [P in RecordParent]: {
    client: (actorId: number, req: PayloadRequest) => Where | Promise<Where>
    writer: (actorId: number) => Where
  }
}

/**
 * Rows that belong to an order, a special order or a class order (files, messages), by
 * how the reader stands to the row's one parent: staff of the website read every row; the
 * parent's client and its current writer the rows `rules` allow them for that kind of
 * parent. One SQL filter joining the three parents, so lists, counts and the file route
 * are filtered by the database; a writer taken off a record loses its rows by the join on
 * its `writer` alone.
 */
export const recordPartyRows =
  (rules: RecordPartyRows): Access =>
  async ({ req }) => {
    const actor = actorOf(req)
    if (!actor) return false
    const tenant = inActorTenants(actor)
    if (tenant === true) return true
    if (actor.staff) return tenant
    const party = hasRole(actor, 'client') ? 'client' : hasRole(actor, 'writer') ? 'writer' : null
    if (!party) return MATCH_NOTHING
    const branches: Where[] = []
    for (const parent of RECORD_PARENTS) {
      const own = party === 'client' ? await rules[parent].client(actor.id, req) : rules[parent].writer(actor.id)
      branches.push({ and: [{ [`${parent}.${party}`]: { equals: actor.id } }, own] })
    }
    return { and: [tenant, { or: branches }] }
  }
