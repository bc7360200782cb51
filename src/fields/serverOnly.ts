import type { FieldAccess } from 'payload'

import type { DataField } from './types'

const never: FieldAccess = () => false

/**
 * A field only the server writes (placement, workflow actions, operations, schedules):
 * an API body can set it neither on create nor on update. Payload applies field access
 * to create and update separately, and a field locked on update alone was still
 * writable on create; a value in a body is dropped silently, as a price in a body is.
 * The Local API with `overrideAccess` (the server's own writes) is not affected. The admin
 * shows it read-only. This is the one way to say "server-owned": the money, status and
 * user-reference factories compose with it.
 */
export const serverOnlyField = <F extends DataField>(field: F): F =>
  ({ ...field, access: { ...field.access, create: never, update: never }, admin: { readOnly: true, ...field.admin } }) as F

/**
 * Whether an API body may set `field` on `operation`: false for what `serverOnlyField`
 * and `setOnCreateField` lock (the API document leaves it out of that request body).
 */
export const writableOn = (field: { access?: { create?: unknown; update?: unknown } }, operation: 'create' | 'update'): boolean => field.access?.[operation] !== never

/**
 * A field the creator gives once and nobody edits afterwards (the priced inputs of an
 * order: changing them is a priced adjustment, not an edit). `create` narrows who may
 * give it (e.g. staff only); by default whoever may create the document.
 */
export const setOnCreateField = <F extends DataField>(field: F, create?: FieldAccess): F =>
  ({ ...field, access: { ...field.access, ...(create ? { create } : {}), update: never } }) as F
