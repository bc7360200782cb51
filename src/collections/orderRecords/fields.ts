import type { Field } from 'payload'

/** Written by the order workflow only: never through REST, GraphQL or the admin. */
export const readOnlyField = { access: { create: () => false, update: () => false }, admin: { readOnly: true } } as const

export const orderField: Field = { name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true, ...readOnlyField }

export const userField = (name: string, extra: { required?: boolean; index?: boolean } = {}): Field => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  ...extra,
  ...readOnlyField,
})
