import type { NamedGroupField } from 'payload'

import { DEFAULT_REVIEW_POLICY } from '@/domain/orders/submitRouting'
import { DEFAULT_STAFFING } from '@/domain/orders/staffing'
import { moneyField } from '@/fields/money'

/** How orders reach writers (reference WriterConfig). */
export const staffingFields: NamedGroupField = {
  name: 'staffing',
  type: 'group',
  fields: [
    { name: 'takesEnabled', type: 'checkbox', defaultValue: DEFAULT_STAFFING.takesEnabled, admin: { description: 'Writers may take pool orders themselves.' } },
    {
      name: 'invitationHours',
      type: 'number',
      defaultValue: DEFAULT_STAFFING.invitationHours,
      min: 1,
      max: 168,
      admin: { description: 'Hours a preferred writer has to accept before the order goes to the pool.' },
    },
  ],
}

/** Where a writer's submission goes (reference EditingRequirementConfig). */
export const reviewFields: NamedGroupField = {
  name: 'review',
  type: 'group',
  fields: [
    { name: 'editingByDefault', type: 'checkbox', defaultValue: DEFAULT_REVIEW_POLICY.editingByDefault },
    { name: 'skipEditingForUrgent', type: 'checkbox', defaultValue: DEFAULT_REVIEW_POLICY.skipEditingForUrgent },
    { name: 'allowEditingForEarlySubmissions', type: 'checkbox', defaultValue: DEFAULT_REVIEW_POLICY.allowEditingForEarlySubmissions },
    { name: 'earlySubmissionHours', type: 'number', min: 0, defaultValue: DEFAULT_REVIEW_POLICY.earlySubmissionHours },
    { name: 'qaEnabled', type: 'checkbox', defaultValue: DEFAULT_REVIEW_POLICY.qaEnabled },
    { name: 'qaForHighValue', type: 'checkbox', defaultValue: DEFAULT_REVIEW_POLICY.qaForHighValue },
    moneyField('highValueThreshold', { defaultValue: DEFAULT_REVIEW_POLICY.highValueThreshold }),
    { name: 'qaForNewWriters', type: 'checkbox', defaultValue: DEFAULT_REVIEW_POLICY.qaForNewWriters },
    { name: 'newWriterOrderThreshold', type: 'number', min: 0, defaultValue: DEFAULT_REVIEW_POLICY.newWriterOrderThreshold },
  ],
}
