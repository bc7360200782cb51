import type { PayloadRequest } from 'payload'

import { execute, sql } from '@/db/execute'
import type { Audience, AudienceRole, Segment } from '@/domain/campaigns/audience'
import type { Progress } from '@/domain/campaigns/workflow'

type SQL = ReturnType<typeof sql>

const DAY_MS = 24 * 3600 * 1000

const rolesSql = (roles: AudienceRole[]): SQL =>
  roles.length === 0
    ? sql`TRUE`
    : sql`EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value::text IN (${sql.join(
        roles.map((role) => sql`${role}`),
        sql`, `,
      )}))`

const segmentSql = (segment: Segment | null, tenant: number, now: Date): SQL => {
  if (!segment) return sql`TRUE`
  if (segment.kind === 'writersOfLevel') return sql`u.writer_level_id = ${segment.level}`
  const since = new Date(now.getTime() - segment.days * DAY_MS).toISOString()
  const ordered = sql`EXISTS (SELECT 1 FROM orders o WHERE o.client_id = u.id AND o.tenant_id = ${tenant} AND o.created_at >= ${since})`
  const client = sql`EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = u.id AND r.value = 'client')`
  return segment.kind === 'recentClients' ? ordered : sql`(${client} AND NOT ${ordered})`
}

/**
 * Whether the user takes marketing mail of the website, in SQL, for bulk selection: what
 * `wantsEmail(…, 'marketing')` answers one user at a time. A preferences row's boolean
 * switch wins; without one the role's default does (clients and writers yes, staff no:
 * src/domain/notifications/preferences.ts). The sender asks `wantsEmail` again for every
 * recipient just before mailing, so an opt-out made while a campaign sends is honoured.
 */
export const marketingConsentSql = (user: SQL, tenant: number): SQL =>
  sql`COALESCE(
        (SELECT (p.channels -> 'marketing' -> 'email')::text::boolean FROM notification_preferences p
          WHERE p.user_id = ${user} AND p.tenant_id = ${tenant} AND jsonb_typeof(p.channels -> 'marketing' -> 'email') = 'boolean' LIMIT 1),
        EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = ${user} AND r.value IN ('client', 'writer')))`

/**
 * The campaign's recipients, written in one INSERT … SELECT from its audience: every user
 * of the website the audience selects, once per address (lower-cased). Suppressed
 * addresses and users who opted out of marketing mail are written as skipped with the
 * reason, so the campaign shows why they got nothing. A second run adds nobody twice.
 */
export const materializeRecipients = async (req: PayloadRequest, campaign: number, tenant: number, audience: Audience, now: Date): Promise<void> => {
  const consent = marketingConsentSql(sql`u.id`, tenant)
  await execute(
    req,
    sql`INSERT INTO email_recipients (tenant_id, campaign_id, user_id, address, status, reason, attempt, updated_at, created_at)
        SELECT DISTINCT ON (lower(u.email)) ${tenant}::int, ${campaign}::int, u.id, lower(u.email),
               (CASE WHEN s.id IS NOT NULL OR NOT (${consent}) THEN 'skipped' ELSE 'pending' END)::enum_email_recipients_status,
               CASE WHEN s.id IS NOT NULL THEN 'suppressed (' || s.reason::text || ')' WHEN NOT (${consent}) THEN 'unsubscribed' END,
               0, now(), now()
        FROM users u
        LEFT JOIN email_suppressions s ON s.tenant_id = ${tenant} AND s.address = lower(u.email)
        WHERE EXISTS (SELECT 1 FROM users_tenants ut WHERE ut._parent_id = u.id AND ut.tenant_id = ${tenant})
          AND ${rolesSql(audience.roles)}
          AND ${segmentSql(audience.segment, tenant, now)}
        ORDER BY lower(u.email), u.id
        ON CONFLICT (campaign_id, address) DO NOTHING`,
  )
}

type CountRow = { total: string; pending: string; sending: string; sent: string; failed: string; skipped: string }

/** Counts the campaign's recipients by status and writes them to its progress. */
export const refreshProgress = async (req: PayloadRequest, campaign: number): Promise<Progress> => {
  const [row] = await execute<CountRow>(
    req,
    sql`WITH c AS (
          SELECT count(*) AS total,
                 count(*) FILTER (WHERE status = 'pending') AS pending,
                 count(*) FILTER (WHERE status = 'sending') AS sending,
                 count(*) FILTER (WHERE status = 'sent') AS sent,
                 count(*) FILTER (WHERE status = 'failed') AS failed,
                 count(*) FILTER (WHERE status = 'skipped') AS skipped
          FROM email_recipients WHERE campaign_id = ${campaign})
        UPDATE email_campaigns SET progress_total = c.total, progress_sent = c.sent, progress_failed = c.failed, progress_skipped = c.skipped
        FROM c WHERE email_campaigns.id = ${campaign}
        RETURNING c.total, c.pending, c.sending, c.sent, c.failed, c.skipped`,
  )
  const r = row ?? { total: '0', pending: '0', sending: '0', sent: '0', failed: '0', skipped: '0' }
  return { total: Number(r.total), pending: Number(r.pending), sending: Number(r.sending), sent: Number(r.sent), failed: Number(r.failed), skipped: Number(r.skipped) }
}

/** A cancelled campaign's recipients not yet claimed: skipped. Claimed ones finish as their sender confirms them. */
export const skipPending = async (req: PayloadRequest, campaign: number, reason: string): Promise<void> => {
  await execute(req, sql`UPDATE email_recipients SET status = 'skipped', reason = ${reason}, updated_at = now() WHERE campaign_id = ${campaign} AND status = 'pending'`)
}
