import type { CollectionBeforeOperationHook, CollectionConfig, Where } from 'payload'

import { actorOf } from '@/access/actor'
import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { NOTIFICATION_CATEGORIES, NOTIFICATION_PRIORITIES } from '@/domain/notifications/types'
import { notificationEndpoints } from '@/endpoints/notifications'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'

/** What became of an event's mail for its recipient. */
export const EMAIL_STATUSES = ['none', 'queued', 'sending', 'sent', 'held', 'digested', 'skipped'] as const

/**
 * `GET /api/notifications` is each user's own inbox, whoever asks (an admin's own, not their
 * website's), and `?unread=true` keeps the unread ones: the list is Payload's (its `where`,
 * `sort`, `page`, `limit`), narrowed here. Admins read their websites' notifications in the
 * admin panel and by id.
 */
const ownInboxOnly: CollectionBeforeOperationHook<'notifications'> = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI !== 'REST') return args
  const a = args as { id?: unknown; where?: Where }
  const actor = actorOf(req)
  if (a.id !== undefined || !actor) return args
  const url = new URL(req.url ?? '', 'http://localhost')
  if (!/\/notifications\/?$/.test(url.pathname)) return args
  const clauses: Where[] = [{ recipient: { equals: actor.id } }, { inbox: { equals: true } }]
  if (url.searchParams.get('unread') === 'true') clauses.push({ readAt: { exists: false } })
  if (a.where) clauses.push(a.where)
  a.where = { and: clauses }
  return args
}

/**
 * What a user was told (reference §9.3): one row per recipient and event occurrence,
 * written by `notify()` in the business transaction. The unique (tenant, recipient, key)
 * makes a retried event tell nobody twice. Users read their own; admins of the website
 * read its rows (read-only everywhere: `POST /api/notifications/read` marks them read).
 */
export const Notifications: CollectionConfig<'notifications'> = {
  slug: 'notifications',
  lockDocuments: false,
  endpoints: notificationEndpoints,
  admin: {
    ...navigation('People'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'recipient', 'event', 'priority', 'emailStatus', 'readAt', 'createdAt'],
    description: 'What people were told, in-app and by mail. Written by the platform; read-only.',
  },
  access: { read: staffRowsOrOwn('recipient', ['admin']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'recipient', 'key'], unique: true }],
  hooks: { beforeOperation: [ownInboxOnly] },
  fields: [
    userRefField('recipient', { required: true, serverOnly: true }),
    serverOnlyField({ name: 'event', type: 'text', required: true, maxLength: 120, index: true }),
    serverOnlyField({ name: 'category', type: 'select', required: true, options: [...NOTIFICATION_CATEGORIES] }),
    serverOnlyField({ name: 'priority', type: 'select', required: true, defaultValue: 'normal', options: [...NOTIFICATION_PRIORITIES] }),
    serverOnlyField({ name: 'title', type: 'text', required: true, maxLength: 300 }),
    serverOnlyField({ name: 'body', type: 'textarea', maxLength: 4000 }),
    serverOnlyField({ name: 'link', type: 'text', maxLength: 1000 }),
    serverOnlyField({ name: 'data', type: 'json', admin: { description: 'The facts of the event its texts were made of.' } }),
    serverOnlyField({ name: 'key', type: 'text', required: true, maxLength: 300, admin: { description: 'One notification per recipient and key: a retried event is not told twice.' } }),
    serverOnlyField({ name: 'readAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    serverOnlyField({ name: 'inbox', type: 'checkbox', defaultValue: true, admin: { description: 'Shown in the inbox (off when the user switched the category’s in-app channel off).' } }),
    serverOnlyField({ name: 'emailStatus', type: 'select', required: true, defaultValue: 'none', options: [...EMAIL_STATUSES], index: true }),
    serverOnlyField({ name: 'emailReason', type: 'text', maxLength: 80, admin: { description: 'Why the mail was sent, held or skipped.' } }),
    serverOnlyField({ name: 'emailedAt', type: 'date', admin: { description: 'When its mail was queued.', date: { pickerAppearance: 'dayAndTime' } } }),
    serverOnlyField({ name: 'digestedAt', type: 'date', admin: { description: 'When a digest took it.', date: { pickerAppearance: 'dayAndTime' } } }),
  ],
}
