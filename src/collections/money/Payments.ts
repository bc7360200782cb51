import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { fieldForRoles, nobody, staffRowsOrOwn } from '@/access/rules'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField } from '@/fields/serverOnly'
import { checkoutEndpoint, confirmEndpoint, stripeWebhookEndpoint } from '@/endpoints/payments'
import { PAYMENT_PROVIDERS, PAYMENT_PURPOSES, PAYMENT_STATUSES } from '@/domain/payments/types'

/**
 * Money coming in (reference §6.2 PaymentIntent): created by checkout, settled by its
 * provider, applied exactly once (`appliedAt`) in the same transaction as its journal
 * entry. Staff of the website read every payment; a client their own.
 */
export const Payments: CollectionConfig<'payments'> = {
  slug: 'payments',
  lockDocuments: false,
  endpoints: [stripeWebhookEndpoint, checkoutEndpoint, confirmEndpoint],
  admin: { ...navigation('Money'), useAsTitle: 'reference', defaultColumns: ['reference', 'status', 'amount', 'provider', 'purpose', 'createdAt'], listSearchableFields: ['reference'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    serverOnlyField({ name: 'reference', type: 'text', required: true, unique: true, maxLength: 64 }),
    serverOnlyField({ name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true }),
    serverOnlyField({ name: 'purpose', type: 'select', required: true, options: [...PAYMENT_PURPOSES] }),
    serverOnlyField({ name: 'provider', type: 'select', required: true, options: [...PAYMENT_PROVIDERS] }),
    serverOnlyField({ name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: [...PAYMENT_STATUSES] }),
    serverOnlyField({ name: 'amount', type: 'number', required: true, min: 1, admin: { description: 'Cents.' } }),
    serverOnlyField({ name: 'currency', type: 'text', required: true, maxLength: 3 }),
    serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true }),
    serverOnlyField({ name: 'tip', type: 'relationship', relationTo: 'tips', index: true }),
    serverOnlyField({ name: 'invoice', type: 'relationship', relationTo: 'invoices', index: true }),
    serverOnlyField({ name: 'installment', type: 'relationship', relationTo: 'installments', index: true }),
    serverOnlyField({ name: 'checkoutUrl', type: 'text' }),
    serverOnlyField({ name: 'providerSession', type: 'text', index: true }),
    serverOnlyField({ name: 'providerPaymentIntent', type: 'text', index: true }),
    serverOnlyField({ name: 'amountRefunded', type: 'number', defaultValue: 0, min: 0, admin: { description: 'Cents given back to the card.' } }),
    serverOnlyField({ name: 'appliedAt', type: 'date' }),
    serverOnlyField({ name: 'failureReason', type: 'text' }),
    // Set once, by the confirmation that applied the payment; read by the staff who read payments.
    readableBy(
      fieldForRoles('superadmin', 'admin', 'support'),
      serverOnlyField({
        name: 'confirmation',
        type: 'group',
        admin: { description: 'Manual payments: who confirmed that the money arrived, when, and what they noted.' },
        fields: [
          { name: 'confirmedBy', type: 'relationship', relationTo: 'users' },
          { name: 'confirmedAt', type: 'date' },
          { name: 'bankReference', type: 'text', maxLength: 64, admin: { description: 'The bank transfer’s reference, or the cash receipt’s number.' } },
          { name: 'note', type: 'textarea', maxLength: 500 },
        ],
      }),
    ),
  ],
}
