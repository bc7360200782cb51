import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { announceWebsitesChanged } from '@/security/originCache'

import type { Tenant } from '@/payload-types'

const sameDomains = (a: Tenant | undefined, b: Tenant | undefined) =>
  JSON.stringify((a?.domains ?? []).map((d) => d.domain)) === JSON.stringify((b?.domains ?? []).map((d) => d.domain))

/**
 * The allowed origins (CORS, cookie writes, the CSP's frame-src) are the active
 * websites' domains, cached in every web process: a change of either tells them all.
 */
export const announceOriginsOnChange: CollectionAfterChangeHook<Tenant> = ({ doc, previousDoc, operation }) => {
  if (operation === 'update' && previousDoc?.active === doc.active && sameDomains(previousDoc, doc)) return doc
  announceWebsitesChanged()
  return doc
}

export const announceOriginsOnDelete: CollectionAfterDeleteHook<Tenant> = () => {
  announceWebsitesChanged()
}
