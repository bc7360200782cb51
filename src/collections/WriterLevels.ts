import type { CollectionConfig, GroupField } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, tenantRowsFor } from '@/access/rules'
import { EARNING_MODES } from '@/domain/writers/levels'
import { moneyField } from '@/fields/money'
import { stampTenant } from '@/hooks/stampTenant'

const rate = (name: string, defaultValue: number, description: string) => ({ name, type: 'number' as const, required: true, min: 0, max: 1, defaultValue, admin: { step: 0.01, description } })

/**
 * Promotion into this level and demotion out of it (reference §12.2). The minima are the
 * entry criteria the weekly evaluation checks before promoting a writer here; the maxima
 * are the rates a writer of this level must stay under. Rates are fractions 0–1. The
 * defaults promote nobody on their own and demote nobody.
 */
const criteriaFields: GroupField = {
  name: 'criteria',
  type: 'group',
  admin: { description: 'Entry criteria (to be promoted into this level) and demotion thresholds (to stay in it). Rates are fractions: 0.1 = 10 %.' },
  fields: [
    { name: 'minCompositeScore', type: 'number', required: true, min: 0, max: 100, defaultValue: 0, admin: { description: '0–100.' } },
    { name: 'minCompletedOrders', type: 'number', required: true, min: 0, defaultValue: 0, admin: { description: 'Completed in the last 90 days.' } },
    { name: 'minAverageRating', type: 'number', min: 1, max: 5, admin: { description: '1–5; empty: no rating criterion. Checked once the writer has reviews.' } },
    rate('minCompletionRate', 0, 'Completed ÷ assigned orders that ended.'),
    { name: 'minEvaluationPeriods', type: 'number', required: true, min: 1, max: 10, defaultValue: 1, admin: { description: 'Weekly evaluations in a row that must meet the entry criteria.' } },
    rate('maxLatenessRate', 1, 'Submitted after the writer deadline ÷ submitted.'),
    rate('maxRevisionRate', 1, 'Orders with a revision request ÷ completed.'),
    rate('maxDisputeRate', 1, 'Orders with a dispute ÷ completed.'),
    rate('maxCancellationRate', 1, 'Cancelled ÷ assigned orders that ended.'),
  ],
}

const cents = (name: string, description: string) => moneyField(name, { required: true, defaultValue: 0, description })

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
    cents('payPerPage', 'Per page.'),
    cents('payPerSlide', 'Per slide or chart.'),
    { name: 'percentOfTotalBp', type: 'number', min: 0, max: 10_000, defaultValue: 0, admin: { description: 'Basis points of the order total (percentage mode).' } },
    { name: 'urgentThresholdHours', type: 'number', required: true, min: 0, defaultValue: 12 },
    cents('urgentSurchargePerPage', 'Per page, added to urgent orders.'),
    { name: 'urgentMultiplierBp', type: 'number', required: true, min: 10_000, defaultValue: 10_000, admin: { description: 'Basis points: 11000 = ×1.10.' } },
    { name: 'tipPercent', type: 'number', min: 0, max: 100, defaultValue: 100 },
    { name: 'maxActiveOrders', type: 'number', required: true, min: 1, defaultValue: 10 },
    { name: 'maxManualTakes', type: 'number', required: true, min: 0, defaultValue: 5 },
    criteriaFields,
  ],
}
