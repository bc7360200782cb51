import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { idOf } from '@/access/actor'
import { forgetWebsitePrices } from '@/operations/websiteCache'
import type { PricingOption } from '@/payload-types'

/** Quotes and placements price from the process's copy of a website's options: every change drops it everywhere. */
export const forgetPricesOnChange: CollectionAfterChangeHook<PricingOption> = ({ doc, previousDoc, operation }) => {
  const websites = new Set([idOf(doc.tenant ?? null), operation === 'update' ? idOf(previousDoc?.tenant ?? null) : idOf(doc.tenant ?? null)])
  for (const website of websites) forgetWebsitePrices(website)
  return doc
}

export const forgetPricesOnDelete: CollectionAfterDeleteHook<PricingOption> = ({ doc }) => {
  forgetWebsitePrices(idOf(doc.tenant ?? null))
  return doc
}
