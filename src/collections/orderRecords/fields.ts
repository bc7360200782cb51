import type { Field } from 'payload'

import { serverOnlyField } from '@/fields/serverOnly'

/** The order a record belongs to, set by the order workflow only. */
export const orderField: Field = serverOnlyField({ name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true })
