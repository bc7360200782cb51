import type { NamedGroupField } from 'payload'

import { DEFAULT_TIP_POLICY } from '@/domain/tips/policy'
import { moneyField } from '@/fields/money'

/** How clients tip writers on this website (reference TipPolicy). */
export const tipFields: NamedGroupField = {
  name: 'tips',
  type: 'group',
  fields: [
    { name: 'writerPercent', type: 'number', min: 0, max: 100, defaultValue: DEFAULT_TIP_POLICY.writerPercent, admin: { description: 'The writer’s share of a tip, in %; the platform keeps the rest.' } },
    moneyField('minimum', { min: 1, defaultValue: DEFAULT_TIP_POLICY.minimum }),
    moneyField('maximum', { min: 1, defaultValue: DEFAULT_TIP_POLICY.maximum, description: 'Larger tips are refused.' }),
    { name: 'perDay', type: 'number', min: 1, max: 1000, defaultValue: DEFAULT_TIP_POLICY.perDay, admin: { description: 'Tips one client may give in 24 hours.' } },
    { name: 'allowWallet', type: 'checkbox', defaultValue: DEFAULT_TIP_POLICY.allowWallet },
    { name: 'allowCard', type: 'checkbox', defaultValue: DEFAULT_TIP_POLICY.allowCard },
  ],
}
