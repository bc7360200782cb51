import type { TextField } from 'payload'

/** The optional heading above a block. */
export const blockHeading: TextField = { name: 'heading', type: 'text', maxLength: 160 }
