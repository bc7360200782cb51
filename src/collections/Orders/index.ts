import type { CollectionConfig, Field, FieldAccess } from 'payload'

import { fieldForRoles, hasAnyRole, tenantRowsFor } from '@/access/rules'
import { MATCH_NOTHING } from '@/access/where'
import { REMINDER_MARKS } from '@/domain/orders/monitoring'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { stampTenant } from '@/hooks/stampTenant'

import { listOrderActionsEndpoint, performOrderActionEndpoint } from '@/endpoints/orderActions'
import { quoteEndpoint } from '@/endpoints/quote'
import { refundEndpoint } from '@/endpoints/refunds'

import { readOrders } from './access/readOrders'
import { placeOrder } from './hooks/placeOrder'

/**
 * Set by the server (placement and workflow actions), never by an API body. The priced
 * inputs and deadlines are locked too: changing them is a priced adjustment, not an edit.
 */
const systemOnly: { access: { update: FieldAccess } } = { access: { update: () => false } }

const code = (name: string, required = false): Field => ({ name, type: 'text', required, maxLength: 64, index: required, ...systemOnly })

const user = (name: string, extra: Partial<Field> = {}): Field =>
  ({ name, type: 'relationship', relationTo: 'users', index: true, ...extra }) as Field

/**
 * Paper orders. Placement (POST /api/orders) prices on the server and decides number,
 * status and deadlines; every later change of status, writer or money goes through the
 * order's workflow actions, so those fields cannot be written over REST or GraphQL.
 */
export const Orders: CollectionConfig<'orders'> = {
  slug: 'orders',
  lockDocuments: false,
  admin: {
    group: 'Orders',
    useAsTitle: 'number',
    defaultColumns: ['number', 'topic', 'status', 'paymentStatus', 'total', 'clientDeadline', 'writer'],
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
  endpoints: [quoteEndpoint, listOrderActionsEndpoint, performOrderActionEndpoint, refundEndpoint],
  hooks: { beforeValidate: [stampTenant, placeOrder] },
  fields: [
    { name: 'number', type: 'text', required: true, ...systemOnly, admin: { readOnly: true } },
    user('client', { required: true, ...systemOnly }),
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
    { name: 'addons', type: 'text', hasMany: true, maxRows: 20, ...systemOnly },
    { name: 'pages', type: 'number', required: true, min: 1, max: 500, ...systemOnly },
    { name: 'spacing', type: 'select', required: true, options: ['single', 'double'], ...systemOnly },
    { name: 'clientDeadline', type: 'date', required: true, index: true, ...systemOnly, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'writerDeadline', type: 'date', required: true, index: true, ...systemOnly, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    user('preferredWriter', systemOnly),
    { name: 'total', type: 'number', required: true, ...systemOnly, admin: { description: 'Cents.' } },
    { name: 'amountPaid', type: 'number', required: true, defaultValue: 0, ...systemOnly, admin: { description: 'Cents.' } },
    { name: 'currency', type: 'text', required: true, maxLength: 3, ...systemOnly },
    {
      name: 'paymentStatus',
      type: 'select',
      required: true,
      index: true,
      options: ['unpaid', 'partially_paid', 'fully_paid', 'refunded'],
      ...systemOnly,
    },
    {
      name: 'filesReleased',
      type: 'checkbox',
      defaultValue: false,
      // A release of deliverables before payment is an admin's decision, never the client's.
      access: { create: fieldForRoles('superadmin', 'admin'), update: fieldForRoles('superadmin', 'admin') },
      admin: { position: 'sidebar', description: 'Lets the client download final and revision files before the order is fully paid.' },
    },
    { name: 'status', type: 'select', required: true, index: true, options: [...ORDER_STATUSES], ...systemOnly },
    { name: 'visibility', type: 'select', required: true, defaultValue: 'hidden', options: ['hidden', 'pool', 'preferred_writer_only'], ...systemOnly },
    {
      name: 'preferredWriterStatus',
      type: 'select',
      defaultValue: 'not_requested',
      options: ['not_requested', 'invited', 'accepted', 'declined', 'expired', 'fallback_to_pool'],
      ...systemOnly,
    },
    { name: 'invitedAt', type: 'date', index: true, ...systemOnly },
    user('writer', systemOnly),
    user('pendingWriter', { ...systemOnly, admin: { description: 'Assigned directly, waiting for the writer to accept.' } }),
    user('editor', systemOnly),
    { name: 'rateCard', type: 'json', ...systemOnly, admin: { description: "The writer level's pay card, frozen at assignment." } },
    { name: 'priceSnapshot', type: 'json', ...systemOnly, admin: { description: 'Inputs, lines, total and price-list version at placement.' } },
    {
      name: 'flags',
      type: 'group',
      ...systemOnly,
      fields: ['urgent', 'highValue', 'firstOrder', 'returningClient'].map((name) => ({ name, type: 'checkbox' as const, defaultValue: false })),
    },
    {
      name: 'timestamps',
      type: 'group',
      ...systemOnly,
      fields: ['paidAt', 'assignedAt', 'acknowledgedAt', 'submittedAt', 'completedAt', 'approvedAt', 'cancelledAt', 'archivedAt'].map((name) => ({ name, type: 'date' as const })),
    },
    {
      // Bookkeeping of the schedules, so each finding is acted on once.
      name: 'monitoring',
      type: 'group',
      ...systemOnly,
      admin: { readOnly: true },
      fields: [
        { name: 'lastActivityAt', type: 'date', index: true },
        // One column each (not a hasMany select): reading an order stays one statement.
        ...REMINDER_MARKS.map((name) => ({ name, type: 'date' as const })),
        { name: 'acknowledgementReminderAt', type: 'date' },
        { name: 'overdueAlertedAt', type: 'date' },
        { name: 'stuckAlertedAt', type: 'date' },
      ],
    },
    {
      name: 'cancellation',
      type: 'group',
      ...systemOnly,
      admin: { readOnly: true, condition: (data) => data?.status === 'cancelled' },
      fields: [
        { name: 'forfeitPercent', type: 'number' },
        { name: 'kept', type: 'number', admin: { description: 'Cents kept by the website.' } },
        { name: 'refundDue', type: 'number', admin: { description: 'Cents owed back to the client.' } },
      ],
    },
  ],
}
