import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { verifyUnsubscribe } from '@/domain/notifications/unsubscribeToken'
import type { NotificationCategory } from '@/domain/notifications/types'
import { ClientError } from '@/errors'

import { publicRequest } from '../gate'
import { inTransaction } from '../inTransaction'
import { unsubscribeSecret } from './consent'
import { ensurePreferencesRow, withSwitches } from './myPreferences'
import { recipientOf } from './preferences'

export type UnsubscribeAnswer = { category: NotificationCategory; website: string; subscribed: boolean }

/** The link's claim when genuine and its user still belongs to its website; 404 otherwise (nothing is written). */
const claimOf = async (req: PayloadRequest, token: string | null) => {
  await publicRequest(req, 'unsubscribe link')
  const claim = token ? verifyUnsubscribe(token, unsubscribeSecret()) : null
  if (!claim) throw new ClientError('This unsubscribe link is not valid.', 404)
  const user = await req.payload.findByID({ collection: 'users', id: claim.user, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req })
  const member = user?.tenants?.some((t) => (typeof t.tenant === 'number' ? t.tenant : t.tenant?.id) === claim.tenant) ?? false
  const tenant = member ? await req.payload.findByID({ collection: 'tenants', id: claim.tenant, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req }) : null
  if (!tenant) throw new ClientError('This unsubscribe link is not valid.', 404)
  return { claim, website: tenant.branding?.brandName || tenant.name }
}

/** What the link would switch off, and whether that mail is still on (GET: reads only, so a mail scanner's visit changes nothing). */
export const unsubscribeStatus = async (req: PayloadRequest, token: string | null): Promise<UnsubscribeAnswer> => {
  const { claim, website } = await claimOf(req, token)
  const recipient = await recipientOf(req, claim.user, claim.tenant)
  return { category: claim.category, website, subscribed: recipient?.preferences.channels[claim.category].email ?? false }
}

/** Switches the link's category's mail off for its user on its website; no login (the signed token is the proof). */
export const unsubscribe = async (req: PayloadRequest, token: string | null): Promise<UnsubscribeAnswer> => {
  const { claim, website } = await claimOf(req, token)
  await inTransaction(req, async () => {
    const id = await ensurePreferencesRow(req, claim.user, claim.tenant)
    const current = await req.payload.findByID({ collection: 'notification-preferences', id, depth: 0, ...asSystem(proofOf(req)), req })
    await req.payload.update({ collection: 'notification-preferences', id, data: { channels: withSwitches(current.channels, { [claim.category]: { email: false } }) }, depth: 0, ...asSystem(proofOf(req)), req })
  })
  return { category: claim.category, website, subscribed: false }
}
