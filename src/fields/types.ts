import type { Field } from 'payload'

/** Fields that hold data (and so have access rules): everything but layout and UI. */
export type DataField = Exclude<Extract<Field, { name: string }>, { type: 'ui' }>
