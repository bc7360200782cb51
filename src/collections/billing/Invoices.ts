import type { Access, CollectionConfig, Field } from 'payload'

import { actorOf } from '@/access/actor'
import { allOf } from '@/access/compose'

import { nobody, staffRowsOrOwn } from '@/access/rules'
import { readOnlyField } from '@/collections/orderRecords/fields'
import { INVOICE_STATUSES } from '@/domain/invoices/totals'
import { invoiceEndpoints } from '@/endpoints/invoices'

/** When each reminder went out (set with its outbox row, so it goes out once). */
export const reminderMarkFields: Field[] = ['reminderUpcomingAt', 'reminderDueAt', 'reminderOverdueAt'].map((name) => ({ name, type: 'date', ...readOnlyField }))

const staffOrOwn = staffRowsOrOwn('client', ['admin', 'support'])

/**
 * Admins and support of the website read every row; a client their own once the invoice
 * is issued (drafts are the staff's). `statusPath` names the invoice's status from the
 * collection (`status`, or `invoice.status` for its installments).
 */
export const readBilling =
  (statusPath: string): Access =>
  async (args) => {
    const rows = await staffOrOwn(args)
    const actor = actorOf(args.req)
    if (!actor || actor.allTenants || actor.roles.some((r) => r === 'admin' || r === 'support')) return rows
    return allOf([rows, { [statusPath]: { not_equals: 'draft' } }])
  }

/**
 * Invoices (reference §6.3): a staff-made bill with lines, paid by its client in one go
 * or by installments, through checkout or the public pay link. Written only by the
 * invoice operations; admins and support of the website read all, a client their own.
 * */
export const Invoices: CollectionConfig<'invoices'> = {
  slug: 'invoices',
  lockDocuments: false,
  endpoints: invoiceEndpoints,
  admin: { group: 'Money', useAsTitle: 'number', defaultColumns: ['number', 'client', 'status', 'total', 'amountPaid', 'dueAt'] },
  access: { read: readBilling('status'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'number'], unique: true }],
  fields: [
    { name: 'number', type: 'text', required: true, ...readOnlyField },
    { name: 'client', type: 'relationship', relationTo: 'users', required: true, index: true, ...readOnlyField },
    { name: 'title', type: 'text', maxLength: 200, ...readOnlyField },
    {
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      ...readOnlyField,
      fields: [
        { name: 'description', type: 'text', required: true, maxLength: 500 },
        { name: 'quantity', type: 'number', required: true, min: 1 },
        { name: 'unitAmount', type: 'number', required: true, min: 0, admin: { description: 'Cents.' } },
        { name: 'amount', type: 'number', required: true, min: 0, admin: { description: 'Cents: quantity × unit amount.' } },
      ],
    },
    { name: 'total', type: 'number', required: true, min: 0, ...readOnlyField, admin: { readOnly: true, description: 'Cents.' } },
    { name: 'amountPaid', type: 'number', required: true, defaultValue: 0, min: 0, ...readOnlyField, admin: { readOnly: true, description: 'Cents.' } },
    { name: 'currency', type: 'text', required: true, maxLength: 3, ...readOnlyField },
    { name: 'status', type: 'select', required: true, defaultValue: 'draft', index: true, options: [...INVOICE_STATUSES], ...readOnlyField },
    { name: 'dueAt', type: 'date', required: true, index: true, ...readOnlyField },
    { name: 'issuedAt', type: 'date', ...readOnlyField },
    { name: 'paidAt', type: 'date', ...readOnlyField },
    { name: 'cancelledAt', type: 'date', ...readOnlyField },
    { name: 'expiredAt', type: 'date', ...readOnlyField },
    // The pay link's token is kept as its SHA-256 only, and never leaves the server.
    { name: 'payTokenHash', type: 'text', index: true, hidden: true, ...readOnlyField },
    { name: 'payTokenExpiresAt', type: 'date', ...readOnlyField },
    ...reminderMarkFields,
    { name: 'createdBy', type: 'relationship', relationTo: 'users', ...readOnlyField },
  ],
}
