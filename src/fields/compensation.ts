import type { GroupField } from 'payload'

import { fieldExceptFor } from '@/access/rules'
import { CLASS_COMPENSATION_KINDS } from '@/domain/classOrders/statuses'

import { readableBy } from './readableBy'
import { serverOnlyField } from './serverOnly'

/**
 * The assigned writer's pay for a class or a special order (a percentage of its total or
 * a fixed amount), set by the `assign` action. What the writer earns is between the staff
 * and the writer: clients never read it.
 */
export const compensationField = (description: string): GroupField =>
  readableBy(fieldExceptFor('client'), {
    name: 'compensation',
    type: 'group',
    admin: { description },
    fields: [
      serverOnlyField({ name: 'kind', type: 'select', options: [...CLASS_COMPENSATION_KINDS] }),
      serverOnlyField({ name: 'value', type: 'number', min: 0, admin: { description: 'Percent of the total (percentage) or cents (fixed).' } }),
    ],
  })
