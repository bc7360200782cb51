import { type CollectionConfig, validations } from 'payload'

import { navigation } from '@/access/navigation'
import { fieldExceptFor, hasAnyRole, nobody, staffField, staffRowsOrOwn } from '@/access/rules'
import { CLASS_ORDER_STATUSES, CLASS_PAYMENT_STATUSES } from '@/domain/classOrders/statuses'
import { compensationField } from '@/fields/compensation'
import { moneyField } from '@/fields/money'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { stampTenant } from '@/hooks/stampTenant'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { actionPanelField } from '@/fields/actionPanel'
import { prepareClassOrder } from '@/operations/classOrders/prepare'
import { classCredentialEndpoints } from '@/endpoints/classCredentials'

// What the client pays is between the staff and the client: the writer is paid from `compensation`.
const clientMoney = (name: string, description: string) =>
  readableBy(fieldExceptFor('writer'), moneyField(name, { defaultValue: 0, serverOnly: true, description }))

/**
 * Class orders (reference §10.2): a client hires a writer to run an online class. The
 * client gives the class's details (`POST /api/class-orders`, checked by `prepareClassOrder`); price, writer, money and status move only through the
 * class's workflow actions and schedules. Admins and support of the website read all, the
 * client their own, the assigned writer the classes assigned to him.
 */
export const ClassOrders: CollectionConfig<'class-orders'> = {
  slug: 'class-orders',
  lockDocuments: false,
  admin: {
    ...navigation('Orders'),
    useAsTitle: 'number',
    defaultColumns: ['number', 'title', 'status', 'client', 'writer', 'startDate', 'total', 'paymentStatus'],
    listSearchableFields: ['number', 'title', 'className'],
  },
  access: {
    read: staffRowsOrOwn(['client', 'writer'], ['admin', 'support']),
    create: hasAnyRole('superadmin', 'admin', 'support', 'client'),
    update: nobody,
    delete: nobody,
  },
  indexes: [
    { fields: ['tenant', 'number'], unique: true },
    { fields: ['tenant', 'status', 'createdAt'] },
  ],
  // Its workflow, then the class's portal credentials (src/endpoints/classCredentials.ts).
  endpoints: [...workflowEndpoints('class-orders'), ...classCredentialEndpoints],
  hooks: {
    beforeValidate: [stampTenant],
    beforeChange: [({ data, req, operation }) => (operation === 'create' ? prepareClassOrder(req, data) : data)],
  },
  fields: [
    actionPanelField(),
    serverOnlyField({ name: 'number', type: 'text', required: true, admin: { description: 'Per website: CLS-00001.' } }),
    // Staff name the client they create for; a client's class order is their own whatever the body says.
    setOnCreateField(userRefField('client', { roles: ['client'], required: true }), staffField),
    userRefField('writer', { roles: ['writer'], serverOnly: true, description: 'The assigned writer; empty until assigned.' }),
    setOnCreateField({ name: 'title', type: 'text', required: true, maxLength: 255 }),
    setOnCreateField({ name: 'institution', type: 'text', required: true, maxLength: 255 }),
    setOnCreateField({ name: 'className', type: 'text', required: true, maxLength: 255 }),
    setOnCreateField({ name: 'classCode', type: 'text', maxLength: 64 }),
    setOnCreateField({ name: 'academicLevel', type: 'text', required: true, maxLength: 64 }),
    setOnCreateField({ name: 'startDate', type: 'date', required: true }),
    setOnCreateField({
      name: 'endDate',
      type: 'date',
      required: true,
      validate: (value, args) => {
        const base = validations.date(value, args)
        if (base !== true) return base
        const start = (args.siblingData as { startDate?: string | null }).startDate
        return value && start && new Date(value).getTime() <= new Date(start).getTime() ? 'Must be after startDate.' : true
      },
    }),
    statusField({ statuses: CLASS_ORDER_STATUSES, defaultValue: 'submitted' }),
    setOnCreateField({ name: 'description', type: 'textarea', maxLength: 20_000 }),
    setOnCreateField({ name: 'workload', type: 'textarea', maxLength: 4000, admin: { description: 'What the class asks for: discussions a week, quizzes, exams, essays.' } }),
    serverOnlyField({ name: 'notes', type: 'textarea', maxLength: 4000, admin: { description: 'The client’s answers to staff questions (provideInfo).' } }),
    clientMoney('quotedAmount', 'The latest price proposed (after discount).'),
    clientMoney('acceptedAmount', 'The amount of the accepted proposal or counter-offer, before discount.'),
    clientMoney('discount', 'The discount of the accepted proposal.'),
    clientMoney('total', 'What the client pays: accepted amount − discount.'),
    clientMoney('amountPaid', 'Paid so far into the plan invoice.'),
    statusField({ name: 'paymentStatus', statuses: CLASS_PAYMENT_STATUSES, defaultValue: 'unpaid' }),
    readableBy(fieldExceptFor('writer'), serverOnlyField({ name: 'invoice', type: 'relationship', relationTo: 'invoices', index: true, admin: { description: 'The plan invoice issued at acceptance.' } })),
    serverOnlyField({ name: 'pausedAt', type: 'date' }),
    serverOnlyField({ name: 'pauseReason', type: 'text', maxLength: 500 }),
    serverOnlyField({ name: 'statusBefore', type: 'select', options: [...CLASS_ORDER_STATUSES], admin: { description: 'The status a pause resumes to.' } }),
    compensationField('The writer’s pay for the class, set at assignment.'),
  ],
}
