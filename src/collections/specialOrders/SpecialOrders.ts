import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { fieldExceptFor, fieldForRoles, hasAnyRole, nobody, staffRowsOrOwn } from '@/access/rules'
import { FUNDING_STATUSES } from '@/domain/specialOrders/funding'
import { PRICING_MODES, SPECIAL_ORDER_STATUSES } from '@/domain/specialOrders/workflow'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { actionPanelField } from '@/fields/actionPanel'
import { compensationField } from '@/fields/compensation'
import { moneyField } from '@/fields/money'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { stampTenant } from '@/hooks/stampTenant'
import { prepareSpecialOrder, startFixedPlan } from '@/operations/specialOrders/create'

/**
 * Special orders (reference §10.1, `docs/special-orders.md`): bespoke projects priced by
 * a configuration of the website or by a quote, funded by a plan of milestones paid
 * through one plan invoice. A client opens one with `POST /api/special-orders` (title,
 * description, optionally a configuration and duration); staff may open one for a
 * client. Everything else is the workflow's. Admins and support of the website read
 * all; a client their own; the assigned writer the one he works on.
 */
export const SpecialOrders: CollectionConfig<'special-orders'> = {
  slug: 'special-orders',
  lockDocuments: false,
  endpoints: workflowEndpoints('special-orders'),
  admin: { ...navigation('Orders'), useAsTitle: 'number', defaultColumns: ['number', 'title', 'client', 'status', 'fundingStatus', 'total', 'amountPaid'] },
  access: {
    read: staffRowsOrOwn(['client', 'writer'], ['admin', 'support']),
    create: hasAnyRole('superadmin', 'admin', 'support', 'client'),
    update: nobody,
    delete: nobody,
  },
  indexes: [{ fields: ['tenant', 'number'], unique: true }],
  hooks: {
    beforeValidate: [stampTenant],
    beforeChange: [({ data, req, operation }) => (operation === 'create' ? prepareSpecialOrder(req, data) : data)],
    afterChange: [({ doc, req, operation }) => (operation === 'create' ? startFixedPlan(req, doc) : doc)],
  },
  fields: [
    actionPanelField(),
    serverOnlyField({ name: 'number', type: 'text', index: true, admin: { description: 'SPO-000012, per website.' } }),
    setOnCreateField(userRefField('client', { roles: ['client'], description: 'Staff opening one for a client name the client; a client opens their own.' }), fieldForRoles('superadmin', 'admin', 'support')),
    userRefField('writer', { roles: ['writer'], serverOnly: true, description: 'The assigned writer (the assign action).' }),
    setOnCreateField({ name: 'title', type: 'text', required: true, maxLength: 200 }),
    setOnCreateField({ name: 'description', type: 'textarea', required: true, maxLength: 20000, admin: { description: 'What is wanted: scope, instructions, sources.' } }),
    serverOnlyField({ name: 'pricingMode', type: 'select', options: [...PRICING_MODES], defaultValue: 'quoted', admin: { description: 'A configuration with a duration: fixed_config; otherwise quoted.' } }),
    setOnCreateField({ name: 'config', type: 'relationship', relationTo: 'special-order-configs', index: true, admin: { description: 'A configuration of this website (fixed price), with a duration.' } }),
    setOnCreateField({ name: 'duration', type: 'text', maxLength: 80, admin: { description: 'The label of one of the configuration’s durations.' } }),
    statusField({ statuses: SPECIAL_ORDER_STATUSES, defaultValue: 'inquiry' }),
    serverOnlyField({ name: 'statusBefore', type: 'select', options: [...SPECIAL_ORDER_STATUSES], admin: { description: 'The status a hold interrupted: resume returns to it.' } }),
    readableBy(fieldExceptFor('writer'), moneyField('total', { defaultValue: 0, serverOnly: true, description: 'The accepted price: the configuration’s, or the accepted quote’s.' })),
    readableBy(fieldExceptFor('writer'), moneyField('amountPaid', { defaultValue: 0, serverOnly: true, description: 'Paid on the plan’s milestones.' })),
    serverOnlyField({ name: 'currency', type: 'text', maxLength: 3 }),
    serverOnlyField({ name: 'fundingStatus', type: 'select', options: [...FUNDING_STATUSES], defaultValue: 'draft', index: true }),
    readableBy(fieldExceptFor('writer'), serverOnlyField({ name: 'invoice', type: 'relationship', relationTo: 'invoices', index: true, admin: { description: 'The plan invoice: each milestone is one of its installments.' } })),
    compensationField('The writer’s pay, set at assignment: earned when the order is completed.'),
    serverOnlyField({ name: 'requiresFullPayment', type: 'checkbox', defaultValue: false, admin: { description: 'From the configuration: delivery waits for the whole plan.' } }),
    serverOnlyField({ name: 'deliveryUnlocked', type: 'checkbox', defaultValue: false, admin: { description: 'An admin unlocked delivery before the plan allowed it (with a reason, on the timeline).' } }),
    userRefField('createdBy', { serverOnly: true }),
    serverOnlyField({ name: 'acceptedAt', type: 'date' }),
    serverOnlyField({ name: 'assignedAt', type: 'date' }),
    serverOnlyField({ name: 'submittedAt', type: 'date' }),
    serverOnlyField({ name: 'completedAt', type: 'date' }),
    serverOnlyField({ name: 'approvedAt', type: 'date' }),
    serverOnlyField({ name: 'cancelledAt', type: 'date' }),
  ],
}
