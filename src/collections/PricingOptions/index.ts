import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, tenantRowsFor } from '@/access/rules'
import { DIMENSION_SHAPE, OPTION_DIMENSIONS, type OptionDimension } from '@/domain/pricing/dimensions'
import { STAFF_ROLES } from '@/domain/roles'
import { moneyField } from '@/fields/money'
import { announceContentDelete, announceContentSave } from '@/hooks/announceContentChange'
import { stampTenant } from '@/hooks/stampTenant'

import { forgetPricesOnChange, forgetPricesOnDelete } from './hooks/forgetPrices'

const CODE = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/

const shapeOf = (data: { dimension?: unknown } | undefined) => DIMENSION_SHAPE[(data?.dimension as OptionDimension) ?? 'formattingStyle'] ?? {}

/**
 * The choices of a website's order form and their price effects: one row per option,
 * grouped by `dimension`. Codes are stable (quotes, orders and imports refer to them)
 * and unique per website and dimension. Frontends read the active ones at
 * GET /api/order-options (hence this collection's own slug, `pricing-options`); staff
 * of the website read all rows, its admins edit them.
 */
export const PricingOptions: CollectionConfig<'pricing-options'> = {
  slug: 'pricing-options',
  lockDocuments: false,
  labels: { singular: 'Order option', plural: 'Order options' },
  admin: {
    ...navigation('Settings'),
    useAsTitle: 'label',
    defaultColumns: ['dimension', 'code', 'label', 'multiplier', 'amount', 'active', 'sortOrder'],
    listSearchableFields: ['code', 'label'],
  },
  access: {
    read: tenantRowsFor([...STAFF_ROLES]),
    create: hasAnyRole('superadmin', 'admin'),
    update: tenantRowsFor(['admin']),
    delete: tenantRowsFor(['admin']),
  },
  indexes: [{ fields: ['tenant', 'dimension', 'code'], unique: true }],
  // Pricing tables on public pages show the live "from" prices.
  hooks: { beforeValidate: [stampTenant], afterChange: [announceContentSave, forgetPricesOnChange], afterDelete: [announceContentDelete, forgetPricesOnDelete] },
  fields: [
    {
      name: 'dimension',
      type: 'select',
      required: true,
      index: true,
      options: OPTION_DIMENSIONS.map((value) => ({ label: value, value })),
    },
    {
      name: 'code',
      type: 'text',
      required: true,
      maxLength: 64,
      validate: (value: string | null | undefined) =>
        (typeof value === 'string' && CODE.test(value)) || 'Use lower-case letters and digits, joined by _ or -.',
    },
    { name: 'label', type: 'text', required: true, maxLength: 120 },
    {
      name: 'multiplier',
      type: 'number',
      admin: { step: 0.01, condition: (data) => Boolean(shapeOf(data).multiplier), description: 'e.g. 1.45; 1 changes nothing.' },
      validate: (value: number | null | undefined, { data }: { data: Partial<{ dimension: OptionDimension; flat: boolean }> }) => {
        const shape = shapeOf(data)
        if (!shape.multiplier || (shape.flat && data.flat)) return true
        // A subject's own multiplier is optional: without one, its category's applies.
        if (shape.category && value == null) return true
        if (typeof value !== 'number' || !(value > 0) || value > 10) return 'Must be a number above 0 and at most 10.'
        return Math.round(value * 10_000) === value * 10_000 || 'At most four decimals.'
      },
    },
    moneyField('amount', {
      overrides: {
        admin: { condition: (data) => Boolean(shapeOf(data).amount) },
        validate: (value: number | null | undefined, { data }: { data: Partial<{ dimension: OptionDimension; flat: boolean }> }) => {
          const shape = shapeOf(data)
          if (!shape.amount || (shape.flat && !data.flat)) return true
          return (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || 'Must be a whole number of cents, 0 or more.'
        },
      },
    }),
    {
      name: 'flat',
      type: 'checkbox',
      defaultValue: true,
      admin: { condition: (data) => Boolean(shapeOf(data).flat), description: 'Flat: amount per page added. Otherwise: multiplier.' },
    },
    {
      name: 'maxHours',
      type: 'number',
      admin: { condition: (data) => Boolean(shapeOf(data).maxHours), description: 'Deadlines up to this many hours use this band.' },
      validate: (value: number | null | undefined, { data }: { data: Partial<{ dimension: OptionDimension }> }) =>
        !shapeOf(data).maxHours || (typeof value === 'number' && Number.isInteger(value) && value > 0) || 'Must be a whole number of hours.',
    },
    {
      name: 'category',
      type: 'text',
      admin: { condition: (data) => Boolean(shapeOf(data).category), description: 'Code of the subject category whose multiplier applies.' },
      validate: (value: string | null | undefined, { data }: { data: Partial<{ dimension: OptionDimension }> }) =>
        !shapeOf(data).category || (typeof value === 'string' && CODE.test(value)) || 'A subject needs its category code.',
    },
    { name: 'sortOrder', type: 'number', defaultValue: 0, admin: { position: 'sidebar' } },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, admin: { position: 'sidebar' } },
  ],
}
