import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, tenantRowsFor } from '@/access/rules'
import { stampTenant } from '@/hooks/stampTenant'

/**
 * A website's own mail for one event (reference §9.3 "template: global or website
 * override"): without one the default of `src/mail/templates/notification.ts`, built from
 * the event catalogue's texts, is sent in the website's branding. `{{title}}`, `{{body}}`,
 * `{{link}}`, `{{name}}`, `{{website}}` and `{{data.<fact>}}` are filled in (escaped in HTML).
 */
export const NotificationTemplates: CollectionConfig<'notification-templates'> = {
  slug: 'notification-templates',
  lockDocuments: false,
  admin: { ...navigation('Settings'), useAsTitle: 'event', defaultColumns: ['event', 'subject', 'active', 'updatedAt'] },
  access: { read: tenantRowsFor(['admin']), create: hasAnyRole('superadmin', 'admin'), update: tenantRowsFor(['admin']), delete: tenantRowsFor(['admin']) },
  indexes: [{ fields: ['tenant', 'event'], unique: true }],
  hooks: { beforeValidate: [stampTenant] },
  fields: [
    {
      name: 'event',
      type: 'text',
      required: true,
      maxLength: 120,
      validate: (v: string | null | undefined) => (v && /^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(v)) || 'An event key such as order.assigned.',
    },
    { name: 'subject', type: 'text', required: true, maxLength: 200 },
    { name: 'html', type: 'code', admin: { language: 'html', description: 'The mail’s HTML body; empty: the default framed in the website’s branding with this subject and text.' } },
    { name: 'text', type: 'textarea', required: true, maxLength: 10000 },
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
