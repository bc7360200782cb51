import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody, tenantRowsFor } from '@/access/rules'
import { REWARD_KINDS } from '@/domain/loyalty/redemptions'
import { stampTenant } from '@/hooks/stampTenant'

/**
 * The website's redemption catalogue (reference §8.1): what clients may spend points on,
 * a discount code for themselves or a perk staff hand over, with optional stock and a
 * per-client limit. Admins keep it (a reward is deactivated, never deleted, so
 * redemptions keep it); the website's clients and staff read it.
 */
export const LoyaltyRewards: CollectionConfig<'loyalty-rewards'> = {
  slug: 'loyalty-rewards',
  lockDocuments: false,
  admin: { ...navigation('Money'), useAsTitle: 'name', defaultColumns: ['name', 'pointsRequired', 'kind', 'stock', 'active'] },
  access: { read: tenantRowsFor(['admin', 'support', 'client']), create: hasAnyRole('superadmin', 'admin'), update: tenantRowsFor(['admin']), delete: nobody },
  hooks: { beforeValidate: [stampTenant] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    { name: 'pointsRequired', type: 'number', required: true, min: 1, admin: { description: 'Points a redemption takes.' } },
    { name: 'kind', type: 'select', options: [...REWARD_KINDS], required: true, defaultValue: 'perk' },
    {
      name: 'discountKind',
      type: 'select',
      options: ['percentage', 'fixed'],
      admin: { condition: (data) => data?.kind === 'discount_code', description: 'The code’s discount: a percentage, or a fixed amount in cents.' },
      validate: (value: unknown, { siblingData }: { siblingData: { kind?: string } }) => siblingData.kind !== 'discount_code' || value === 'percentage' || value === 'fixed' || 'A discount code reward needs its kind of discount.',
    },
    {
      name: 'discountValue',
      type: 'number',
      min: 1,
      admin: { condition: (data) => data?.kind === 'discount_code', description: 'Percent (1–100) or cents.' },
      validate: (value: unknown, { siblingData }: { siblingData: { kind?: string; discountKind?: string } }) => {
        if (siblingData.kind !== 'discount_code') return true
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) return 'A discount code reward needs a whole value above 0.'
        return siblingData.discountKind !== 'percentage' || value <= 100 || 'A percentage is at most 100.'
      },
    },
    { name: 'stock', type: 'number', min: 0, admin: { description: 'Units left; empty for unlimited. Each redemption takes one, a rejected or cancelled one gives it back.' } },
    { name: 'maxPerClient', type: 'number', min: 1, defaultValue: 1, admin: { description: 'Redemptions one client may hold (rejected and cancelled ones do not count); empty for no limit.' } },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
  ],
}
