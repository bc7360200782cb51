import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'
import { DIGEST_FREQUENCIES } from '@/domain/notifications/preferences'
import { NOTIFICATION_CATEGORIES, NOTIFICATION_PRIORITIES } from '@/domain/notifications/types'
import { myPreferences, preferencesPatch, updateMyPreferences } from '@/operations/notifications/myPreferences'

import { readJsonBody } from './readJsonBody'

const switches = z.object({ inApp: z.boolean(), email: z.boolean(), live: z.boolean() })

const preferencesAnswer = z.object({
  channels: z.object(Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, switches]))).describe('Per category, the channels that carry it.'),
  muteUntil: z.string().nullable().describe('Until then only critical events and receipts are mailed or shown live.'),
  dndStart: z.number().int().nullable(),
  dndEnd: z.number().int().nullable().describe('Do-not-disturb from `dndStart` up to, not including, `dndEnd` (hours 0–23, may span midnight) in `timeZone`: mail waits for the next digest.'),
  timeZone: z.string(),
  digest: z.enum(DIGEST_FREQUENCIES),
  minPriority: z.enum(NOTIFICATION_PRIORITIES),
  customised: z.boolean().describe('False while the role’s defaults apply unchanged.'),
})

const description = [
  'The caller’s notification preferences on the request’s website, complete: what they changed over their role’s defaults (clients take marketing mail by default, writers and staff do not; every category in-app, live and by mail). Critical events and receipts are mailed whatever they say.',
  '**404** when the caller is not a member of the request’s website.',
]

/** GET /api/notification-preferences/me → the caller's complete preferences. */
export const myPreferencesEndpoint: Endpoint = documented(
  { path: '/me', method: 'get', handler: async (req) => Response.json(await myPreferences(req)) },
  { summary: 'My notification preferences', description: description.join('\n\n'), tags: ['notifications'], auth: 'required', responses: { 200: preferencesAnswer }, errors: [401, 404] },
)

/** PATCH /api/notification-preferences/me → changes what the body gives, answers them complete. */
export const updateMyPreferencesEndpoint: Endpoint = documented(
  { path: '/me', method: 'patch', handler: async (req) => Response.json(await updateMyPreferences(req, await readJsonBody(req))) },
  {
    summary: 'Change my notification preferences',
    description: [
      'Changes only what the body gives: `channels` (per category, any of `inApp`, `email`, `live`), `muteUntil` (ISO date-time or null), `dndStart` / `dndEnd` (hours 0–23 or null), `timeZone` (IANA name, or null for the profile’s), `digest`, `minPriority`. Answers the preferences complete.',
      '**400** naming the field and the rule (an unknown category or channel, an hour outside 0–23, an unknown time zone, any other field). **404** when the caller is not a member of the request’s website.',
    ].join('\n\n'),
    tags: ['notifications'],
    auth: 'required',
    body: preferencesPatch,
    responses: { 200: preferencesAnswer },
    errors: [400, 401, 404],
  },
)

export const notificationPreferenceEndpoints: Endpoint[] = [myPreferencesEndpoint, updateMyPreferencesEndpoint]
