import type { CollectionConfig, Field } from 'payload'

import { navigation } from '@/access/navigation'
import { fieldExceptFor, fieldForRoles, hasAnyRole, staffField, tenantRowsFor } from '@/access/rules'
import { MATCH_NOTHING } from '@/access/where'
import { REMINDER_MARKS } from '@/domain/orders/monitoring'
import { ORDER_PAYMENT_STATUSES, ORDER_STATUSES, PREFERRED_WRITER_STATUSES } from '@/domain/orders/statuses'
import { moneyField } from '@/fields/money'
import { readableBy } from '@/fields/readableBy'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { stampTenant } from '@/hooks/stampTenant'

import { workflowEndpoints } from '@/endpoints/workflowActions'
import { placeOrderEndpoint } from '@/endpoints/placeOrder'
import { quoteEndpoint } from '@/endpoints/quote'
import { orderDossierEndpoint } from '@/endpoints/orderDossier'
import { refundEndpoint } from '@/endpoints/refunds'
import { writerSuggestionsEndpoint } from '@/endpoints/writerSuggestions'

import { readOrders } from './access/readOrders'
import { staffOrOrderWriter } from './access/staffOrOrderWriter'
import { placeOrder } from './hooks/placeOrder'

/** A code of the priced inputs: given at placement, priced, never edited (a change is a priced adjustment). */
const code = (name: string, required = false): Field => setOnCreateField({ name, type: 'text', required, maxLength: 64, index: required })

/**
 * Paper orders. Placement (POST /api/orders) prices on the server and decides number,
 * status and deadlines; every later change of status, writer or money goes through the
 * order's workflow actions, so those fields cannot be written over REST or GraphQL.
 */
