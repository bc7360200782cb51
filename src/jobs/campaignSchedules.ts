import type { Payload } from 'payload'

import { asSystem, systemProof, systemRequest } from '@/access/system'
import { campaignDue } from '@/domain/campaigns/workflow'
import { sendCampaign, type SendOptions } from '@/operations/campaigns/send'
import { performAction } from '@/operations/workflow/performAction'

import type { Schedule } from './schedules'
import { idsMatching, sweep } from './sweep'

const MINUTE_MS = 60 * 1000
const proof = systemProof('mail campaign schedule')

/**
 * Starts the scheduled campaigns whose send time has come (workflow action `start` as
 * the platform: the recipients are written in that transaction), then sends every
 * campaign that is sending, batch by batch, and finishes those with nobody left. A
 * campaign a worker stopped sending (a crash, a deploy) is picked up by the next run.
 */
export const runCampaigns = async (payload: Payload, now: Date, options: SendOptions = {}) => {
  const due = idsMatching(payload, 'email-campaigns', { and: [{ status: { equals: 'scheduled' } }, { scheduledAt: { less_than_equal: now.toISOString() } }] })
  const started = await sweep(payload, 'campaigns-start', due, async (id, req) => {
    const campaign = await req.payload.findByID({ collection: 'email-campaigns', id, depth: 0, ...asSystem(proof), req })
    if (!campaignDue({ status: campaign.status, scheduledAt: campaign.scheduledAt ? new Date(campaign.scheduledAt) : null }, now)) return false
    await performAction(req, 'email-campaigns', id, 'start', {}, { system: true, now })
    return true
  })
  const sent = { campaigns: 0, mails: 0, failed: 0 }
  for await (const id of idsMatching(payload, 'email-campaigns', { status: { equals: 'sending' } })) {
    try {
      const result = await sendCampaign(await systemRequest(payload, proof), id, { now, ...options })
      sent.campaigns += 1
      sent.mails += result.sent
    } catch (error) {
      sent.failed += 1
      payload.logger.error({ err: error, campaign: id }, 'campaign sending stopped; the next run goes on')
    }
  }
  return { started, sent }
}

/** The campaigns' timed work, in SCHEDULES (reference §13: mass emails dispatch). */
export const CAMPAIGN_SCHEDULES: Schedule[] = [{ id: 'campaigns-dispatch', everyMs: MINUTE_MS, run: ({ payload, now }) => runCampaigns(payload, now) }]
