import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lexicalReferences, type LexicalReferences, type LexicalState } from '@/domain/content/lexical'
import type { ContentCollection } from '@/domain/content/paths'

/**
 * Links, uploads and images in a body must be the website's own: the multi-tenant
 * plugin filters relationship fields, not what sits inside rich text, and the public
 * page would otherwise carry another website's paths or files. Drafts included.
 */
export const guardReferences =
  (collection: ContentCollection): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    if (data.body === undefined) return data
    const tenant = idOf(data.tenant ?? originalDoc?.tenant ?? null)
    const references = lexicalReferences(data.body as LexicalState)
    for (const target of Object.keys(references) as (keyof LexicalReferences)[]) {
      const ids = references[target]
      if (ids.length === 0) continue
      const { totalDocs } = tenant === null ? { totalDocs: 0 } : await req.payload.count({
        collection: target,
        req,
        ...asSystem(proofOf(req)),
        where: { and: [{ tenant: { equals: tenant } }, { id: { in: ids } }] },
      })
      if (totalDocs < ids.length)
        throw new ValidationError({ collection, errors: [{ path: 'body', message: `The body links to ${target} that are not this website's: choose ${target} of this website.` }] })
    }
    return data
  }
