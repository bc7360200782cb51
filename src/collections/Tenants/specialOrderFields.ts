import type { NamedGroupField } from 'payload'

import { DEFAULT_SPECIAL_ORDER_SETTINGS as D } from '@/domain/specialOrders/settings'
import { moneyField } from '@/fields/money'

/** Special orders (reference §10.1): the funding plan an accepted price gets, and how long a quote stands. */
export const specialOrderFields: NamedGroupField = {
  name: 'specialOrders',
  type: 'group',
  fields: [
    { name: 'defaultDepositPercent', type: 'number', min: 0, max: 100, defaultValue: D.defaultDepositPercent, admin: { description: 'Whole % of the accepted total asked as the deposit.' } },
    moneyField('minimumDeposit', { defaultValue: D.minimumDeposit, description: 'The smallest deposit (never more than the total).' }),
    { name: 'requireDepositBeforeStaffing', type: 'checkbox', defaultValue: D.requireDepositBeforeStaffing, admin: { description: 'No writer is assigned before the deposit is paid.' } },
    { name: 'requireFullPaymentBeforeDelivery', type: 'checkbox', defaultValue: D.requireFullPaymentBeforeDelivery, admin: { description: 'Final delivery waits until the whole plan is paid.' } },
    { name: 'quoteExpiryHours', type: 'number', min: 1, max: 24 * 90, defaultValue: D.quoteExpiryHours, admin: { description: 'A sent quote expires after this many hours unless the sender says otherwise.' } },
    { name: 'allowInstallments', type: 'checkbox', defaultValue: D.allowInstallments, admin: { description: 'Off: the client pays the whole total before staffing, in one milestone.' } },
  ],
}
