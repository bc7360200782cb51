import { isoInstant, xmlDocument, xmlText } from './xml'

export type RssChannel = {
  title: string
  /** The blog's address on the website (`<origin>/blog/`). */
  link: string
  description: string
  /** Where this feed is served, for readers that follow it (`atom:link rel="self"`). */
  selfUrl: string
  /** BCP 47, e.g. `en`. */
  language?: string | null
}

export type RssItem = {
  title: string
  link: string
  /**
   * Stable across slug changes (a renamed post must not come back as a new item in
   * everyone's reader), so not the link.
   */
  guid: string
  description?: string | null
  publishedAt?: string | null
  author?: string | null
  categories?: readonly string[]
}

/** The number of posts the feed carries, newest first. */
export const RSS_ITEM_COUNT = 20

/** RFC 822 dates, as RSS 2.0 wants them (`Mon, 30 Nov 2026 10:00:00 GMT`). */
const rfc822 = (value: string | null | undefined): string | null => {
  const iso = isoInstant(value)
  return iso ? new Date(iso).toUTCString() : null
}

/**
 * An RSS 2.0 document of the items in the order given. `lastBuildDate` is the newest
 * item's date rather than the clock, so the same posts give the same bytes (and ETag).
 */
export const buildRss = (channel: RssChannel, items: readonly RssItem[]): string => {
  const root = xmlDocument().ele('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' })
  const ch = root.ele('channel')
  ch.ele('title').txt(channel.title)
  ch.ele('link').txt(channel.link)
  ch.ele('description').txt(channel.description)
  ch.ele('atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' })
  if (channel.language) ch.ele('language').txt(channel.language)
  const newest = items.map((item) => rfc822(item.publishedAt)).find(Boolean)
  if (newest) ch.ele('lastBuildDate').txt(newest)
  for (const item of items) {
    const el = ch.ele('item')
    el.ele('title').txt(item.title)
    el.ele('link').txt(item.link)
    el.ele('guid', { isPermaLink: 'false' }).txt(item.guid)
    if (item.description) el.ele('description').txt(item.description)
    const date = rfc822(item.publishedAt)
    if (date) el.ele('pubDate').txt(date)
    // RSS's own <author> must be an e-mail address; authors are people with names here.
    if (item.author) el.ele('dc:creator').txt(item.author)
    for (const category of item.categories ?? []) el.ele('category').txt(category)
  }
  return xmlText(root)
}
