import { validations, type FilterOptions, type RelationshipFieldSingleValidation, type SingleRelationshipField, type Where } from 'payload'

import type { Role } from '@/domain/roles'

import { serverOnlyField } from './serverOnly'

export type UserRefOptions = {
  /** The roles the admin's picker offers (people of the document's website with one of them); all users when absent. */
  roles?: readonly Role[]
  required?: boolean
  /** Set by the server only (read-only in the admin, ignored in an API body). */
  serverOnly?: boolean
  description?: string
}

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? value.id : value)

/** The picker's choices: the given roles, on the document's website when it has one. */
const pickable =
  (roles: readonly Role[]): FilterOptions =>
  ({ data }) => {
    const tenant = idOf((data as { tenant?: unknown } | undefined)?.tenant)
    const role: Where = { roles: { in: [...roles] } }
    return typeof tenant === 'number' ? { and: [role, { 'tenants.tenant': { equals: tenant } }] } : role
  }

/**
 * Payload's relationship checks without its filterOptions query: the filter shapes the
 * admin's picker, while who may be named is the server's rule (placement checks the
 * client and preferred writer, the workflow its writers and editors), so a write costs
 * no extra read.
 */
const withoutPickerFilter: RelationshipFieldSingleValidation = (value, args) => validations.relationship(value, { ...args, filterOptions: undefined })

/** A person a document names (client, writer, actor, decider…): a relationship to `users`, indexed. */
export const userRefField = (name: string, { roles, required, serverOnly = false, description }: UserRefOptions = {}): SingleRelationshipField => {
  const field: SingleRelationshipField = {
    name,
    type: 'relationship',
    relationTo: 'users',
    index: true,
    ...(required ? { required } : {}),
    ...(roles ? { filterOptions: pickable(roles), validate: withoutPickerFilter } : {}),
    ...(description ? { admin: { description } } : {}),
  }
  return serverOnly ? serverOnlyField(field) : field
}
