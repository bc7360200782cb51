import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { allSettled, CAMPAIGN_BATCH, CLAIM_LEASE_MS, type Progress } from '@/domain/campaigns/workflow'
import { ClientError } from '@/errors'
import { tenantSender } from '@/mail/sendTenantMail'
import { campaignContent, campaignHeaders, campaignMail } from '@/mail/templates/campaign'

import { unsubscribeUrl, wantsEmail } from '../notifications/consent'
import { performAction } from '../workflow/performAction'

import { refreshProgress } from './recipients'

/** One mail as the mail adapter takes it. */
export type OutgoingMail = { to: string; from: string; subject: string; html: string; text: string; headers: Record<string, string>; messageId: string }
export type Mailer = (mail: OutgoingMail) => Promise<unknown>

export type SendOptions = {
  /** Recipients claimed at a time (default CAMPAIGN_BATCH). */
  batch?: number
  /** Mails in flight at once within a batch (default 4). */
  concurrency?: number
  /** Stop after this many batches (the rest waits for the next run). */
  maxBatches?: number
  /** The clock of the stale-claim rule (the schedule's `now`). */
  now?: Date
  /** Default: the platform's mail adapter (`payload.sendEmail`). */
  mailer?: Mailer
}

export type SendResult = { batches: number; sent: number; failed: number; skipped: number; recovered: number; progress: Progress | null; finished: boolean }

type Claimed = { id: number; user_id: number | null; address: string }

const INTERRUPTED = 'interrupted: its sender stopped after claiming it; not resent (at most once)'

/**
 * Claims the next `size` pending recipients of a campaign that is sending: one UPDATE over
 * a `FOR UPDATE SKIP LOCKED` subselect, so concurrent senders take disjoint batches and
 * never wait on each other. The claim commits before any mail goes out.
 */
const claimBatch = async (req: PayloadRequest, campaign: number, size: number): Promise<Claimed[]> =>
  execute<Claimed>(
    req,
    sql`UPDATE email_recipients SET status = 'sending', claimed_at = now(), updated_at = now()
        WHERE id IN (SELECT r.id FROM email_recipients r
                     WHERE r.campaign_id = ${campaign} AND r.status = 'pending'
                       AND EXISTS (SELECT 1 FROM email_campaigns c WHERE c.id = ${campaign} AND c.status = 'sending')
                     ORDER BY r.id LIMIT ${size} FOR UPDATE SKIP LOCKED)
        RETURNING id, user_id, address`,
  )

/** Settles one claimed recipient (only while still claimed: a settled row is never touched again). */
const settle = (req: PayloadRequest, id: number, status: 'sent' | 'failed' | 'skipped', fields: { reason?: string | null; messageId?: string | null }) =>
  execute(
    req,
    sql`UPDATE email_recipients
        SET status = ${status}, reason = ${fields.reason ?? null}, message_id = ${fields.messageId ?? null},
            sent_at = ${status === 'sent' ? sql`now()` : sql`NULL`}, updated_at = now()
        WHERE id = ${id} AND status = 'sending'`,
  )

/** Marks a claimed recipient as being mailed now, committed before its mail goes out. */
const markAttempt = async (req: PayloadRequest, campaign: number, id: number): Promise<boolean> =>
  (
    await execute(
      req,
      sql`UPDATE email_recipients SET attempt = COALESCE(attempt, 0) + 1, updated_at = now()
          WHERE id = ${id} AND status = 'sending' AND EXISTS (SELECT 1 FROM email_campaigns c WHERE c.id = ${campaign} AND c.status = 'sending')
          RETURNING id`,
    )
  ).length > 0

/**
 * Claims older than the lease that their sender never confirmed: that sender died (a
 * killed worker). A recipient whose mail it never began goes back to pending, to be sent
 * by this run; one whose mail it began may or may not have left, so it is marked failed,
 * never sent again. Returns how many were failed.
 */
const recoverStaleClaims = async (req: PayloadRequest, campaign: number, now: Date): Promise<number> => {
  const before = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString()
  await execute(
    req,
    sql`UPDATE email_recipients SET status = 'pending', claimed_at = NULL, updated_at = now()
        WHERE campaign_id = ${campaign} AND status = 'sending' AND claimed_at < ${before} AND COALESCE(attempt, 0) = 0`,
  )
  const rows = await execute(
    req,
    sql`UPDATE email_recipients SET status = 'failed', reason = ${INTERRUPTED}, updated_at = now()
        WHERE campaign_id = ${campaign} AND status = 'sending' AND claimed_at < ${before}
        RETURNING id`,
  )
  return rows.length
}

