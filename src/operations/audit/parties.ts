import type { CollectionSlug, Field, PayloadRequest } from 'payload'

import { partiesOf } from '@/domain/audit/parties'

/** Top-level fields (through unnamed rows, collapsibles and tabs) that refer to users. */
export const userFieldsOf = (fields: readonly Field[]): string[] =>
  fields.flatMap((field): string[] => {
    if ('name' in field && field.type === 'relationship') return field.relationTo === 'users' ? [field.name] : []
    if (field.type === 'row' || field.type === 'collapsible') return userFieldsOf(field.fields)
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [] : userFieldsOf(tab.fields)))
    return []
  })

const cache = new Map<string, string[]>()

/** The users a record of `collection` names (its parties in the activity feed). */
export const partiesOfRecord = (req: PayloadRequest, collection: CollectionSlug, doc: Record<string, unknown>): number[] => {
  let fields = cache.get(collection)
  if (!fields) {
    fields = userFieldsOf(req.payload.collections[collection]?.config.fields ?? [])
    cache.set(collection, fields)
  }
  return partiesOf(collection, doc, fields)
}
