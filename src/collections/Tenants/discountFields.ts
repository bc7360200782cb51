import type { NamedGroupField } from 'payload'

import { moneyField } from '@/fields/money'

/**
 * Discounts on this website (reference §5's DiscountSettings and FirstOrderDiscountConfig):
 * whether clients may enter codes, the automatic first-order discount (off by default),
 * best-of between it and an entered code (never both: no stacking), and what may be discounted.
 */
export const discountFields: NamedGroupField = {
  name: 'discounts',
  type: 'group',
  fields: [
    { name: 'allowCodes', type: 'checkbox', defaultValue: true, admin: { description: 'Clients may enter discount codes.' } },
    { name: 'autoApplyFirstOrder', type: 'checkbox', defaultValue: true, admin: { description: 'Offer the first-order discount below without a code.' } },
    {
      name: 'firstOrder',
      type: 'group',
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: false },
        { name: 'kind', type: 'select', defaultValue: 'percentage', options: ['percentage', 'fixed'] },
        { name: 'value', type: 'number', min: 1, defaultValue: 10, admin: { description: 'Percent (1–100) or minor units (cents).' } },
        moneyField('maxDiscount', { min: 1, description: 'Cap; empty: none.' }),
        moneyField('minPayable', { defaultValue: 0 }),
      ],
    },
    { name: 'pickBest', type: 'checkbox', defaultValue: true, admin: { description: 'Of the first-order discount and an entered code, the larger applies; off: the first-order one.' } },
    { name: 'allowOnOrders', type: 'checkbox', defaultValue: true },
    { name: 'allowOnInvoices', type: 'checkbox', defaultValue: true },
    { name: 'allowOnSpecialOrders', type: 'checkbox', defaultValue: true },
  ],
}
