import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { channelsInput, DIGEST_FREQUENCIES, type Preferences } from '@/domain/notifications/preferences'
import { NOTIFICATION_PRIORITIES } from '@/domain/notifications/types'
import { isTimeZone } from '@/domain/timeZone'
import { ClientError } from '@/errors'

import { requestMember } from '../gate'
import { inTransaction } from '../inTransaction'
import { toValidationError } from '../toValidationError'
import { recipientOf } from './preferences'

export type PreferencesAnswer = Omit<Preferences, 'muteUntil'> & { muteUntil: string | null; customised: boolean }

const answer = (p: Preferences, customised: boolean): PreferencesAnswer => ({ ...p, muteUntil: p.muteUntil?.toISOString() ?? null, customised })

const hour = z.number({ error: 'A whole hour from 0 to 23, or null.' }).int('A whole hour from 0 to 23.').min(0, 'From 0 to 23.').max(23, 'From 0 to 23.').nullable()

export const preferencesPatch = z
  .object({
    channels: channelsInput.optional(),
    muteUntil: z.iso.datetime({ offset: true, error: 'An ISO date-time, or null.' }).nullable().optional(),
    dndStart: hour.optional(),
    dndEnd: hour.optional(),
    timeZone: z.string().max(64).refine(isTimeZone, 'An IANA time zone such as Europe/Berlin.').nullable().optional(),
    digest: z.enum(DIGEST_FREQUENCIES, { error: `One of ${DIGEST_FREQUENCIES.join(', ')}.` }).optional(),
    minPriority: z.enum(NOTIFICATION_PRIORITIES, { error: `One of ${NOTIFICATION_PRIORITIES.join(', ')}.` }).optional(),
  })
  .strict()

/** The caller's preferences on the request's website, complete (their row over their role's defaults). */
export const myPreferences = async (req: PayloadRequest): Promise<PreferencesAnswer> => {
  const { actor, tenant } = await requestMember(req)
  const recipient = await recipientOf(req, actor.id, tenant.id)
  if (!recipient) throw new ClientError('Not Found', 404)
  return answer(recipient.preferences, recipient.stored !== null)
}

/** The user's row on the website, created empty if missing (one statement: two racing writers get one row). */
export const ensurePreferencesRow = async (req: PayloadRequest, user: number, tenant: number): Promise<number> => {
  await execute(req, sql`INSERT INTO notification_preferences (tenant_id, user_id, updated_at, created_at) VALUES (${tenant}, ${user}, now(), now()) ON CONFLICT (tenant_id, user_id) DO NOTHING`)
  const [row] = await execute<{ id: number }>(req, sql`SELECT id FROM notification_preferences WHERE tenant_id = ${tenant} AND user_id = ${user} FOR UPDATE`)
  return Number(row!.id)
}

type StoredChannels = Record<string, Record<string, boolean>>

/** Merges switches into a stored row's channels (what is not given stays as stored). */
export const withSwitches = (stored: unknown, patch: Partial<Record<string, Partial<Record<string, boolean | undefined>>>>): StoredChannels => {
  const channels: StoredChannels = stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as StoredChannels) } : {}
  for (const [category, row] of Object.entries(patch)) {
    const given = Object.fromEntries(Object.entries(row ?? {}).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'))
    channels[category] = { ...channels[category], ...given }
  }
  return channels
}

/** Changes the caller's preferences on the request's website (only what the body gives) and answers them complete. */
export const updateMyPreferences = async (req: PayloadRequest, raw: unknown): Promise<PreferencesAnswer> => {
  const parsed = preferencesPatch.safeParse(raw)
  if (!parsed.success) throw toValidationError(parsed.error, 'notification-preferences', req)
  const { actor, tenant } = await requestMember(req)
  const { channels, ...rest } = parsed.data
  await inTransaction(req, async () => {
    const id = await ensurePreferencesRow(req, actor.id, tenant.id)
    const current = await req.payload.findByID({ collection: 'notification-preferences', id, depth: 0, ...asSystem(proofOf(req)), req })
    await req.payload.update({
      collection: 'notification-preferences',
      id,
      data: { ...rest, ...(channels ? { channels: withSwitches(current.channels, channels) } : {}) },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
  })
  return myPreferences(req)
}
