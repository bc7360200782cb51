import type { FieldAccess } from 'payload'

import type { DataField } from './types'

/**
 * A field only some readers see (the rest get the document without it, over REST,
 * GraphQL and the admin alike). Payload also refuses to filter or sort by it for them.
 */
export const readableBy = <F extends DataField>(read: FieldAccess, field: F): F => ({ ...field, access: { ...field.access, read } }) as F
