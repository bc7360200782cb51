import type { Field, FieldAccess } from 'payload'

import { actorOf, hasRole, idOf } from '@/access/actor'
import { CONTENT_ROLES, contentRights } from '@/access/content'
import { serverOnlyField } from '@/fields/serverOnly'

/**
 * Pre-publish warnings are the editors' business, not the public's. Without a document
 * (the admin's field permissions of a form, a `where` on the field) it is whether the
 * caller edits content at all: the rows they can read are their websites' already.
 */
const editorsOfTheWebsite: FieldAccess = ({ req, doc }) => {
  const actor = actorOf(req)
  const tenant = idOf((doc as { tenant?: number | { id: number } | null } | undefined)?.tenant)
  return tenant === null ? actor !== null && (actor.allTenants || hasRole(actor, ...CONTENT_ROLES)) : contentRights(actor, tenant)
}

const never: FieldAccess = () => false

/**
 * Fields the save computes from the body (src/collections/content/hooks/computeContent.ts):
 * nobody writes them through the API.
 */
export const computedContentFields = (): Field[] => [
  serverOnlyField({ name: 'readingTime', type: 'number', admin: { position: 'sidebar', description: 'Minutes, computed on save.' } }),
  serverOnlyField({ name: 'wordCount', type: 'number', admin: { position: 'sidebar', description: 'Computed on save.' } }),
  serverOnlyField({
    name: 'warnings',
    type: 'json',
    access: { read: editorsOfTheWebsite },
    admin: { description: 'Checked on every save: fix these before or after publishing.', position: 'sidebar', components: { Field: '/admin/content/WarningsField#WarningsField' } },
    typescriptSchema: [
      () => ({
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
      }),
    ],
  }),
  serverOnlyField({ name: 'warningCount', type: 'number', index: true, access: { read: editorsOfTheWebsite }, admin: { position: 'sidebar' } }),
  // The body as text for full-text search; the database reads it, no API does.
  serverOnlyField({ name: 'plainText', type: 'textarea', access: { read: never }, admin: { hidden: true } }),
]
