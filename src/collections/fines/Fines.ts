import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody, staffRowsOrOwn } from '@/access/rules'
import { FINE_STATUSES } from '@/domain/fines/workflow'
import { actionPanelField } from '@/fields/actionPanel'
import { moneyField } from '@/fields/money'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { stampTenant } from '@/hooks/stampTenant'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { applyIssuedFine, prepareFine } from '@/operations/fines/issue'

const serverMoney = (name: string, description: string) => moneyField(name, { defaultValue: 0, serverOnly: true, description })

/**
 * Fines (reference §7) on the workflow `fines`: issued by the platform on a late
 * submission, or by admins and support of the website through an ordinary create (the
 * admin's Create, `POST /api/fines`): `prepareFine` checks the writer, order and type and
 * sets the amount, and `applyIssuedFine` takes it from the writer's money in the same
 * transaction. Nothing else writes a fine but its workflow actions. Staff read the
 * website's fines; a writer their own.
 */
export const Fines: CollectionConfig<'fines'> = {
  slug: 'fines',
  lockDocuments: false,
  endpoints: workflowEndpoints('fines'),
  admin: { ...navigation('People'), defaultColumns: ['writer', 'order', 'type', 'amount', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('writer', ['admin', 'support']), create: hasAnyRole('superadmin', 'admin', 'support'), update: nobody, delete: nobody },
  hooks: {
    beforeValidate: [stampTenant],
    beforeChange: [({ data, req, operation }) => (operation === 'create' ? prepareFine(req, data) : data)],
    afterChange: [({ doc, req, operation }) => (operation === 'create' ? applyIssuedFine(req, doc) : doc)],
  },
  fields: [
    actionPanelField(),
    setOnCreateField(userRefField('writer', { roles: ['writer'], required: true, description: 'The writer fined, of this website.' })),
    setOnCreateField({ name: 'order', type: 'relationship', relationTo: 'orders', index: true, admin: { description: 'The order the fine is about (optional); its writer must be the writer fined.' } }),
    setOnCreateField({ name: 'type', type: 'text', required: true, maxLength: 40, admin: { description: 'A fine type’s code: quality_issue, plagiarism, wrong_files… or one of the website’s own.' } }),
    setOnCreateField(moneyField('amount', { description: 'Empty: computed from the fine type (its fixed amount, or its percentage of the order’s writer pay or total).' })),
    statusField({ statuses: FINE_STATUSES, defaultValue: 'issued' }),
    setOnCreateField({ name: 'reason', type: 'textarea', required: true, maxLength: 2000 }),
    serverOnlyField({ name: 'hoursLate', type: 'number' }),
    serverOnlyField({ name: 'percent', type: 'number', admin: { readOnly: true, description: 'The lateness percentage of the base.' } }),
    userRefField('issuedBy', { serverOnly: true, description: 'Empty: issued by the platform.' }),
    // Set by the server on every create (not `required`: the admin's Create form would ask for it).
    serverOnlyField({ name: 'reference', type: 'text', unique: true, index: true }),
    {
      name: 'appeal',
      type: 'group',
      admin: { description: 'The writer’s appeal and its answer (workflow actions).' },
      fields: [
        serverOnlyField({ name: 'reason', type: 'textarea' }),
        serverOnlyField({ name: 'evidence', type: 'textarea' }),
        serverOnlyField({ name: 'escalatedBefore', type: 'checkbox', defaultValue: false }),
        serverOnlyField({ name: 'escalationReason', type: 'textarea' }),
        serverOnlyField({ name: 'answer', type: 'textarea' }),
      ],
    },
    {
      name: 'effect',
      type: 'group',
      admin: { description: 'What the fine did to the writer’s money.' },
      fields: [
        serverOnlyField({ name: 'appliedAt', type: 'date', admin: { description: 'Empty while the order has no earning yet: the fine is netted from it at completion.' } }),
        serverMoney('fromEarning', 'Taken from the order’s pending earning.'),
        serverMoney('receivable', 'Owed by the writer, recovered from later payouts.'),
        serverOnlyField({ name: 'receivableRow', type: 'relationship', relationTo: 'writer-earnings' }),
        serverMoney('recovered', 'Of the receivable, recovered from a payout.'),
        serverMoney('writtenOff', 'Of the receivable, written off by an admin.'),
        serverOnlyField({ name: 'writtenOffAt', type: 'date' }),
        serverOnlyField({ name: 'liftedAt', type: 'date', admin: { description: 'When a waiver or void gave the money back (once).' } }),
        serverMoney('restored', 'Given back to the writer when the fine was waived or voided.'),
      ],
    },
  ],
}
