import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, tenantRowsFor } from '@/access/rules'
import { RECIPIENT_STATUSES } from '@/domain/campaigns/workflow'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'

/**
 * One address of a campaign's audience, written when the campaign starts (one
 * INSERT … SELECT) and moved by the sender only: pending → sending (claimed) → sent or
 * failed; skipped (unsubscribed, suppressed, cancelled) with the reason. Unique per campaign
 * and address. The website's admins read them; nobody writes them over the API.
 */
export const EmailRecipients: CollectionConfig<'email-recipients'> = {
  slug: 'email-recipients',
  lockDocuments: false,
  labels: { singular: 'Campaign recipient', plural: 'Campaign recipients' },
  graphQL: { singularName: 'EmailRecipient', pluralName: 'EmailRecipients' },
  admin: { ...navigation('People'), useAsTitle: 'address', defaultColumns: ['campaign', 'address', 'status', 'reason', 'sentAt'] },
  access: { read: tenantRowsFor(['admin']), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['campaign', 'address'], unique: true }],
  fields: [
    serverOnlyField({ name: 'campaign', type: 'relationship', relationTo: 'email-campaigns', required: true, index: true }),
    serverOnlyField({ name: 'user', type: 'relationship', relationTo: 'users', index: true }),
    serverOnlyField({ name: 'address', type: 'text', required: true, maxLength: 320 }),
    statusField({ statuses: RECIPIENT_STATUSES, defaultValue: 'pending' }),
    serverOnlyField({ name: 'reason', type: 'text', maxLength: 300 }),
    serverOnlyField({ name: 'claimedAt', type: 'date' }),
    serverOnlyField({ name: 'sentAt', type: 'date' }),
    serverOnlyField({ name: 'attempt', type: 'number', defaultValue: 0 }),
    serverOnlyField({ name: 'messageId', type: 'text', maxLength: 300 }),
  ],
}
