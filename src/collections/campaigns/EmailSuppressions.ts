import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody, tenantRowsFor } from '@/access/rules'
import { normalizeAddress, SUPPRESSION_REASONS } from '@/domain/campaigns/workflow'
import { setOnCreateField } from '@/fields/serverOnly'
import { stampTenant } from '@/hooks/stampTenant'

const ADDRESS = /^[^\s@]+@[^\s@]+$/

/**
 * Addresses a website never mails a campaign to: bounced, complained, or put here by an
 * admin. One row per website and address (lower-cased); lifting one is deleting it.
 */
export const EmailSuppressions: CollectionConfig<'email-suppressions'> = {
  slug: 'email-suppressions',
  lockDocuments: false,
  labels: { singular: 'Suppressed address', plural: 'Suppressed addresses' },
  graphQL: { singularName: 'EmailSuppression', pluralName: 'EmailSuppressions' },
  admin: { ...navigation('People'), useAsTitle: 'address', defaultColumns: ['address', 'reason', 'createdAt'] },
  access: { read: tenantRowsFor(['admin']), create: hasAnyRole('superadmin', 'admin'), update: nobody, delete: tenantRowsFor(['admin']) },
  indexes: [{ fields: ['address', 'tenant'], unique: true }],
  hooks: { beforeValidate: [stampTenant] },
  fields: [
    setOnCreateField({
      name: 'address',
      type: 'text',
      required: true,
      maxLength: 320,
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? normalizeAddress(value) : value)] },
      validate: (value: string | null | undefined) => (typeof value === 'string' && ADDRESS.test(value)) || 'An email address.',
    }),
    setOnCreateField({ name: 'reason', type: 'select', required: true, defaultValue: 'manual', options: [...SUPPRESSION_REASONS] }),
    setOnCreateField({ name: 'note', type: 'textarea', maxLength: 1000 }),
  ],
}
