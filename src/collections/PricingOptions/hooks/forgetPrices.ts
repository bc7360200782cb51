import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { idOf } from '@/access/actor'
import { forgetWebsitePrices } from '@/operations/websiteCache'
import type { PricingOption } from '@/payload-types'

/** Quotes and placements price from the process's copy of a website's options: every change drops it everywhere. */
export const forgetPricesOnChange: CollectionAfterChangeHook<PricingOption> = ({ doc, previousDoc, operation }) => {
  forgetWebsitePrices(idOf(doc.tenant ?? null))
  // An option moved to another website leaves the old one's list stale too.
  const before = operation === 'update' ? idOf(previousDoc?.tenant ?? null) : null
  if (before !== null && before !== idOf(doc.tenant ?? null)) forgetWebsitePrices(before)
  return doc
}

export const forgetPricesOnDelete: CollectionAfterDeleteHook<PricingOption> = ({ doc }) => {
  forgetWebsitePrices(idOf(doc.tenant ?? null))
  return doc
}
