import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, superadminRows } from '@/access/rules'
import { OUTBOX_STATUSES } from '@/jobs/outboxStatus'

import { hideSecretsOnRead } from './hooks/hideSecrets'

/**
 * Side effects written in the same transaction as the change they belong to, then
 * relayed to the job queue once committed (DESIGN §8). A rolled-back change leaves no
 * row, so it sends nothing; Redis being down leaves the row pending, so nothing is lost.
 * Platform bookkeeping: superadmins only, read-only in the admin; secrets in a payload
 * (a reset token) are never shown and are gone once the job is done (`JOB_SECRETS`).
 */
export const Outbox: CollectionConfig<'outbox'> = {
  slug: 'outbox',
  lockDocuments: false,
  graphQL: { singularName: 'OutboxRow', pluralName: 'OutboxRows' },
  admin: {
    ...navigation('Platform'),
    useAsTitle: 'type',
    defaultColumns: ['id', 'type', 'status', 'attempts', 'lastError', 'createdAt'],
    description: 'Side effects waiting for, or done by, the background worker. Failed rows are the dead letters.',
  },
  access: {
    read: superadminRows,
    create: nobody,
    update: nobody,
    delete: superadminRows,
  },
  fields: [
    { name: 'type', type: 'text', required: true, index: true },
    { name: 'tenant', type: 'relationship', relationTo: 'tenants', index: true },
    { name: 'payload', type: 'json', required: true, hooks: { afterRead: [hideSecretsOnRead] } },
    {
      name: 'dedupeKey',
      type: 'text',
      index: true,
      admin: { description: 'Rows with the same key produce one job.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: OUTBOX_STATUSES.map((value) => ({ label: value, value })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { description: 'Relay and handler attempts so far.' } },
    { name: 'availableAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'dispatchedAt', type: 'date' },
    { name: 'doneAt', type: 'date' },
    { name: 'lastError', type: 'textarea' },
  ],
}
