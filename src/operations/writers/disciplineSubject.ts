import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { DISCIPLINE_WORKFLOW } from '@/domain/writers/disciplineWorkflow'
import type { DisciplineRecord } from '@/payload-types'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'

import { notifyWriter, syncSuspended } from './discipline'

const lockRecord = async (req: PayloadRequest, id: number): Promise<DisciplineRecord> => {
  await lockRow(req, 'discipline_records', id)
  return req.payload.findByID({ collection: 'discipline-records', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const ENDINGS = { lift: 'lifted', expire: 'expired' } as const

/**
 * Discipline records on the one workflow pattern: an admin lifts one (reason required),
 * the schedule expires one whose end has passed. Either way the writer's suspension flag
 * follows what stays active (another suspension or a blacklist keeps it), and the writer
 * is told.
 */
export const DISCIPLINE_SUBJECT = defineSubject({
  collection: 'discipline-records',
  workflow: DISCIPLINE_WORKFLOW,
  lock: lockRecord,
  context: async (_req, record: DisciplineRecord, actor) => ({
    facts: { status: record.status, kind: record.kind, endsAt: record.endsAt ? new Date(record.endsAt) : null },
    actor: websiteActorOf(actor, idOf(record.tenant)!),
  }),
  apply: async ({ req, doc, action, input, actor, now }) => {
    const writer = idOf(doc.writer)!
    await lockRow(req, 'users', writer)
    const reason = typeof input.reason === 'string' ? input.reason : null
    const ended = await req.payload.update({
      collection: 'discipline-records',
      id: doc.id,
      data: { status: ENDINGS[action], endedAt: now.toISOString(), liftedBy: action === 'lift' ? (actor?.id ?? null) : null, liftedReason: reason },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    if (doc.kind === 'suspension' || doc.kind === 'blacklist') await syncSuspended(req, writer)
    const event = await recordEvent(req, { collection: 'discipline-records', document: doc.id, tenant: idOf(doc.tenant)!, action, actor: actor?.id ?? null, from: doc.status, to: ended.status, reason, data: { kind: doc.kind, writer } })
    await notifyWriter(req, ended, ENDINGS[action])
    return { doc: ended, event }
  },
})
