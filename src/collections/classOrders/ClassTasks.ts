import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { fieldExceptFor, hasAnyRole, nobody, staffRowsOrOwn } from '@/access/rules'
import { CLASS_TASK_KINDS, CLASS_TASK_STATUSES } from '@/domain/classOrders/tasks'
import { actionPanelField } from '@/fields/actionPanel'
import { moneyField } from '@/fields/money'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { stampTenant } from '@/hooks/stampTenant'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { prepareClassTask } from '@/operations/classOrders/prepare'

/**
 * The work items of a class (§10.2: discussion posts, quizzes, exams…), created by staff
 * (`POST /api/class-tasks`) and moved by their workflow actions, frozen while the class is
 * paused. The class's writer and client are copied onto each task so access filters in
 * SQL: staff of the website read all, the writer and the client those of their classes.
 */
export const ClassTasks: CollectionConfig<'class-tasks'> = {
  slug: 'class-tasks',
  lockDocuments: false,
  endpoints: workflowEndpoints('class-tasks'),
  admin: { ...navigation('Orders'), useAsTitle: 'title', defaultColumns: ['classOrder', 'kind', 'title', 'dueAt', 'status', 'writer'] },
  access: { read: staffRowsOrOwn(['client', 'writer'], ['admin', 'support']), create: hasAnyRole('superadmin', 'admin', 'support'), update: nobody, delete: nobody },
  hooks: {
    beforeValidate: [stampTenant],
    beforeChange: [({ data, req, operation }) => (operation === 'create' ? prepareClassTask(req, data) : data)],
  },
  fields: [
    actionPanelField(),
    setOnCreateField({ name: 'classOrder', type: 'relationship', relationTo: 'class-orders', required: true, index: true }),
    setOnCreateField({ name: 'kind', type: 'select', options: [...CLASS_TASK_KINDS], required: true }),
    setOnCreateField({ name: 'title', type: 'text', required: true, maxLength: 255 }),
    setOnCreateField({ name: 'instructions', type: 'textarea', maxLength: 10_000 }),
    setOnCreateField({ name: 'dueAt', type: 'date', index: true }),
    statusField({ statuses: CLASS_TASK_STATUSES, defaultValue: 'pending' }),
    userRefField('writer', { roles: ['writer'], serverOnly: true, description: 'The class’s writer, copied.' }),
    userRefField('client', { roles: ['client'], serverOnly: true, description: 'The class’s client, copied.' }),
    serverOnlyField({ name: 'grade', type: 'text', maxLength: 40 }),
    serverOnlyField({ name: 'notes', type: 'textarea', maxLength: 4000, admin: { description: 'The writer’s notes on submission; a revision’s reason.' } }),
    // What the approval earned the writer: between staff and writer.
    readableBy(fieldExceptFor('client'), moneyField('earned', { defaultValue: 0, serverOnly: true, description: 'The writer’s share of the class compensation earned at approval.' })),
  ],
}
