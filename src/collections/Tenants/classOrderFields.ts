import type { NamedGroupField } from 'payload'

import { DEFAULT_CLASS_ORDER_SETTINGS } from '@/domain/classOrders/settings'

/** Class orders (reference §10.2 ClassServiceConfig): how a class's price is paid and what an overdue installment does. */
export const classOrderFields: NamedGroupField = {
  name: 'classOrders',
  type: 'group',
  fields: [
    { name: 'depositPercent', type: 'number', min: 0, max: 100, defaultValue: DEFAULT_CLASS_ORDER_SETTINGS.depositPercent, admin: { description: 'Of the accepted total, due at acceptance, in %.' } },
    { name: 'installmentsCount', type: 'number', min: 0, max: 24, defaultValue: DEFAULT_CLASS_ORDER_SETTINGS.installmentsCount, admin: { description: 'Equal installments of the rest after the deposit, spread over the class.' } },
    { name: 'quoteExpiryHours', type: 'number', min: 1, max: 1440, defaultValue: DEFAULT_CLASS_ORDER_SETTINGS.quoteExpiryHours, admin: { description: 'A price proposal expires after this many hours unless the proposal says otherwise.' } },
    { name: 'allowInstallments', type: 'checkbox', defaultValue: DEFAULT_CLASS_ORDER_SETTINGS.allowInstallments, admin: { description: 'Off: the whole price is due at acceptance.' } },
    { name: 'requireDepositBeforeStart', type: 'checkbox', defaultValue: DEFAULT_CLASS_ORDER_SETTINGS.requireDepositBeforeStart, admin: { description: 'A writer is assigned only once the deposit is paid.' } },
    { name: 'pauseWhenOverdue', type: 'checkbox', defaultValue: DEFAULT_CLASS_ORDER_SETTINGS.pauseWhenOverdue, admin: { description: 'An overdue installment pauses the class until it is paid.' } },
  ],
}
