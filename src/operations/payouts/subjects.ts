import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { lockRow } from '@/db/locks'
import { PAYOUT_RECORD_WORKFLOW, PAYOUT_REQUEST_WORKFLOW } from '@/domain/payouts/workflows'
import type { PayoutMethod } from '@/domain/payouts/settings'
import { asSystem, proofOf } from '@/access/system'
import type { PayoutRecord, PayoutRequest } from '@/payload-types'

import { refuseWhileImpersonating } from '../sessions/impersonating'
import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'

import { markRecordPaid } from './payRecord'
import { endRequest, lockPayoutRequest, type Outcome } from './requests'

const lockPayoutRecord = async (req: PayloadRequest, id: number): Promise<PayoutRecord> => {
  await lockRow(req, 'payout_records', id)
  return req.payload.findByID({ collection: 'payout-records', id, depth: 0, ...asSystem(proofOf(req)), req })
}

type PaidOutside = { method: PayoutMethod; externalReference: string }

/** Payout records on the one workflow pattern (`docs/payouts.md`). */
export const PAYOUT_RECORD_SUBJECT = defineSubject({
  collection: 'payout-records',
  workflow: PAYOUT_RECORD_WORKFLOW,
  lock: lockPayoutRecord,
  context: async (_req, record, actor) => ({ facts: { status: record.status }, actor: websiteActorOf(actor, idOf(record.tenant)!) }),
  apply: async ({ req, doc, action, input, actor, now }) => {
    refuseWhileImpersonating(req, 'payout')
    const paid = await markRecordPaid(req, doc, input as PaidOutside, actor?.id ?? null, now)
    const event = await recordEvent(req, { collection: 'payout-records', document: doc.id, tenant: idOf(doc.tenant)!, action, actor: actor?.id ?? null, from: doc.status, to: paid.status, data: { amount: doc.amount, ...input } })
    return { doc: paid, event }
  },
})

const OUTCOMES = { approve: 'approved', reject: 'rejected', expire: 'expired' } as const

/** Payout requests on the one workflow pattern: approve, reject, and the platform's expiry. */
export const PAYOUT_REQUEST_SUBJECT = defineSubject({
  collection: 'payout-requests',
  workflow: PAYOUT_REQUEST_WORKFLOW,
  lock: lockPayoutRequest,
  context: async (_req, request: PayoutRequest, actor) => ({ facts: { status: request.status }, actor: websiteActorOf(actor, idOf(request.tenant)!) }),
  apply: async ({ req, doc, action, input, actor, now }) => {
    // The platform's expiry has no impersonation; an admin's approval or rejection may not be made as someone else.
    refuseWhileImpersonating(req, 'payout request')
    const outcome = { status: OUTCOMES[action], ...input } as Outcome
    const done = await endRequest(req, doc, outcome, actor?.id ?? null, now)
    const reason = typeof input.reason === 'string' ? input.reason : null
    const event = await recordEvent(req, { collection: 'payout-requests', document: doc.id, tenant: idOf(doc.tenant)!, action, actor: actor?.id ?? null, from: doc.status, to: done.status, reason, data: { amount: doc.amount, ...input } })
    return { doc: done, event }
  },
})
