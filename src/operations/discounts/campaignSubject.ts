import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { DISCOUNT_CAMPAIGN_WORKFLOW } from '@/domain/discounts/campaignWorkflow'
import type { DiscountCampaign } from '@/payload-types'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'

const lockCampaign = async (req: PayloadRequest, id: number): Promise<DiscountCampaign> => {
  await lockRow(req, 'discount_campaigns', id)
  return req.payload.findByID({ collection: 'discount-campaigns', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const TARGETS = { open: 'active', close: 'closed', archive: 'archived' } as const

/** Discount campaigns on the one workflow pattern: open, close, archive (admins; the schedule as the platform). */
export const DISCOUNT_CAMPAIGN_SUBJECT = defineSubject({
  collection: 'discount-campaigns',
  workflow: DISCOUNT_CAMPAIGN_WORKFLOW,
  lock: lockCampaign,
  context: async (_req, campaign: DiscountCampaign, actor) => ({ facts: { status: campaign.status }, actor: websiteActorOf(actor, idOf(campaign.tenant)!) }),
  apply: async ({ req, doc, action, actor }) => {
    const to = TARGETS[action]
    const done = await req.payload.update({ collection: 'discount-campaigns', id: doc.id, data: { status: to }, depth: 0, ...asSystem(proofOf(req)), req })
    const event = await recordEvent(req, { collection: 'discount-campaigns', document: doc.id, tenant: idOf(doc.tenant)!, action, actor: actor?.id ?? null, from: doc.status, to, data: { spent: doc.spent ?? 0, budget: doc.budget ?? null } })
    return { doc: done, event }
  },
})
