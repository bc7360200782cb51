import {
  convertLexicalToHTML,
  defaultHTMLConverters,
  type HTMLConverter,
  type HTMLConverters,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import { sanitizeUrl } from 'payload/shared'

import type { LexicalNode, LexicalState } from '@/domain/content/lexical'
import type { LinkTarget, MediaView, PriceView } from '@/domain/content/render/body'
import { escapeHtml } from '@/mail/layout'

type Fields = Record<string, unknown>
type BlockConverter = HTMLConverter<{ type: 'block'; fields: Fields }>

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
/** Text an editor typed in a textarea: escaped, its line breaks kept. */
const lines = (value: unknown): string => escapeHtml(text(value).trim()).replace(/\r?\n/g, '<br>')
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])
const heading = (fields: Fields, level = 'h2'): string => (text(fields.heading).trim() ? `<${level}>${escapeHtml(text(fields.heading).trim())}</${level}>` : '')
const section = (slug: string, inner: string): string => `<section class="block block-${slug}">${inner}</section>`

const image = (media: MediaView): string => {
  const size = `${media.width ? ` width="${media.width}"` : ''}${media.height ? ` height="${media.height}"` : ''}`
  return `<img src="${escapeHtml(sanitizeUrl(media.url))}" alt="${escapeHtml(media.alt)}"${size} loading="lazy">`
}

const isMedia = (value: unknown): value is MediaView => Boolean(value) && typeof value === 'object' && typeof (value as MediaView).url === 'string'

/**
 * The seven content blocks as HTML. Every editor-typed string is escaped, every address
 * passes Payload's `sanitizeUrl` (no `javascript:`), and the markup is plain and
 * class-named so each website's frontend styles it.
 */
const blocks: Record<string, BlockConverter> = {
  faq: ({ node }) => {
    const items = list<{ question?: unknown; answer?: unknown }>(node.fields.items)
      .map((item) => `<dt>${escapeHtml(text(item.question))}</dt><dd>${lines(item.answer)}</dd>`)
      .join('')
    return section('faq', `${heading(node.fields)}<dl>${items}</dl>`)
  },
  cta: ({ node }) => {
    const f = node.fields
    const body = text(f.text).trim() ? `<p>${lines(f.text)}</p>` : ''
    return section('cta', `${heading(f)}${body}<a class="button" href="${escapeHtml(sanitizeUrl(text(f.buttonUrl)))}">${escapeHtml(text(f.buttonLabel))}</a>`)
  },
  pricingTable: ({ node }) => {
    const f = node.fields
    const rows = list<PriceView>(f.prices)
      .map((p) => `<tr><th scope="row">${escapeHtml(p.label)}</th><td data-amount="${p.from}" data-currency="${escapeHtml(p.currency)}">from ${escapeHtml(p.formatted)}</td></tr>`)
      .join('')
    const note = text(f.note).trim() ? `<p class="note">${lines(f.note)}</p>` : ''
    return section('pricing-table', `${heading(f)}<table><thead><tr><th scope="col">Paper type</th><th scope="col">Price per page</th></tr></thead><tbody>${rows}</tbody></table>${note}`)
  },
  testimonials: ({ node }) => {
    const items = list<{ quote?: unknown; author?: unknown; role?: unknown; rating?: unknown }>(node.fields.items)
      .map((t) => {
        const role = text(t.role).trim() ? `, <span class="role">${escapeHtml(text(t.role).trim())}</span>` : ''
        const rating = typeof t.rating === 'number' && Number.isInteger(t.rating) && t.rating >= 1 && t.rating <= 5 ? `<p class="rating" data-rating="${t.rating}">${'★'.repeat(t.rating)}${'☆'.repeat(Math.max(0, 5 - t.rating))}</p>` : ''
        return `<figure>${rating}<blockquote>${lines(t.quote)}</blockquote><figcaption>${escapeHtml(text(t.author))}${role}</figcaption></figure>`
      })
      .join('')
    return section('testimonials', `${heading(node.fields)}${items}`)
  },
  comparisonTable: ({ node }) => {
    const f = node.fields
    const columns = list<unknown>(f.columns).map((c) => `<th scope="col">${escapeHtml(text(c))}</th>`).join('')
    const rows = list<{ label?: unknown; values?: unknown }>(f.rows)
      .map((r) => `<tr><th scope="row">${escapeHtml(text(r.label))}</th>${list<unknown>(r.values).map((v) => `<td>${escapeHtml(text(v))}</td>`).join('')}</tr>`)
      .join('')
    return section('comparison-table', `${heading(f)}<table><thead><tr><td></td>${columns}</tr></thead><tbody>${rows}</tbody></table>`)
  },
  featureGrid: ({ node }) => {
    const features = list<{ title?: unknown; text?: unknown }>(node.fields.features)
      .map((feature) => `<li><h3>${escapeHtml(text(feature.title))}</h3>${text(feature.text).trim() ? `<p>${lines(feature.text)}</p>` : ''}</li>`)
      .join('')
    return section('feature-grid', `${heading(node.fields)}<ul>${features}</ul>`)
  },
  imageWithCaption: ({ node }) => {
    const f = node.fields
    if (!isMedia(f.image)) return ''
    const caption = text(f.caption).trim() ? `<figcaption>${escapeHtml(text(f.caption).trim())}</figcaption>` : ''
    return `<figure class="block block-image-with-caption">${image(f.image)}${caption}</figure>`
  },
}

const converters: HTMLConverters = {
  ...defaultHTMLConverters,
  // `publicBody` has already turned every followable internal link into its document's
  // public face and unwrapped the others; '#' is only reached by a body it did not see.
  ...LinkHTMLConverter({
    internalDocToHref: ({ linkNode }) => {
      const value = (linkNode.fields.doc as { value?: unknown } | undefined)?.value as Partial<LinkTarget> | undefined
      return typeof value?.path === 'string' ? value.path : '#'
    },
  }),
  upload: ({ node }) => {
    const media = (node as unknown as LexicalNode).value
    if (!isMedia(media)) return ''
    if (media.mimeType?.startsWith('image/')) return image(media)
    return `<a href="${escapeHtml(sanitizeUrl(media.url))}">${escapeHtml(media.alt || media.url)}</a>`
  },
  blocks,
  // A node of a feature added later renders as nothing rather than as "unknown node".
  unknown: () => '',
}

/** A public body (see `publicBody`) as HTML, without a container element. */
export const bodyHtml = (state: LexicalState): string =>
  state?.root ? convertLexicalToHTML({ data: state as unknown as Parameters<typeof convertLexicalToHTML>[0]['data'], converters, disableContainer: true }) : ''
