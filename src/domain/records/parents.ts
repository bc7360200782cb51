import type { Refusal } from '../orders/parties'

/**
 * The records a file or a message hangs off: a paper order, a special order or a class
 * order (issue 17). Each is a relationship of its own on the row, so access filters join
 * the one parent the row has.
 */
export const RECORD_PARENTS = ['order', 'specialOrder', 'classOrder'] as const
export type RecordParent = (typeof RECORD_PARENTS)[number]

/** The collection each parent field points at. */
export const PARENT_COLLECTIONS = { order: 'orders', specialOrder: 'special-orders', classOrder: 'class-orders' } as const satisfies Record<RecordParent, string>

/** What a reader calls each parent in a message. */
export const PARENT_NOUNS: Readonly<Record<RecordParent, string>> = { order: 'order', specialOrder: 'special order', classOrder: 'class order' }

export type ParentChoice = { parent: RecordParent; id: number }

const isGiven = (value: unknown) => value !== undefined && value !== null && value !== ''

const idOf = (value: unknown): unknown => (typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * The one parent a new row names, or why the body is refused (400 naming the field):
 * none named, several named, or a parent that is not an id.
 */
export const parentChoice = (data: Partial<Record<RecordParent, unknown>>): ParentChoice | Refusal => {
  const given = RECORD_PARENTS.filter((parent) => isGiven(data[parent]))
  const names = RECORD_PARENTS.join(', ')
  if (given.length === 0) return { status: 400, path: 'order', message: `order: name the record this belongs to, exactly one of ${names}.` }
  if (given.length > 1) {
    const extra = given[1]!
    return { status: 400, path: extra, message: `${extra}: name exactly one of ${names}; this names ${given.join(' and ')}.` }
  }
  const parent = given[0]!
  const id = idOf(data[parent])
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return { status: 400, path: parent, message: `${parent}: name the ${PARENT_NOUNS[parent]} by its id.` }
  return { parent, id }
}

export const isRefusal = (choice: ParentChoice | Refusal): choice is Refusal => 'status' in choice
