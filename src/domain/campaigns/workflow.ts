import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

/**
 * A mail campaign's life (reference §11): a draft is written, scheduled for a time (or sent
 * now), sent by the worker in batches, and ends sent — or failed when no mail of it went
 * out — or cancelled. The website's admins act; the platform starts a scheduled campaign
 * when its time comes and finishes it when no recipient is left to send.
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]

/** A recipient: pending until a sender claims it (sending), then sent, failed or skipped (with the reason). */
export const RECIPIENT_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number]

export const SUPPRESSION_REASONS = ['bounce', 'complaint', 'manual'] as const
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number]

/** Recipients a sender claims and sends at a time; progress is written after each batch. */
export const CAMPAIGN_BATCH = 100

/**
 * How long a claimed recipient may stay unconfirmed before its sender is taken for dead.
 * A batch takes seconds; a claim older than this belongs to a worker that stopped between
 * claiming and confirming, and is marked failed, never sent again (at most once).
 */
export const CLAIM_LEASE_MS = 10 * 60 * 1000

export type CampaignFacts = {
  status: CampaignStatus
  /** Why the content is not ready to send (no subject, empty body), or null. */
  contentProblem: string | null
  /** Why the audience addresses nobody (no role and no segment…), or null. */
  audienceProblem: string | null
  scheduledAt: Date | null
}

/** `req.context` flag of the campaign workflow's own writes (status, counters): the collection's edit lock lets them through. */
export const CAMPAIGN_WORKFLOW_WRITE = 'campaignWorkflowWrite'

const admins = staffOf('admin')
const platformOnly = (): boolean => false

const ready = (facts: CampaignFacts): string | null => facts.contentProblem ?? facts.audienceProblem

export type CampaignAction = 'schedule' | 'unschedule' | 'sendNow' | 'testSend' | 'start' | 'finish' | 'cancel'

export const CAMPAIGN_WORKFLOW = defineWorkflow<CampaignStatus, CampaignFacts, WebsiteActor, CampaignAction>({
  noun: 'mail campaign',
  statuses: CAMPAIGN_STATUSES,
  system: PLATFORM,
  actions: {
    schedule: {
      label: 'Schedule',
      from: ['draft'],
      who: admins,
      guard: (facts, _actor, now) => ready(facts) ?? (!facts.scheduledAt ? 'Set the send time (scheduledAt) first.' : facts.scheduledAt <= now ? 'The send time has passed: set a later one, or send now.' : null),
      targets: ['scheduled'],
    },
    unschedule: { label: 'Back to draft', from: ['scheduled'], who: admins, targets: ['draft'] },
    sendNow: { label: 'Send now', from: ['draft', 'scheduled'], who: admins, guard: (facts) => ready(facts), targets: ['sending'] },
    // Mails the campaign to the admin who asks, only: nobody else, no status change.
    testSend: { label: 'Send me a test', from: ['draft', 'scheduled'], who: admins, guard: (facts) => facts.contentProblem, targets: [] },
    // The schedule, when the send time has come.
    start: { label: 'Start sending', from: ['scheduled'], who: platformOnly, guard: (facts) => ready(facts), targets: ['sending'] },
    // The sender, once no recipient is left to send: sent, or failed when none went out.
    finish: { label: 'Finish', from: ['sending'], who: platformOnly, targets: ['sent', 'failed'] },
    cancel: { label: 'Cancel', from: ['draft', 'scheduled', 'sending'], who: admins, targets: ['cancelled'] },
  },
})

/** Whether the schedule starts the campaign now. */
export const campaignDue = (c: { status: CampaignStatus; scheduledAt: Date | null }, now: Date): boolean => c.status === 'scheduled' && c.scheduledAt !== null && c.scheduledAt <= now

export type Progress = { total: number; pending: number; sending: number; sent: number; failed: number; skipped: number }

/** How a campaign whose recipients are all settled ends: failed when recipients were tried and none was sent. */
export const finishedStatus = (p: Progress): 'sent' | 'failed' => (p.sent === 0 && p.failed > 0 ? 'failed' : 'sent')

/** Whether every recipient is settled (none pending, none claimed). */
export const allSettled = (p: Progress): boolean => p.pending === 0 && p.sending === 0

/** Addresses compare lower-cased and trimmed (a suppression of Bob@X.com covers bob@x.com). */
export const normalizeAddress = (address: string): string => address.trim().toLowerCase()

/** Why a campaign's content cannot be sent, or null. */
export const contentProblem = (c: { subject?: string | null; bodyText: string }): string | null =>
  !c.subject?.trim() ? 'The campaign has no subject.' : !c.bodyText.trim() ? 'The campaign’s body is empty.' : null
