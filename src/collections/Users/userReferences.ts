import type { FlattenedField, SanitizedConfig } from 'payload'

/** One field of one collection that names a user: `orders.client`, `journal-entries.lines.user`. */
export type UserReference = { collection: string; path: string }

/**
 * Collections whose rows about a user go with the user: Payload's own bookkeeping
 * (preferences, locks, which Payload clears on delete), stored idempotent answers
 * (`idempotency-keys`) and their sign-ins (`login-sessions`; an impersonator's name on
 * someone else's sign-in is cleared by the database, the audit trail keeps it).
 */
export const CLEARED_WITH_USER = ['idempotency-keys', 'login-sessions'] as const
const isCleared = (slug: string) => slug.startsWith('payload-') || (CLEARED_WITH_USER as readonly string[]).includes(slug)

const namesUsers = (field: FlattenedField) => (field.type === 'relationship' || field.type === 'upload') && field.relationTo === 'users'

const walk = (fields: readonly FlattenedField[], prefix: string, out: string[]) => {
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    if (namesUsers(field)) out.push(path)
    else if ((field.type === 'group' || field.type === 'array' || field.type === 'tab') && 'flattenedFields' in field) walk(field.flattenedFields, `${path}.`, out)
  }
}

const cache = new WeakMap<SanitizedConfig, UserReference[]>()

/**
 * Every field of every collection that references a user, found from the config (so a
 * later collection is covered without a list to keep): the records that keep a user
 * from being deleted.
 */
export const userReferences = (config: SanitizedConfig): UserReference[] => {
  let found = cache.get(config)
  if (!found) {
    found = config.collections
      .filter((collection) => collection.slug !== 'users' && !isCleared(collection.slug))
      .flatMap((collection) => {
        const paths: string[] = []
        walk(collection.flattenedFields, '', paths)
        return paths.map((path) => ({ collection: collection.slug, path }))
      })
    cache.set(config, found)
  }
  return found
}
