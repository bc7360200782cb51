import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { REFERRAL_WORKFLOW, releaseTarget } from '@/domain/referrals/workflow'
import type { Referral } from '@/payload-types'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'

import { lockReferral, payReferral } from './reward'
import { websiteReferrals } from './settings'

const setStatus = (req: PayloadRequest, referral: Referral, data: Partial<Pick<Referral, 'status' | 'voidedReason'>>) =>
  req.payload.update({ collection: 'referrals', id: referral.id, data, depth: 0, ...asSystem(proofOf(req)), req })

/**
 * Referrals on the one workflow pattern: staff release a held referral (paid at once
 * when the referee's first order was paid and approved meanwhile, else back to pending)
 * or void it; the platform rewards and holds (`rewardReferral` on the order's approval).
 */
export const REFERRAL_SUBJECT = defineSubject({
  collection: 'referrals',
  workflow: REFERRAL_WORKFLOW,
  lock: lockReferral,
  context: async (_req, referral: Referral, actor) => ({
    facts: { status: referral.status, qualified: idOf(referral.qualifyingOrder) !== null },
    actor: websiteActorOf(actor, idOf(referral.tenant)!),
  }),
  apply: async ({ req, doc, ctx, action, input, actor, now }) => {
    const tenant = idOf(doc.tenant)!
    const reason = typeof input.reason === 'string' ? input.reason : typeof input.note === 'string' ? input.note : null
    let done: Referral
    if (action === 'void') done = await setStatus(req, doc, { status: 'voided', voidedReason: reason })
    else if (action === 'hold') done = await setStatus(req, doc, { status: 'held' })
    else if (action === 'reward' || releaseTarget(ctx.facts) === 'rewarded') done = await payReferral(req, doc, await websiteReferrals(req, tenant), now)
    else done = await setStatus(req, doc, { status: 'pending' })
    const event = await recordEvent(req, { collection: 'referrals', document: doc.id, tenant, action, actor: actor?.id ?? null, from: doc.status, to: done.status, reason, data: { ...input, ...(done.reward?.walletCents != null && done.status === 'rewarded' ? { reward: done.reward } : {}) } })
    return { doc: done, event }
  },
})
