import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, tenantRowsFor } from '@/access/rules'
import { FINE_BASES, FINE_CALCULATIONS } from '@/domain/fines/types'
import { moneyField } from '@/fields/money'
import { stampTenant } from '@/hooks/stampTenant'

/**
 * A website's fine types (reference §7 FineTypeConfig): a row overrides the platform's
 * default of the same code (`src/domain/fines/types.ts`) or adds a code of its own.
 * Staff and the website's writers read them; its admins edit them.
 */
export const FineTypes: CollectionConfig<'fine-types'> = {
  slug: 'fine-types',
  lockDocuments: false,
  admin: { ...navigation('Settings'), useAsTitle: 'name', defaultColumns: ['code', 'name', 'calculation', 'amount', 'percent', 'active'] },
  access: {
    read: tenantRowsFor(['admin', 'support', 'writer']),
    create: hasAnyRole('superadmin', 'admin'),
    update: tenantRowsFor(['admin']),
    delete: tenantRowsFor(['admin']),
  },
  indexes: [{ fields: ['tenant', 'code'], unique: true }],
  hooks: { beforeValidate: [stampTenant] },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      maxLength: 40,
      validate: (v: string | null | undefined) => (v && /^[a-z0-9_]+$/.test(v)) || 'Lower-case letters, digits and _.',
      admin: { description: 'A default’s code (late_submission, quality_issue, plagiarism…) overrides it; another code adds a type.' },
    },
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'calculation', type: 'select', required: true, defaultValue: 'fixed', options: [...FINE_CALCULATIONS] },
    moneyField('amount', { defaultValue: 0, description: 'The fixed amount.' }),
    { name: 'percent', type: 'number', min: 0, max: 100, defaultValue: 0, admin: { description: 'Whole % of the base (percentage types).' } },
    { name: 'base', type: 'select', required: true, defaultValue: 'writer_pay', options: [...FINE_BASES] },
    moneyField('min', { description: 'Smallest computed amount (empty: none).' }),
    moneyField('max', { description: 'Largest computed amount (empty: none).' }),
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { description: 'Inactive types cannot be issued.' } },
  ],
}
