import type { FieldHook, TextField } from 'payload'

import { MAX_SLUG_LENGTH, slugify, slugProblem } from '@/domain/content/slug'

/**
 * A slug typed in is tidied (trimmed, lower case); an empty one is made from the source
 * field (title or name). On an update that does not touch the slug it is left alone.
 */
const fillSlug =
  (source: string): FieldHook =>
  ({ value, siblingData, originalDoc, operation }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim().toLowerCase()
    if (operation === 'update' && value === undefined && originalDoc?.slug) return value
    const from = (siblingData as Record<string, unknown>)[source] ?? (originalDoc as Record<string, unknown> | undefined)?.[source]
    return typeof from === 'string' && from.trim() !== '' ? slugify(from) : value
  }

/**
 * The address of a document on its website. Format and reserved words are checked here
 * (inline in the admin) and again by `guardSlug` for drafts, which skip field validation;
 * uniqueness per website is a compound index plus `guardSlug`'s friendly refusal.
 */
export const slugField = (source: 'title' | 'name'): TextField => ({
  name: 'slug',
  type: 'text',
  required: true,
  index: true,
  maxLength: MAX_SLUG_LENGTH,
  admin: { position: 'sidebar', description: `Made from the ${source} when left empty. Lower-case letters, digits and dashes.` },
  hooks: { beforeValidate: [fillSlug(source)] },
  validate: (value: string | null | undefined) => (typeof value === 'string' ? (slugProblem(value) ?? true) : 'A slug is required.'),
})
