import type { RelationshipField } from 'payload'

import { PARENT_COLLECTIONS, RECORD_PARENTS } from '@/domain/records/parents'

const NAMES = RECORD_PARENTS.join(', ')

/**
 * The three parents of a file or a message (`order`, `specialOrder`, `classOrder`), each
 * optional in the schema: exactly one is set, which the collection's guard checks (a 400
 * naming the field) and the table's CHECK constraint holds. `wrap` locks them on create
 * where the row never moves.
 */
export const recordParentFields = (what: 'file' | 'message', wrap: (field: RelationshipField) => RelationshipField): RelationshipField[] =>
  RECORD_PARENTS.map((name) =>
    wrap({
      name,
      type: 'relationship',
      relationTo: PARENT_COLLECTIONS[name],
      index: true,
      admin: { description: `The ${PARENT_COLLECTIONS[name].replace(/s$/, '').replace('-', ' ')} this ${what} belongs to. Give exactly one of ${NAMES}.` },
    }),
  )
