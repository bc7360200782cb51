import type { Role } from '../roles'

/**
 * Who a mail campaign goes to (reference §11, EmailCampaign.target_roles, plus segments):
 * the website's users having any of `roles` (when given) and matching the `segment` (when
 * given) — both narrow, so "clients who ordered in the last 30 days" is the segment alone
 * and "writers of level Senior" is the level segment alone. A plain value, checked here and
 * turned into SQL by the operation that materializes the recipients.
 */
export const AUDIENCE_ROLES = ['client', 'writer', 'editor', 'support', 'content', 'admin'] as const satisfies readonly Role[]
export type AudienceRole = (typeof AUDIENCE_ROLES)[number]

export const AUDIENCE_SEGMENTS = ['none', 'recentClients', 'lapsedClients', 'writersOfLevel'] as const
export type AudienceSegment = (typeof AUDIENCE_SEGMENTS)[number]

export type Segment =
  | { kind: 'recentClients'; days: number }
  /** Clients with no order in the last `days` days (never ordered included). */
  | { kind: 'lapsedClients'; days: number }
  | { kind: 'writersOfLevel'; level: number }

export type Audience = { roles: AudienceRole[]; segment: Segment | null }

/** What the campaign's fields hold (the admin's form). */
export type AudienceFields = { roles?: readonly string[] | null; segment?: string | null; days?: number | null; level?: number | null }

export const MAX_SEGMENT_DAYS = 3650

const isAudienceRole = (value: string): value is AudienceRole => (AUDIENCE_ROLES as readonly string[]).includes(value)

/** The audience the fields describe, or why they describe none (a message naming the field). */
export const audienceOf = (fields: AudienceFields): { ok: true; audience: Audience } | { ok: false; field: string; reason: string } => {
  const roles: AudienceRole[] = []
  for (const role of fields.roles ?? []) {
    if (!isAudienceRole(role)) return { ok: false, field: 'audience.roles', reason: `"${role}" is not a role a campaign can address.` }
    if (!roles.includes(role)) roles.push(role)
  }
  const kind = fields.segment ?? 'none'
  let segment: Segment | null = null
  if (kind === 'recentClients' || kind === 'lapsedClients') {
    const days = fields.days
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_SEGMENT_DAYS)
      return { ok: false, field: 'audience.days', reason: `This segment needs a number of days between 1 and ${MAX_SEGMENT_DAYS}.` }
    segment = { kind, days }
  } else if (kind === 'writersOfLevel') {
    if (typeof fields.level !== 'number' || !Number.isInteger(fields.level) || fields.level < 1) return { ok: false, field: 'audience.level', reason: 'This segment needs a writer level.' }
    segment = { kind, level: fields.level }
  } else if (kind !== 'none') return { ok: false, field: 'audience.segment', reason: `Unknown segment "${kind}".` }
  if (roles.length === 0 && !segment) return { ok: false, field: 'audience', reason: 'Choose at least one role or a segment.' }
  return { ok: true, audience: { roles, segment } }
}

/** The audience in words, for the admin and the timeline. */
export const describeAudience = (audience: Audience): string => {
  const parts: string[] = []
  if (audience.roles.length) parts.push(`roles ${audience.roles.join(', ')}`)
  const s = audience.segment
  if (s?.kind === 'recentClients') parts.push(`clients with an order in the last ${s.days} days`)
  if (s?.kind === 'lapsedClients') parts.push(`clients without an order in the last ${s.days} days`)
  if (s?.kind === 'writersOfLevel') parts.push(`writers of level #${s.level}`)
  return parts.join(' and ')
}
