import type { CollectionConfig } from 'payload'

import { fieldForRoles, nobody, staffRowsOrOwn } from '@/access/rules'
import { readOnlyField } from '@/collections/orderRecords/fields'
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
  admin: { group: 'Money', useAsTitle: 'reference', defaultColumns: ['reference', 'purpose', 'provider', 'status', 'amount', 'createdAt'] },
  access: { read: staffRowsOrOwn('client', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'reference', type: 'text', required: true, unique: true, maxLength: 64, ...readOnlyField },
    { name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true, ...readOnlyField },
    { name: 'purpose', type: 'select', required: true, options: [...PAYMENT_PURPOSES], ...readOnlyField },
    { name: 'provider', type: 'select', required: true, options: [...PAYMENT_PROVIDERS], ...readOnlyField },
    { name: 'status', type: 'select', required: true, defaultValue: 'pending', index: true, options: [...PAYMENT_STATUSES], ...readOnlyField },
    { name: 'amount', type: 'number', required: true, min: 1, ...readOnlyField, admin: { readOnly: true, description: 'Cents.' } },
    { name: 'currency', type: 'text', required: true, maxLength: 3, ...readOnlyField },
    { name: 'order', type: 'relationship', relationTo: 'orders', index: true, ...readOnlyField },
    { name: 'tip', type: 'relationship', relationTo: 'tips', index: true, ...readOnlyField },
    { name: 'invoice', type: 'relationship', relationTo: 'invoices', index: true, ...readOnlyField },
    { name: 'installment', type: 'relationship', relationTo: 'installments', index: true, ...readOnlyField },
    { name: 'checkoutUrl', type: 'text', ...readOnlyField },
    { name: 'providerSession', type: 'text', index: true, ...readOnlyField },
    { name: 'providerPaymentIntent', type: 'text', index: true, ...readOnlyField },
    { name: 'amountRefunded', type: 'number', defaultValue: 0, min: 0, ...readOnlyField, admin: { readOnly: true, description: 'Cents given back to the card.' } },
    { name: 'appliedAt', type: 'date', ...readOnlyField },
    { name: 'failureReason', type: 'text', ...readOnlyField },
    {
      // Set once, by the confirmation that applied the payment; read by the staff who read payments.
      name: 'confirmation',
      type: 'group',
      access: { ...readOnlyField.access, read: fieldForRoles('superadmin', 'admin', 'support') },
      admin: { readOnly: true, description: 'Manual payments: who confirmed that the money arrived, when, and what they noted.' },
      fields: [
        { name: 'confirmedBy', type: 'relationship', relationTo: 'users', ...readOnlyField },
        { name: 'confirmedAt', type: 'date', ...readOnlyField },
        { name: 'bankReference', type: 'text', maxLength: 64, ...readOnlyField, admin: { readOnly: true, description: 'The bank transfer’s reference, or the cash receipt’s number.' } },
        { name: 'note', type: 'textarea', maxLength: 500, ...readOnlyField },
      ],
    },
  ],
}
