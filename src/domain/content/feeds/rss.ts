import { isoInstant, newestInstant, textElement, xmlDocument } from './xml'

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
export const buildRss = (channel: RssChannel, items: readonly RssItem[]): string =>
  xmlDocument({
    name: 'rss',
    attributes: { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' },
    children: [
      {
        name: 'channel',
        children: [
          { name: 'title', text: channel.title },
          { name: 'link', text: channel.link },
          { name: 'description', text: channel.description },
          { name: 'atom:link', attributes: { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' } },
          ...textElement('language', channel.language),
          ...textElement('lastBuildDate', rfc822(newestInstant(items.map((item) => item.publishedAt)))),
          ...items.map((item) => ({
            name: 'item',
            children: [
              { name: 'title', text: item.title },
              { name: 'link', text: item.link },
              { name: 'guid', attributes: { isPermaLink: 'false' }, text: item.guid },
              ...textElement('description', item.description),
              ...textElement('pubDate', rfc822(item.publishedAt)),
              // RSS's own <author> must be an e-mail address; authors are people with names here.
              ...textElement('dc:creator', item.author),
              ...(item.categories ?? []).flatMap((category) => textElement('category', category)),
            ],
          })),
        ],
      },
    ],
  })
