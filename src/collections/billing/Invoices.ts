import type { Access, CollectionConfig, Field } from 'payload'

import { navigation } from '@/access/navigation'
import { actorOf } from '@/access/actor'
import { allOf } from '@/access/compose'

import { nobody, staffRowsOrOwn } from '@/access/rules'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField } from '@/fields/serverOnly'
import { moneyField } from '@/fields/money'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { INVOICE_STATUSES } from '@/domain/invoices/totals'
import { invoiceEndpoints } from '@/endpoints/invoices'

/** When each reminder went out (set with its outbox row, so it goes out once). */
export const reminderMarkFields: Field[] = ['reminderUpcomingAt', 'reminderDueAt', 'reminderOverdueAt'].map((name) => serverOnlyField({ name, type: 'date' }))

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
  admin: { ...navigation('Money'), useAsTitle: 'number', defaultColumns: ['number', 'client', 'status', 'total', 'amountPaid', 'dueAt'] },
  access: { read: readBilling('status'), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'number'], unique: true }],
  fields: [
    actionPanelField(),
    serverOnlyField({ name: 'number', type: 'text', required: true }),
    userRefField('client', { roles: ['client'], required: true, serverOnly: true }),
    serverOnlyField({ name: 'title', type: 'text', maxLength: 200 }),
    serverOnlyField({
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      fields: [
        { name: 'description', type: 'text', required: true, maxLength: 500 },
        { name: 'quantity', type: 'number', required: true, min: 1 },
        moneyField('unitAmount', { required: true }),
        moneyField('amount', { required: true, description: 'Quantity × unit amount.' }),
      ],
    }),
    moneyField('subtotal', { serverOnly: true, description: 'The lines’ sum, before any discount.' }),
    moneyField('discount', { defaultValue: 0, serverOnly: true, description: 'Taken off by a discount code or an automatic discount.' }),
    moneyField('total', { required: true, serverOnly: true, description: 'What the client owes: subtotal − discount.' }),
    serverOnlyField({ name: 'discountSnapshot', type: 'json', admin: { description: 'The discount applied: code, origin, kind, value, discount and usage ids.' } }),
    moneyField('amountPaid', { required: true, defaultValue: 0, serverOnly: true }),
    serverOnlyField({ name: 'currency', type: 'text', required: true, maxLength: 3 }),
    statusField({ statuses: INVOICE_STATUSES, defaultValue: 'draft' }),
    serverOnlyField({ name: 'dueAt', type: 'date', required: true, index: true }),
    serverOnlyField({ name: 'issuedAt', type: 'date' }),
    serverOnlyField({ name: 'paidAt', type: 'date' }),
    serverOnlyField({ name: 'cancelledAt', type: 'date' }),
    serverOnlyField({ name: 'expiredAt', type: 'date' }),
    // The pay link's token is kept as its SHA-256 only, and never leaves the server.
    serverOnlyField({ name: 'payTokenHash', type: 'text', index: true, hidden: true }),
    serverOnlyField({ name: 'payTokenExpiresAt', type: 'date' }),
    ...reminderMarkFields,
    userRefField('createdBy', { serverOnly: true }),
    // A class order's installment plan (issuePlanInvoice's `link`): payments on it move the class (PLAN_LISTENERS).
    serverOnlyField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', index: true }),
  ],
}
