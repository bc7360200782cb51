import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { authenticated, nobody } from '@/access/rules'
import { serverOnlyField } from '@/fields/serverOnly'
import { recordParentFields } from '@/fields/recordParents'
import { userRefField } from '@/fields/userRef'
import { MESSAGE_MAX_LENGTH, MESSAGE_THREADS } from '@/domain/messages/threads'

import { readOrderMessages } from './access/readOrderMessages'
import { writerActivity } from '@/hooks/writerActivity'

import { announceMessage } from './hooks/announceMessage'
import { guardMessage } from './hooks/guardMessage'

/**
 * The conversations of an order, a special order or a class order, three threads each
 * (reference §3.10, issue 17). Posted with `POST /api/order-messages { order | specialOrder
 * | classOrder, thread, body }`; a message is a record of what was
 * said, so nobody edits or deletes one through the API.
 */
export const OrderMessages: CollectionConfig<'order-messages'> = {
  slug: 'order-messages',
  lockDocuments: false,
  graphQL: { singularName: 'OrderMessage', pluralName: 'OrderMessages' },
  admin: {
    ...navigation('Orders'),
    defaultColumns: ['order', 'specialOrder', 'classOrder', 'thread', 'author', 'body', 'createdAt'],
  },
  access: {
    read: readOrderMessages,
    // Who may post in which thread of which order is decided per order by `guardMessage`.
    create: authenticated,
    update: nobody,
    delete: nobody,
  },
  indexes: [{ fields: ['order', 'thread', 'createdAt'] }, { fields: ['specialOrder', 'thread', 'createdAt'] }, { fields: ['classOrder', 'thread', 'createdAt'] }],
  hooks: { beforeValidate: [guardMessage], afterChange: [announceMessage, writerActivity('author')] },
  fields: [
    ...recordParentFields('message', (field) => field),
    { name: 'thread', type: 'select', required: true, options: [...MESSAGE_THREADS] },
    userRefField('author', { serverOnly: true }),
    { name: 'body', type: 'textarea', required: true, maxLength: MESSAGE_MAX_LENGTH },
    serverOnlyField({ name: 'masked', type: 'checkbox', defaultValue: false, admin: { description: 'Contact details were hidden before the message was stored.' } }),
  ],
}