export const Orders: CollectionConfig<'orders'> = {
  slug: 'orders',
  // The rate card's read rule asks whether the caller is the order's writer (access/staffOrOrderWriter.ts).
  forceSelect: { writer: true },
  lockDocuments: false,
  admin: {
    ...navigation('Orders'),
    useAsTitle: 'number',
    defaultColumns: ['number', 'status', 'client', 'writer', 'clientDeadline', 'total', 'paymentStatus'],
    listSearchableFields: ['number', 'topic'],
  },
  access: {
    read: readOrders,
    create: hasAnyRole('superadmin', 'admin', 'support', 'client'),
    update: tenantRowsFor(['admin']),
    delete: ({ req }) => (req.user ? MATCH_NOTHING : false),
  },
  indexes: [
    { fields: ['tenant', 'number'], unique: true },
    { fields: ['tenant', 'status', 'createdAt'] },
    { fields: ['tenant', 'client', 'createdAt'] },
  ],
  endpoints: [placeOrderEndpoint, quoteEndpoint, ...workflowEndpoints('orders'), refundEndpoint, writerSuggestionsEndpoint, orderDossierEndpoint],
  hooks: { beforeValidate: [stampTenant, placeOrder] },
  fields: [
    actionPanelField({ choices: { writer: 'writer-suggestions' } }),
    serverOnlyField({ name: 'number', type: 'text', required: true }),
    // Staff name the client they place for; a client's order is their own whatever the body says.
    setOnCreateField(userRefField('client', { roles: ['client'], required: true }), staffField),
    { name: 'topic', type: 'text', required: true, maxLength: 255 },
    { name: 'instructions', type: 'textarea', required: true, maxLength: 20_000 },
    code('paperType', true),
    code('workType', true),
    code('academicLevel', true),
    code('subject', true),
    code('analysisLevel'),
    code('writerLevel'),
    code('formattingStyle'),
    code('englishType'),
    setOnCreateField({ name: 'addons', type: 'text', hasMany: true, maxRows: 20 }),
    setOnCreateField({ name: 'pages', type: 'number', required: true, min: 1, max: 500 }),
    setOnCreateField({ name: 'spacing', type: 'select', required: true, options: ['single', 'double'] }),
    setOnCreateField({ name: 'clientDeadline', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    // The writer's own, earlier deadline: staff may set it when placing, clients never see it.
    readableBy(
      fieldExceptFor('client'),
      setOnCreateField({ name: 'writerDeadline', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } }, staffField),
    ),
    setOnCreateField(userRefField('preferredWriter', { roles: ['writer'] })),
    // What the client pays is not the writer's business: writers see their pay card instead.
    // Subtotal − discount = total, what the client owes (refund caps, "fully paid" and forfeiture read it);
    // the writer's pay is computed on the subtotal (a promotion is the platform's cost).
    readableBy(fieldExceptFor('writer'), moneyField('subtotal', { serverOnly: true, description: 'The price before any discount.' })),
    readableBy(fieldExceptFor('writer'), moneyField('discount', { defaultValue: 0, serverOnly: true, description: 'Taken off by a discount code or an automatic discount.' })),
    readableBy(fieldExceptFor('writer'), moneyField('total', { required: true, serverOnly: true, description: 'What the client owes: subtotal − discount.' })),
    readableBy(fieldExceptFor('writer'), serverOnlyField({ name: 'discountSnapshot', type: 'json', admin: { description: 'The discount applied: code, origin, kind, value, discount and usage ids.' } })),
    readableBy(fieldExceptFor('writer'), moneyField('amountPaid', { required: true, defaultValue: 0, serverOnly: true })),
    serverOnlyField({ name: 'currency', type: 'text', required: true, maxLength: 3 }),
    statusField({ name: 'paymentStatus', statuses: ORDER_PAYMENT_STATUSES }),
    {
      name: 'filesReleased',
      type: 'checkbox',
      defaultValue: false,
      // A release of deliverables before payment is an admin's decision, never the client's.
      access: { create: fieldForRoles('superadmin', 'admin'), update: fieldForRoles('superadmin', 'admin') },
      admin: { position: 'sidebar', description: 'Lets the client download final and revision files before the order is fully paid.' },
    },
    statusField({ statuses: ORDER_STATUSES }),
    readableBy(fieldExceptFor('client'), serverOnlyField({ name: 'visibility', type: 'select', required: true, defaultValue: 'hidden', options: ['hidden', 'pool', 'preferred_writer_only'] })),
    statusField({ name: 'preferredWriterStatus', statuses: PREFERRED_WRITER_STATUSES, defaultValue: 'not_requested', required: false, index: false }),
    readableBy(fieldExceptFor('client'), serverOnlyField({ name: 'invitedAt', type: 'date', index: true })),
    userRefField('writer', { roles: ['writer'], serverOnly: true }),
    readableBy(fieldExceptFor('client'), userRefField('pendingWriter', { roles: ['writer'], serverOnly: true, description: 'Assigned directly, waiting for the writer to accept.' })),
    readableBy(fieldExceptFor('client'), userRefField('editor', { serverOnly: true })),
    // The writer level's pay card, frozen at assignment: the staff's and the assigned writer's.
    readableBy(staffOrOrderWriter, serverOnlyField({ name: 'rateCard', type: 'json', admin: { description: "The writer level's pay card, frozen at assignment." } })),
    readableBy(fieldExceptFor('writer'), serverOnlyField({ name: 'priceSnapshot', type: 'json', admin: { description: 'Inputs, lines, total and price-list version at placement.' } })),
    serverOnlyField({
      name: 'flags',
      type: 'group',
      fields: [
        { name: 'urgent', type: 'checkbox', defaultValue: false },
        // Who the client is to the business (a big spender, a first or returning customer) is the staff's.
        ...['highValue', 'firstOrder', 'returningClient'].map((name) => readableBy(staffField, { name, type: 'checkbox' as const, defaultValue: false })),
      ],
    }),
    serverOnlyField({
      name: 'timestamps',
      type: 'group',
      fields: ['paidAt', 'assignedAt', 'acknowledgedAt', 'submittedAt', 'completedAt', 'approvedAt', 'cancelledAt', 'archivedAt'].map((name) => ({ name, type: 'date' as const })),
    }),
    // Bookkeeping of the schedules, so each finding is acted on once: the staff's.
    readableBy(
      staffField,
      serverOnlyField({
        name: 'monitoring',
        type: 'group',
        fields: [
          { name: 'lastActivityAt', type: 'date', index: true },
          // One column each (not a hasMany select): reading an order stays one statement.
          ...REMINDER_MARKS.map((name) => ({ name, type: 'date' as const })),
          { name: 'acknowledgementReminderAt', type: 'date' },
          { name: 'overdueAlertedAt', type: 'date' },
          { name: 'stuckAlertedAt', type: 'date' },
        ],
      }),
    ),
    // What a cancellation kept and gave back: the client's and the staff's, not the writer's.
    readableBy(
      fieldExceptFor('writer'),
      serverOnlyField({
        name: 'cancellation',
        type: 'group',
        admin: { condition: (data) => data?.status === 'cancelled' },
        fields: [
          { name: 'forfeitPercent', type: 'number' },
          moneyField('kept', { description: 'Kept by the website.' }),
          moneyField('refundDue', { description: 'Owed back to the client.' }),
        ],
      }),
    ),
    // The dossier (timeline, files, messages, money) under the form; it reads /api/orders/:id/dossier as the viewer.
    { name: 'dossier', type: 'ui', admin: { components: { Field: '/components/admin/OrderDossier#OrderDossier' } } },
  ],
}
