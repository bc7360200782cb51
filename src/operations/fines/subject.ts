import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { FINE_WORKFLOW, type FineActor, type FineStatus } from '@/domain/fines/workflow'
import { partiesBut } from '@/domain/notifications/recipients'
import type { SYSTEM } from '@/domain/workflow/define'
import type { Fine } from '@/payload-types'
import { actorAs } from '@/operations/workflow/websiteActor'

import { notify } from '../notifications/notify'
import { websiteCurrency } from '../notifications/websiteCurrency'
import { websiteFeature } from '../websiteFeature'
import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'

import { fineReceivableOutstanding, liftFine, writeOffFine } from './lift'

const lockFine = async (req: PayloadRequest, id: number): Promise<Fine> => {
  await lockRow(req, 'fines', id)
  return req.payload.findByID({ collection: 'fines', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const TARGET = { dispute: 'disputed', escalate: 'escalated', uphold: 'resolved', waive: 'waived', void: 'voided' } as const satisfies Record<string, FineStatus>

/**
 * Fines on the one workflow pattern (`docs/fines.md`): the fined writer appeals (with
 * evidence) and may escalate once; admins and support uphold or waive; an admin voids,
 * or writes off what the writer still owes. A waiver or void gives the money back
 * (`liftFine`); every step is on the fine's timeline and told to the writer.
 */
export const FINE_SUBJECT = defineSubject({
  collection: 'fines',
  workflow: FINE_WORKFLOW,
  lock: lockFine,
  context: async (req, fine: Fine, actor) => {
    const tenant = idOf(fine.tenant)!
    const facts = {
      status: fine.status,
      escalatedBefore: Boolean(fine.appeal?.escalatedBefore),
      escalationsEnabled: await websiteFeature(req, tenant, 'allowEscalations'),
      receivableOutstanding: await fineReceivableOutstanding(req, fine),
    }
    const who: FineActor | typeof SYSTEM = actorAs(actor, tenant, { finedWriter: fine.writer })
    return { facts, actor: who }
  },
  apply: async ({ req, doc, action, input, actor, now }) => {
    const reason = typeof input.reason === 'string' ? input.reason : null
    const tenant = idOf(doc.tenant)!
    let fine = doc
    const data: Record<string, unknown> = {}
    if (action === 'writeOff') {
      const { writtenOff, fine: after } = await writeOffFine(req, doc, now)
      data.writtenOff = writtenOff
      fine = after
    } else {
      if (action === 'waive' || action === 'void') {
        const { restored, fine: after } = await liftFine(req, doc, now)
        data.restored = restored
        fine = after
      }
      const appeal = { ...fine.appeal }
      if (action === 'dispute') Object.assign(appeal, { reason, evidence: typeof input.evidence === 'string' ? input.evidence : null })
      if (action === 'escalate') Object.assign(appeal, { escalatedBefore: true, escalationReason: reason })
      if (action === 'uphold' || (action === 'waive' && doc.status !== 'issued')) Object.assign(appeal, { answer: reason })
      fine = await req.payload.update({ collection: 'fines', id: doc.id, data: { status: TARGET[action], appeal }, depth: 0, ...asSystem(proofOf(req)), req })
    }
    const event = await recordEvent(req, { collection: 'fines', document: doc.id, tenant, action, actor: actor?.id ?? null, from: doc.status, to: fine.status, reason, data: { amount: doc.amount, ...data } })
    const told = partiesBut(actor?.id, [idOf(doc.writer)])
    if (told.length > 0) {
      await notify(req, {
        event: `fine.${action}`,
        recipients: told,
        tenant,
        data: { fine: doc.id, status: fine.status, type: doc.type, amount: doc.amount, currency: await websiteCurrency(req, tenant), reason, ...data },
        key: `fine.${action}:${doc.id}:${event.id}`,
      })
    }
    return { doc: fine, event }
  },
})
