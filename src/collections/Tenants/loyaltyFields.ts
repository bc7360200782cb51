import type { NamedGroupField } from 'payload'

import { DEFAULT_LOYALTY } from '@/domain/loyalty/points'
import { moneyField } from '@/fields/money'

/** Loyalty points on this website (reference §8.1): the earning rate, tiers and conversion to wallet credit. */
export const loyaltyFields: NamedGroupField = {
  name: 'loyalty',
  type: 'group',
  fields: [
    { name: 'enabled', type: 'checkbox', defaultValue: true, admin: { description: 'Clients earn points on approved orders and may spend them.' } },
    {
      name: 'pointsPerUnit',
      type: 'number',
      min: 0,
      max: 100,
      defaultValue: DEFAULT_LOYALTY.pointsPerUnit,
      admin: { description: 'Points per whole unit of currency the client paid (0.1 = 1 point per 10.00), rounded down per order.' },
    },
    {
      name: 'tiers',
      type: 'array',
      admin: { description: 'A client is in the highest tier whose threshold is at or below their points.' },
      fields: [
        { name: 'name', type: 'text', required: true, maxLength: 60 },
        { name: 'threshold', type: 'number', required: true, min: 0 },
        { name: 'discountPercent', type: 'number', min: 0, max: 100, defaultValue: 0, admin: { description: 'Automatic discount on orders for clients of this tier, in %.' } },
        { name: 'perks', type: 'textarea', maxLength: 1000 },
      ],
    },
    {
      name: 'conversion',
      type: 'group',
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: true, admin: { description: 'Clients may convert points into wallet credit.' } },
        moneyField('centsPerPoint', { min: 1, defaultValue: DEFAULT_LOYALTY.centsPerPoint, description: 'Wallet credit one point converts to.' }),
        { name: 'minPoints', type: 'number', min: 1, defaultValue: DEFAULT_LOYALTY.minPointsPerConversion, admin: { description: 'Fewest points per conversion; conversions are in multiples of it.' } },
        moneyField('maxCents', { min: 1, defaultValue: DEFAULT_LOYALTY.maxCentsPerConversion, description: 'Most credit one conversion gives.' }),
      ],
    },
  ],
}
