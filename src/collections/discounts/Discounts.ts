import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody, tenantRowsFor } from '@/access/rules'
import { DISCOUNT_ORIGINS } from '@/domain/discounts/evaluate'
import { DISCOUNT_CODE_MAX, DISCOUNT_STATUSES, isDiscountCode } from '@/domain/discounts/records'
import { STAFF_ROLES } from '@/domain/roles'
import { moneyField } from '@/fields/money'
import { stampTenant } from '@/hooks/stampTenant'
import { discountEndpoints } from '@/endpoints/discounts'

import { deriveStatus, guardDiscountReferences, upperCaseCode } from './hooks'

/**
 * A website's discount codes (reference §5). A code is a secret until used: staff of the
 * website read them, its admins write them; clients never list them and try one only
 * through the preview and checkout. Codes are unique per website, case-insensitively
 * (stored upper-case). Discounts are archived, never deleted: usages refer to them.
 */
export const Discounts: CollectionConfig<'discounts'> = {
  slug: 'discounts',
  // What the read hook derives `status` from (hooks.ts, deriveStatus).
  forceSelect: { active: true, archived: true, startsAt: true, endsAt: true, usageLimit: true },
  lockDocuments: false,
  admin: {
    ...navigation('Money'),
    useAsTitle: 'code',
    defaultColumns: ['code', 'name', 'kind', 'value', 'status', 'endsAt', 'timesUsed'],
    listSearchableFields: ['code', 'name'],
  },
  access: {
    read: tenantRowsFor([...STAFF_ROLES]),
    create: hasAnyRole('superadmin', 'admin'),
    update: tenantRowsFor(['admin']),
    delete: nobody,
  },
  // Named code_tenant (not tenant_code): Payload numbers same-named indexes across collections, and a new one would rename others'.
  endpoints: discountEndpoints,
  indexes: [{ fields: ['code', 'tenant'], unique: true }],
  hooks: { beforeValidate: [stampTenant], beforeChange: [guardDiscountReferences], afterRead: [deriveStatus] },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      maxLength: DISCOUNT_CODE_MAX,
      hooks: { beforeValidate: [upperCaseCode] },
      validate: (value: string | null | undefined) => (typeof value === 'string' && isDiscountCode(value)) || 'Letters, digits, - and _ (at most 64); case does not matter.',
      admin: { description: 'What clients type; stored upper-case, unique on the website.' },
    },
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    { name: 'kind', type: 'select', required: true, defaultValue: 'percentage', options: ['percentage', 'fixed'] },
    {
      name: 'value',
      type: 'number',
      required: true,
      min: 1,
      admin: { description: 'Percent (1–100) for a percentage, minor units (cents) for a fixed amount.' },
      validate: (value: number | null | undefined, { siblingData }: { siblingData: { kind?: string } }) => {
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return 'A whole number of at least 1.'
        return siblingData.kind !== 'percentage' || value <= 100 || 'A percentage is at most 100.'
      },
    },
    moneyField('maxDiscount', { min: 1, description: 'The most one use may take off; empty: no cap.' }),
    moneyField('minPayable', { defaultValue: 0, description: 'The smallest subtotal the code applies to.' }),
    { name: 'startsAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'endsAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'usageLimit', type: 'number', min: 1, admin: { description: 'Uses by all clients together; empty: no limit.' } },
    { name: 'perClientLimit', type: 'number', min: 1, admin: { description: 'Uses by one client; empty: no limit.' } },
    { name: 'firstOrderOnly', type: 'checkbox', defaultValue: false, admin: { description: 'Only for clients who have paid nothing here yet.' } },
    { name: 'eligibleClients', type: 'relationship', relationTo: 'users', hasMany: true, admin: { description: 'Empty: every client of the website.' } },
    moneyField('minLifetimeSpend', { defaultValue: 0, description: 'What the client must have paid here before (a spend tier).' }),
    { name: 'origin', type: 'select', required: true, defaultValue: 'manual', options: [...DISCOUNT_ORIGINS] },
    { name: 'campaign', type: 'relationship', relationTo: 'discount-campaigns', index: true },
    { name: 'active', type: 'checkbox', defaultValue: true },
    { name: 'archived', type: 'checkbox', defaultValue: false, index: true },
    // Both computed on read (the collection's afterRead), never stored.
    { name: 'timesUsed', type: 'number', virtual: true, access: { create: () => false, update: () => false }, admin: { readOnly: true, description: 'Held and applied usages.' } },
    { name: 'status', type: 'select', virtual: true, options: [...DISCOUNT_STATUSES], access: { create: () => false, update: () => false }, admin: { readOnly: true } },
  ],
}
