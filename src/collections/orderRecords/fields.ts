import type { Field } from 'payload'

import { serverOnlyField } from '@/fields/serverOnly'

/** The order a record belongs to, set by the order workflow only. */
export const orderField: Field = serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true })

/** A person named by a workflow record (writer, requester, decider), set by the workflow only. */
export const userField = (name: string, extra: { required?: boolean; index?: boolean } = {}): Field =>
  serverOnlyField({ name, type: 'relationship', relationTo: 'users', ...extra })
