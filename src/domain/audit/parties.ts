type Doc = Record<string, unknown>

const idOf = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (value && typeof value === 'object' && typeof (value as Doc).id === 'number') return (value as Doc).id as number
  return null
}

/**
 * The people a record names: the values of its top-level fields that refer to users
 * (`userFields`, from the collection's config), and the user itself for `users`. The
 * activity feed (`GET /api/activity`) shows a user the trail of the records naming them.
 */
export const partiesOf = (collection: string, doc: Doc | null | undefined, userFields: readonly string[]): number[] => {
  if (!doc) return []
  const found = new Set<number>()
  if (collection === 'users') {
    const self = idOf(doc.id)
    if (self !== null) found.add(self)
  }
  for (const field of userFields) {
    const value = doc[field]
    for (const item of Array.isArray(value) ? value : [value]) {
      const id = idOf(item)
      if (id !== null) found.add(id)
    }
  }
  return [...found].sort((a, b) => a - b)
}
