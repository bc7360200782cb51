import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { actorOf } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { ClientError } from '@/errors'

import { toValidationError } from '../toValidationError'

const me = (req: PayloadRequest): number => {
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  return actor.id
}

/** The caller's unread inbox notifications (every website of theirs, as the list). */
export const unreadCount = async (req: PayloadRequest): Promise<{ unread: number }> => {
  const user = me(req)
  const [row] = await execute<{ n: number }>(req, sql`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = ${user} AND inbox AND read_at IS NULL`)
  return { unread: row?.n ?? 0 }
}

export const markReadInput = z.union(
  [
    z.object({ ids: z.array(z.number({ error: 'Notification ids (whole numbers).' }).int('Notification ids (whole numbers).').min(1).max(2_147_483_647), { error: 'A list of notification ids.' }).min(1, 'At least one id.').max(500, 'At most 500 ids at once.') }).strict(),
    z.object({ all: z.literal(true, { error: 'true: mark every notification read.' }) }).strict(),
  ],
  { error: 'Either { ids: [...] } or { all: true }.' },
)

/**
 * Marks the caller's inbox notifications read: the given ids, or all. Ids of anyone
 * else's notifications, of rows kept out of the inbox, or of none at all are passed over
 * silently: they are not the caller's to know of. Answers how many changed and how many
 * stay unread.
 */
export const markRead = async (req: PayloadRequest, raw: unknown): Promise<{ updated: number; unread: number }> => {
  const user = me(req)
  const parsed = markReadInput.safeParse(raw)
  if (!parsed.success) throw toValidationError(parsed.error, 'notifications', req)
  const input = parsed.data
  const rows =
    'all' in input
      ? await execute<{ id: number }>(req, sql`UPDATE notifications SET read_at = now(), updated_at = now() WHERE recipient_id = ${user} AND inbox AND read_at IS NULL RETURNING id`)
      : await execute<{ id: number }>(
          req,
          sql`UPDATE notifications SET read_at = now(), updated_at = now() WHERE recipient_id = ${user} AND inbox AND read_at IS NULL AND id = ANY(${`{${input.ids.join(',')}}`}::int[]) RETURNING id`,
        )
  return { updated: rows.length, ...(await unreadCount(req)) }
}
