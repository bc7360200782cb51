import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody, tenantRowsFor } from '@/access/rules'
import { DISCOUNT_CAMPAIGN_STATUSES } from '@/domain/discounts/records'
import { STAFF_ROLES } from '@/domain/roles'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { stampTenant } from '@/hooks/stampTenant'
import { actionPanelField } from '@/fields/actionPanel'
import { workflowEndpoints } from '@/endpoints/workflowActions'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A promotion that groups discount codes (reference §5): it opens at its start and closes
 * at its end or when its budget is spent, by schedule or by an admin's action; a closed
 * campaign's codes no longer apply. Staff of the website read campaigns, its admins write them.
 */
export const DiscountCampaigns: CollectionConfig<'discount-campaigns'> = {
  slug: 'discount-campaigns',
  lockDocuments: false,
  labels: { singular: 'Discount campaign', plural: 'Discount campaigns' },
  admin: { ...navigation('Money'), useAsTitle: 'name', defaultColumns: ['name', 'slug', 'status', 'startsAt', 'endsAt', 'budget', 'spent'] },
  access: {
    read: tenantRowsFor([...STAFF_ROLES]),
    create: hasAnyRole('superadmin', 'admin'),
    update: tenantRowsFor(['admin']),
    delete: nobody,
  },
  // Named slug_tenant (not tenant_slug): Payload numbers same-named indexes across collections, and a new one would rename the content collections'.
  indexes: [{ fields: ['slug', 'tenant'], unique: true }],
  hooks: { beforeValidate: [stampTenant] },
  endpoints: workflowEndpoints('discount-campaigns'),
  fields: [
    actionPanelField(),
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'slug',
      type: 'text',
      required: true,
      maxLength: 80,
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)] },
      validate: (value: string | null | undefined) => (typeof value === 'string' && SLUG.test(value)) || 'Lower-case letters, digits and single dashes.',
    },
    { name: 'startsAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'endsAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    moneyField('budget', { min: 1, description: 'What its codes may give away in all; empty: no budget.' }),
    moneyField('spent', { defaultValue: 0, serverOnly: true, description: 'Given away by applied and held usages.' }),
    statusField({ statuses: DISCOUNT_CAMPAIGN_STATUSES, defaultValue: 'scheduled' }),
  ],
}
