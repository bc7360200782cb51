import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, tenantRowsFor } from '@/access/rules'
import { moneyField } from '@/fields/money'
import { stampTenant } from '@/hooks/stampTenant'

/**
 * A website's predefined special-order configurations (reference §10.1
 * PredefinedSpecialOrderConfig): a kind of bespoke project with its duration options and
 * their prices. A client picks one (and a duration) for a fixed-price special order.
 * Everyone of the website reads them; its admins manage them.
 */
export const SpecialOrderConfigs: CollectionConfig<'special-order-configs'> = {
  slug: 'special-order-configs',
  lockDocuments: false,
  admin: { ...navigation('Settings'), useAsTitle: 'name', defaultColumns: ['name', 'slug', 'requiresFullPayment', 'active'] },
  access: {
    read: tenantRowsFor(['admin', 'support', 'editor', 'writer', 'client']),
    create: hasAnyRole('superadmin', 'admin'),
    update: tenantRowsFor(['admin']),
    delete: tenantRowsFor(['admin']),
  },
  indexes: [{ fields: ['tenant', 'slug'], unique: true }],
  hooks: { beforeValidate: [stampTenant] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      maxLength: 60,
      validate: (v: string | null | undefined) => (v && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v)) || 'Lower-case letters, digits and single dashes.',
    },
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'requiresFullPayment', type: 'checkbox', defaultValue: true, admin: { description: 'Final delivery waits for the whole plan, whatever the website’s setting.' } },
    {
      name: 'durations',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 20,
      admin: { description: 'The durations a client chooses from, each with its price.' },
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 80 },
        { name: 'days', type: 'number', required: true, min: 1, max: 365 },
        moneyField('price', { required: true, min: 1 }),
      ],
    },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { description: 'Inactive configurations take no new orders.' } },
  ],
}
