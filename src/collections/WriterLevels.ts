import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, tenantRowsFor } from '@/access/rules'
import { EARNING_MODES } from '@/domain/writers/levels'
import { stampTenant } from '@/hooks/stampTenant'

const cents = (name: string, description: string) => ({ name, type: 'number' as const, required: true, min: 0, defaultValue: 0, admin: { description } })

/**
 * A website's writer levels (reference §12.1): the pay card frozen onto an order at
 * assignment, and the intake limits checked when a writer takes on work. Staff and the
 * website's writers read them; its admins edit them.
 */
export const WriterLevels: CollectionConfig<'writer-levels'> = {
  slug: 'writer-levels',
  lockDocuments: false,
  admin: { ...navigation('Settings'), useAsTitle: 'name', defaultColumns: ['name', 'code', 'payPerPage', 'maxActiveOrders', 'active', 'isDefault'] },
  access: {
    read: tenantRowsFor(['admin', 'editor', 'support', 'writer']),
    create: hasAnyRole('superadmin', 'admin'),
    update: tenantRowsFor(['admin']),
    delete: tenantRowsFor(['admin']),
  },
  indexes: [{ fields: ['tenant', 'code'], unique: true }],
  hooks: { beforeValidate: [stampTenant] },
  fields: [
    { name: 'code', type: 'text', required: true, maxLength: 32, validate: (v: string | null | undefined) => (v && /^[a-z0-9_-]+$/.test(v)) || 'Lower-case letters, digits, - and _.' },
    { name: 'name', type: 'text', required: true, maxLength: 64 },
    { name: 'displayOrder', type: 'number', required: true, defaultValue: 1, min: 0 },
    { name: 'active', type: 'checkbox', defaultValue: true },
    { name: 'isDefault', type: 'checkbox', defaultValue: false, admin: { description: 'Given to writers without a level.' } },
    { name: 'earningMode', type: 'select', required: true, defaultValue: 'fixed_per_page', options: [...EARNING_MODES] },
    cents('payPerPage', 'Cents per page.'),
    cents('payPerSlide', 'Cents per slide or chart.'),
    { name: 'percentOfTotalBp', type: 'number', min: 0, max: 10_000, defaultValue: 0, admin: { description: 'Basis points of the order total (percentage mode).' } },
    { name: 'urgentThresholdHours', type: 'number', required: true, min: 0, defaultValue: 12 },
    cents('urgentSurchargePerPage', 'Cents per page added to urgent orders.'),
    { name: 'urgentMultiplierBp', type: 'number', required: true, min: 10_000, defaultValue: 10_000, admin: { description: 'Basis points: 11000 = ×1.10.' } },
    { name: 'tipPercent', type: 'number', min: 0, max: 100, defaultValue: 100 },
    { name: 'maxActiveOrders', type: 'number', required: true, min: 1, defaultValue: 10 },
    { name: 'maxManualTakes', type: 'number', required: true, min: 0, defaultValue: 5 },
  ],
}
