import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { idOf } from '@/access/actor'
import { announceAllContentChanged, announceContentChange } from '@/content/http/answerCache'
import { announceDashboardChange } from '@/operations/dashboard/answerCache'
import { forgetWebsites } from '@/operations/websiteCache'
import type { User } from '@/payload-types'

type Stamped = { tenant?: number | { id: number } | null }

/**
 * Public content answers are cached per website (src/content/http/answerCache.ts); these
 * hooks sit on every collection they are built from (posts, pages, authors, categories,
 * tags, redirects, media, reviews, price options) and tell every process when a row
 * changes. Any save counts, drafts and autosaves included: telling a draft that changes
 * nothing public from one that does (an unpublish) is Payload's business, and a dropped
 * answer costs one rebuild. A row without a website drops every website's answers.
 */
const announceFor = (docs: readonly (Stamped | undefined)[]) => {
  const websites = new Set(docs.filter((doc): doc is Stamped => doc !== undefined).map((doc) => idOf(doc.tenant ?? null)))
  for (const website of websites) announceContentChange(website)
}

export const announceContentSave: CollectionAfterChangeHook = ({ doc, previousDoc, operation }) => {
  // An update that moved a row to another website changes both websites' answers.
  announceFor([doc as Stamped, operation === 'update' ? (previousDoc as Stamped) : undefined])
  return doc
}

export const announceContentDelete: CollectionAfterDeleteHook = ({ doc }) => {
  announceFor([doc as Stamped])
  return doc
}

/**
 * A website's save or deletion: its settings, branding, SEO defaults and base prices show
 * in its public answers, and its domains and slug decide which website a request is for,
 * which may move a host to another website: every website's answers go. Its name,
 * currency and time zone show on the staff dashboards, which go too.
 */
const announceWebsiteChange = () => {
  announceAllContentChanged()
  announceDashboardChange()
  forgetWebsites()
}

export const announceWebsiteSave: CollectionAfterChangeHook = ({ doc }) => {
  announceWebsiteChange()
  return doc
}

export const announceWebsiteDelete: CollectionAfterDeleteHook = ({ doc }) => {
  announceWebsiteChange()
  return doc
}

/** A writer's pen name shows on their websites' public reviews and testimonials. */
export const announcePenNameChange: CollectionAfterChangeHook<User> = ({ doc, previousDoc, operation }) => {
  if (operation !== 'update' || (previousDoc?.penName ?? null) === (doc.penName ?? null)) return doc
  const rows = [...(doc.tenants ?? []), ...(previousDoc?.tenants ?? [])]
  for (const website of new Set(rows.map((row) => idOf(row.tenant ?? null)))) {
    if (website !== null) announceContentChange(website)
  }
  return doc
}
