import type { CollectionAfterChangeHook } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { partiesBut } from '@/domain/notifications/recipients'
import type { User } from '@/payload-types'

import { notify } from '../notifications/notify'

/** Set on the request by `changeLevel`, which writes its own level-change row. */
export const LEVEL_CHANGE_RECORDED = 'writerLevelChangeRecorded'

/**
 * An admin's change of a writer's level by hand (the admin panel's user form or
 * `PATCH /api/users/:id { writerLevel }`) is a level change too: a `writer-level-changes`
 * row with trigger `admin` and the admin, in the update's transaction, and the writer
 * is told. The weekly evaluation writes its own row with its reasons, so it is skipped.
 * The first level given to a writer (none before) is an assignment, not a change.
 */
export const recordAdminLevelChange: CollectionAfterChangeHook<User> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation !== 'update' || context[LEVEL_CHANGE_RECORDED]) return doc
  const from = idOf(previousDoc?.writerLevel)
  const to = idOf(doc.writerLevel)
  if (from === to || from === null || to === null || !doc.roles?.includes('writer')) return doc
  const { docs: levels } = await req.payload.find({ collection: 'writer-levels', where: { id: { in: [from, to] } }, depth: 0, limit: 2, ...asSystem(proofOf(req)), req, select: { displayOrder: true, tenant: true, name: true } })
  const fromLevel = levels.find((level) => level.id === from)
  const toLevel = levels.find((level) => level.id === to)
  const tenant = idOf(toLevel?.tenant)
  if (!fromLevel || !toLevel || tenant === null) return doc
  const direction = toLevel.displayOrder < fromLevel.displayOrder ? 'demotion' : 'promotion'
  const change = await req.payload.create({
    collection: 'writer-level-changes',
    data: { tenant, writer: doc.id, from, to, direction, trigger: 'admin', reasons: [], changedBy: actorOf(req)?.id ?? null },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await notify(req, { event: `writer.${direction}`, recipients: partiesBut(actorOf(req)?.id, [doc.id]), tenant, data: { change: change.id, from: fromLevel.name, to: toLevel.name }, key: `writer.${direction}:${change.id}` })
  return doc
}
