import type { Payload } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, systemProof } from '@/access/system'
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@/domain/notifications/types'
import { env } from '@/env'
import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { digestMail, notificationMail as render } from '@/mail/templates/notification'
import { unsubscribeUrl } from '@/operations/notifications/consent'
import { poolOf } from '@/db/pool'

import type { JobHandler } from '../handler'

const proof = systemProof('notification mail job')

/** A website path made absolute on the website's first domain (the server's address when it has none). */
const absolute = (host: string | null, link: string | null | undefined): string | null => {
  if (!link) return null
  if (/^https?:\/\//.test(link)) return link
  return `${host ? `https://${host}` : (env().SERVER_URL ?? 'http://localhost:3000')}${link.startsWith('/') ? '' : '/'}${link}`
}

const templateOf = async (payload: Payload, tenant: number, event: string) => {
  const { docs } = await payload.find({
    collection: 'notification-templates',
    where: { and: [{ tenant: { equals: tenant } }, { event: { equals: event } }, { active: { equals: true } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    ...asSystem(proof),
  })
  return docs[0] ?? null
}

/**
 * One notification's mail. Idempotent: only a row still `queued` is mailed (`sendOnce`);
 * a failure throws, and the outbox retries.
 */
export const notificationMail: JobHandler<'notification.mail'> = async ({ payload, tenant, data }) => {
  const note = await payload.findByID({ collection: 'notifications', id: data.notificationId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!note || idOf(note.tenant) !== tenant || note.emailStatus !== 'queued') return
  const user = await payload.findByID({ collection: 'users', id: idOf(note.recipient)!, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user?.email) return
  const sender = await tenantSender(payload, proof, tenant)
  const template = await templateOf(payload, tenant!, note.event)
  const facts = { event: note.event, title: note.title, body: note.body ?? '', link: absolute(sender.host, note.link), data: (note.data ?? {}) as Record<string, unknown> }
  const message = render(sender.brand, { name: user.name }, facts, template)
  await sendOnce(payload, note.id, () => sendMail(payload, user.email, sender.from, message))
}

/**
 * Sends a notification's mail at most once, whatever happens to the worker: the row is
 * claimed (`sending`) right before the SMTP exchange and marked `sent` right after, on
 * one connection held across both so nothing waits between them. A job run again after
 * its worker was killed (BullMQ's stalled-job retry) finds the claim and sends nothing: a
 * kill inside the exchange itself may lose that one mail (the inbox keeps the
 * notification), never send it twice. A failed exchange gives the claim back, and the
 * job retries.
 */
const sendOnce = async (payload: Payload, id: number, send: () => Promise<unknown>): Promise<void> => {
  const pool = poolOf(payload)
  if (!pool) throw new Error('the PostgreSQL adapter has no pool')
  const client = await pool.connect()
  try {
    const claimed = await client.query("UPDATE notifications SET email_status = 'sending', updated_at = now() WHERE id = $1 AND email_status = 'queued' RETURNING id", [id])
    if (claimed.rowCount === 0) return
    try {
      await send()
    } catch (error) {
      await client.query("UPDATE notifications SET email_status = 'queued', updated_at = now() WHERE id = $1 AND email_status = 'sending'", [id])
      throw error
    }
    await client.query("UPDATE notifications SET email_status = 'sent', updated_at = now() WHERE id = $1", [id])
  } finally {
    client.release()
  }
}

const CATEGORY_WORD: Record<NotificationCategory, string> = {
  orders: 'orders',
  payments: 'payments',
  payouts: 'payouts',
  fines: 'fines',
  tickets: 'support tickets',
  reviews: 'reviews',
  account: 'your account',
  marketing: 'news and offers',
}

/** One digest mail of the notifications a digest run claimed for the user. */
export const notificationDigest: JobHandler<'notification.digest'> = async ({ payload, tenant, data }) => {
  const user = await payload.findByID({ collection: 'users', id: data.userId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user?.email || tenant === null) return
  const { docs } = await payload.find({
    collection: 'notifications',
    where: { and: [{ id: { in: data.notificationIds } }, { tenant: { equals: tenant } }, { recipient: { equals: user.id } }] },
    sort: 'id',
    depth: 0,
    pagination: false,
    ...asSystem(proof),
  })
  if (docs.length === 0) return
  const sender = await tenantSender(payload, proof, tenant)
  const categories = NOTIFICATION_CATEGORIES.filter((c) => docs.some((d) => d.category === c))
  const unsubscribe = categories.map((c) => ({ label: `Stop mail about ${CATEGORY_WORD[c]}`, url: unsubscribeUrl(user.id, tenant, c) }))
  const items = docs.map((d) => ({ title: d.title, body: d.body ?? '', link: absolute(sender.host, d.link) }))
  await sendMail(payload, user.email, sender.from, digestMail(sender.brand, { name: user.name }, data.frequency, items, unsubscribe))
}