/** Runs `fn` over `items`, at most `limit` at a time. */
const eachLimited = async <T>(items: T[], limit: number, fn: (item: T) => Promise<void>) => {
  let next = 0
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 250)

/**
 * Sends a campaign that is sending, batch after batch, until no recipient is pending, then
 * finishes it (sent, or failed when none went out). Safe to run from several workers at
 * once and to re-run after a crash.
 *
 * At most once: a batch is claimed (committed) first; each recipient's attempt is then
 * recorded (committed) right before its mail goes out and confirmed right after. A worker
 * killed midway leaves at most `concurrency` recipients attempted and unconfirmed; once the
 * claim's lease has passed the next run marks those failed ("interrupted") instead of
 * mailing them again, and puts the claimed-but-never-attempted rest back to pending. SMTP has no idempotency a sender
 * can rely on (a Message-ID does not make a server drop a second copy), so the choice is
 * between a possible duplicate and a possible loss, and for marketing mail a lost copy to a
 * handful of addresses is the lesser harm. The Message-ID is still deterministic per
 * recipient (`<campaign-<id>.<recipient>@host>`) so an operator can match logs.
 *
 * Runs on a request with no open transaction: every statement commits on its own.
 */
export const sendCampaign = async (req: PayloadRequest, campaignId: number, options: SendOptions = {}): Promise<SendResult> => {
  const result: SendResult = { batches: 0, sent: 0, failed: 0, skipped: 0, recovered: 0, progress: null, finished: false }
  const proof = proofOf(req)
  const campaign = await req.payload.findByID({ collection: 'email-campaigns', id: campaignId, depth: 0, ...asSystem(proof), req, disableErrors: true })
  if (!campaign || campaign.status !== 'sending') return result
  const tenant = idOf(campaign.tenant)!
  result.recovered = await recoverStaleClaims(req, campaignId, options.now ?? new Date())

  const sender = await tenantSender(req.payload, proof, tenant)
  const content = campaignContent(campaign.subject, campaign.body)
  const mailer: Mailer = options.mailer ?? ((mail) => req.payload.sendEmail(mail))
  const host = sender.host ?? 'scriptorium.local'
  const size = options.batch ?? CAMPAIGN_BATCH

  const sendOne = async (r: Claimed) => {
    if (r.user_id !== null && !(await wantsEmail(req, r.user_id, tenant, 'marketing'))) {
      await settle(req, r.id, 'skipped', { reason: 'unsubscribed' })
      result.skipped += 1
      return
    }
    const unsubscribe = r.user_id !== null ? unsubscribeUrl(r.user_id, tenant, 'marketing') : `mailto:${sender.brand.supportEmail ?? ''}`
    const mail = campaignMail(sender.brand, content, unsubscribe)
    const messageId = `<campaign-${campaignId}.${r.id}@${host}>`
    // The campaign was cancelled since the claim: this one is not sent.
    if (!(await markAttempt(req, campaignId, r.id))) {
      await settle(req, r.id, 'skipped', { reason: 'cancelled' })
      result.skipped += 1
      return
    }
    try {
      await mailer({ to: r.address, from: sender.from, subject: mail.subject, html: mail.html, text: mail.text, headers: campaignHeaders(unsubscribe, campaignId), messageId })
    } catch (error) {
      await settle(req, r.id, 'failed', { reason: describeError(error) })
      result.failed += 1
      return
    }
    await settle(req, r.id, 'sent', { messageId })
    result.sent += 1
  }

  for (;;) {
    if (options.maxBatches !== undefined && result.batches >= options.maxBatches) break
    const claimed = await claimBatch(req, campaignId, size)
    if (claimed.length === 0) break
    await eachLimited(claimed, options.concurrency ?? 4, sendOne)
    result.batches += 1
    result.progress = await refreshProgress(req, campaignId)
  }
  result.progress = await refreshProgress(req, campaignId)
  if (allSettled(result.progress)) {
    try {
      await performAction(req, 'email-campaigns', campaignId, 'finish', {}, { system: true, now: new Date() })
      result.finished = true
    } catch (error) {
      // Another sender finished it, or an admin cancelled it meanwhile.
      if (!(error instanceof ClientError)) throw error
    }
  }
  return result
}
