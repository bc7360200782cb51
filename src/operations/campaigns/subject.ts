import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { audienceOf, type AudienceFields } from '@/domain/campaigns/audience'
import { CAMPAIGN_WORKFLOW, CAMPAIGN_WORKFLOW_WRITE, type CampaignFacts, contentProblem, finishedStatus, type CampaignStatus } from '@/domain/campaigns/workflow'
import { lexicalPlainText, type LexicalState } from '@/domain/content/lexical'
import { ClientError } from '@/errors'
import { enqueue } from '@/jobs/enqueue'
import type { EmailCampaign } from '@/payload-types'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'

import { materializeRecipients, refreshProgress, skipPending } from './recipients'

const lockCampaign = async (req: PayloadRequest, id: number): Promise<EmailCampaign> => {
  await lockRow(req, 'email_campaigns', id)
  return req.payload.findByID({ collection: 'email-campaigns', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const audienceFields = (campaign: EmailCampaign): AudienceFields => ({
  roles: campaign.audience?.roles ?? [],
  segment: campaign.audience?.segment ?? 'none',
  days: campaign.audience?.days ?? null,
  level: idOf(campaign.audience?.level as number | { id: number } | null | undefined),
})

/** What the campaign's rules see: its status, whether its content and audience are ready, its send time. */
export const campaignFacts = (campaign: EmailCampaign): CampaignFacts => {
  const audience = audienceOf(audienceFields(campaign))
  return {
    status: campaign.status,
    contentProblem: contentProblem({ subject: campaign.subject, bodyText: lexicalPlainText(campaign.body as LexicalState) }),
    audienceProblem: audience.ok ? null : audience.reason,
    scheduledAt: campaign.scheduledAt ? new Date(campaign.scheduledAt) : null,
  }
}

const write = (req: PayloadRequest, id: number, data: Partial<EmailCampaign>) =>
  req.payload.update({ collection: 'email-campaigns', id, data, depth: 0, context: { [CAMPAIGN_WORKFLOW_WRITE]: true }, ...asSystem(proofOf(req)), req })

/**
 * Mail campaigns on the one workflow pattern. Starting (send now, or the schedule at the
 * send time) writes the recipients from the audience in the same transaction, so a
 * campaign is never sending without them; the worker then sends (`sendCampaign`) and
 * finishes it. Cancelling skips whoever is not yet claimed. A test send queues one mail to
 * the acting admin and changes nothing.
 */
export const CAMPAIGN_SUBJECT = defineSubject({
  collection: 'email-campaigns',
  workflow: CAMPAIGN_WORKFLOW,
  lock: lockCampaign,
  context: async (_req, campaign: EmailCampaign, actor) => ({ facts: campaignFacts(campaign), actor: websiteActorOf(actor, idOf(campaign.tenant)!) }),
  apply: async ({ req, doc, action, actor, now }) => {
    const tenant = idOf(doc.tenant)!
    let campaign = doc
    let data: Record<string, unknown> = {}
    let to: CampaignStatus = doc.status
    if (action === 'schedule') to = 'scheduled'
    if (action === 'unschedule') to = 'draft'
    if (action === 'sendNow' || action === 'start') {
      const audience = audienceOf(audienceFields(doc))
      if (!audience.ok) throw new ClientError(audience.reason, 422, { field: audience.field })
      await materializeRecipients(req, doc.id, tenant, audience.audience, now)
      const progress = await refreshProgress(req, doc.id)
      data = { recipients: progress.total, skipped: progress.skipped }
      to = 'sending'
      campaign = await write(req, doc.id, { status: to, startedAt: now.toISOString() })
    } else if (action === 'finish') {
      const progress = await refreshProgress(req, doc.id)
      to = finishedStatus(progress)
      data = { sent: progress.sent, failed: progress.failed, skipped: progress.skipped }
      campaign = await write(req, doc.id, { status: to, finishedAt: now.toISOString() })
    } else if (action === 'cancel') {
      to = 'cancelled'
      if (doc.status === 'sending') {
        await skipPending(req, doc.id, 'cancelled')
        const progress = await refreshProgress(req, doc.id)
        data = { sent: progress.sent, failed: progress.failed, skipped: progress.skipped }
      }
      campaign = await write(req, doc.id, { status: to, finishedAt: now.toISOString() })
    } else if (action === 'testSend') {
      await enqueue(req, { type: 'mail.campaignTest', tenant, payload: { campaignId: doc.id, userId: actor!.id } })
      data = { to: actor!.id }
    } else if (to !== doc.status) campaign = await write(req, doc.id, { status: to })
    const event = await recordEvent(req, { collection: 'email-campaigns', document: doc.id, tenant, action, actor: actor?.id ?? null, from: doc.status, to, data })
    return { doc: campaign, event }
  },
})
