import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { hasAnyRole, nobody, staffRowsOrOwn } from '@/access/rules'
import { DISCIPLINE_KINDS, DISCIPLINE_STATUSES, KINDS_WITH_END } from '@/domain/writers/discipline'
import { actionPanelField } from '@/fields/actionPanel'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'
import { stampTenant } from '@/hooks/stampTenant'
import { workflowEndpoints } from '@/endpoints/workflowActions'
import { afterDisciplineIssued, prepareDisciplineRecord } from '@/operations/writers/discipline'

/**
 * A warning, strike, probation, suspension or blacklist of a writer (reference §12.4).
 * Admins issue them (the admin's Create runs the issuing operation in its hooks, in the
 * create's transaction): a suspension or blacklist sets `users.suspended`, strikes and
 * warnings escalate by the website's rules. An admin lifts a record; the schedule expires
 * it at its end (never a blacklist). Admins and support of the website read all; a
 * writer their own.
 */
export const DisciplineRecords: CollectionConfig<'discipline-records'> = {
  slug: 'discipline-records',
  lockDocuments: false,
  admin: { ...navigation('People'), defaultColumns: ['writer', 'kind', 'status', 'startsAt', 'endsAt', 'reason'] },
  access: { read: staffRowsOrOwn('writer', ['admin', 'support']), create: hasAnyRole('superadmin', 'admin'), update: nobody, delete: nobody },
  indexes: [{ fields: ['writer', 'kind', 'status'] }],
  endpoints: [...workflowEndpoints('discipline-records')],
  hooks: { beforeValidate: [stampTenant, prepareDisciplineRecord], afterChange: [afterDisciplineIssued] },
  fields: [
    actionPanelField(),
    setOnCreateField(userRefField('writer', { roles: ['writer'], required: true })),
    setOnCreateField({ name: 'kind', type: 'select', options: [...DISCIPLINE_KINDS], required: true, index: true }),
    setOnCreateField({ name: 'reason', type: 'textarea', required: true, minLength: 1, maxLength: 2000 }),
    statusField({ statuses: DISCIPLINE_STATUSES, defaultValue: 'active' }),
    serverOnlyField({ name: 'startsAt', type: 'date', admin: { description: 'When it was issued.' } }),
    setOnCreateField({
      name: 'endsAt',
      type: 'date',
      index: true,
      admin: { description: 'Required for a suspension or probation; a warning lasts the website’s warning days when empty; a blacklist has none.' },
      validate: (value: unknown, { siblingData }: { siblingData: { kind?: string } }) => {
        if (siblingData.kind === 'blacklist' && value) return 'A blacklist has no end date.'
        if (KINDS_WITH_END.includes(siblingData.kind as never) && !value) return `Required for a ${siblingData.kind}.`
        return true
      },
    }),
    serverOnlyField({ name: 'automatic', type: 'checkbox', defaultValue: false, admin: { description: 'Issued by the website’s escalation rules.' } }),
    userRefField('issuedBy', { serverOnly: true }),
    userRefField('liftedBy', { serverOnly: true }),
    serverOnlyField({ name: 'liftedReason', type: 'textarea', maxLength: 2000 }),
    serverOnlyField({ name: 'endedAt', type: 'date', admin: { description: 'When it was lifted or expired.' } }),
  ],
}
