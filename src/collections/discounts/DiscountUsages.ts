import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffRowsOrOwn } from '@/access/rules'
import { DISCOUNT_ORIGINS } from '@/domain/discounts/evaluate'
import { DISCOUNT_PAYABLE_TYPES, DISCOUNT_USAGE_STATUSES } from '@/domain/discounts/records'
import { moneyField } from '@/fields/money'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * One discount taken off one payable (an order or an invoice), written by checkout in its
 * transaction: held while the payment is pending, applied when it succeeds, released when
 * it fails or expires. `payableKey` (`order:<id>`) is unique and cleared on release, so a
 * payable carries at most one live discount (no stacking) whatever races. Automatic
 * discounts (first order) have a usage without a `discount`. Staff of the website read
 * all; a client their own; nobody writes them over the API.
 */
export const DiscountUsages: CollectionConfig<'discount-usages'> = {
  slug: 'discount-usages',
  lockDocuments: false,
  labels: { singular: 'Discount usage', plural: 'Discount usages' },
  admin: { ...navigation('Money'), defaultColumns: ['code', 'client', 'payableType', 'order', 'invoice', 'discount', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('client'), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'discount', type: 'relationship', relationTo: 'discounts', index: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'payableType', type: 'select', required: true, options: [...DISCOUNT_PAYABLE_TYPES] }),
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true }),
    serverOnlyField({ name: 'invoice', type: 'relationship', relationTo: 'invoices', index: true }),
    serverOnlyField({ name: 'payment', type: 'relationship', relationTo: 'payments', index: true }),
    serverOnlyField({ name: 'payableKey', type: 'text', unique: true, admin: { description: 'order:<id> or invoice:<id> while held or applied; empty once released.' } }),
    moneyField('subtotal', { required: true, serverOnly: true }),
    moneyField('discountAmount', { required: true, serverOnly: true, description: 'What was taken off.' }),
    moneyField('total', { required: true, serverOnly: true }),
    serverOnlyField({ name: 'origin', type: 'select', required: true, options: [...DISCOUNT_ORIGINS] }),
    serverOnlyField({ name: 'code', type: 'text', maxLength: 64, index: true }),
    statusField({ statuses: DISCOUNT_USAGE_STATUSES, defaultValue: 'held' }),
    serverOnlyField({ name: 'campaign', type: 'relationship', relationTo: 'discount-campaigns', index: true }),
  ],
}
