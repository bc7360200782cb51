import type { LexicalNode, LexicalState } from '../lexical'
import type { ContentCollection } from '../paths'

/** A published post or page as a link target: what the public may know of it. */
export type LinkTarget = { id: number; slug: string; title: string; path: string }
/** An image of the website's media as the public API shows it. */
export type MediaView = { id: number; url: string; alt: string; width: number | null; height: number | null; mimeType: string | null }
/** One "from" price of a pricing table, in minor units and formatted for the website. */
export type PriceView = { paperType: string; label: string; from: number; currency: string; formatted: string }

/** One quote of a testimonials block: typed by an editor, or an approved review (with its stars). */
export type TestimonialView = { quote: string; author: string; role: string | null; rating: number | null }

/** Where a testimonials block's quotes come from: the website's approved reviews, or the editor's own items. */
export const TESTIMONIAL_SOURCES = ['reviews', 'manual'] as const
export const TESTIMONIAL_DEFAULTS = { count: 3, minRating: 4 } as const
export const MAX_TESTIMONIALS = 12

/** What a body points at, so the caller can load it in one query per collection. */
export type BodyReferences = { posts: number[]; pages: number[]; media: number[]; pricingTables: number }

export type Resolved = {
  link: (collection: ContentCollection, id: number) => LinkTarget | null
  media: (id: number) => MediaView | null
  prices: (paperTypes: readonly string[]) => PriceView[]
  /** The website's latest approved reviews of at least `minRating` stars, at most `count` (testimonials blocks); none when absent. */
  reviews?: (count: number, minRating: number) => TestimonialView[]
  /** An address an editor typed, made safe to follow (no `javascript:`): frontends may render the JSON themselves. */
  url: (raw: string) => string
}

/** A relationship's id whether Payload left it as an id or populated it. */
const refId = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'number') return (value as { id: number }).id
  return null
}

const internalTarget = (node: LexicalNode): { collection: ContentCollection; id: number | null } | null => {
  if (node.type !== 'link' && node.type !== 'autolink') return null
  if (node.fields?.linkType !== 'internal') return null
  const doc = node.fields.doc as { relationTo?: unknown; value?: unknown } | null | undefined
  const collection = doc?.relationTo
  // A link to anything else than a post or page has no public page: it is never followed.
  return { collection: collection === 'posts' || collection === 'pages' ? collection : 'pages', id: collection === 'posts' || collection === 'pages' ? refId(doc?.value) : null }
}

const blockType = (node: LexicalNode): string | null => (node.type === 'block' && typeof node.fields?.blockType === 'string' ? node.fields.blockType : null)

const walk = (node: LexicalNode, visit: (node: LexicalNode) => void): void => {
  visit(node)
  for (const child of node.children ?? []) walk(child, visit)
}

/** The posts, pages and media a body links to or shows, and how many pricing tables it has. */
export const bodyReferences = (state: LexicalState): BodyReferences => {
  const posts = new Set<number>()
  const pages = new Set<number>()
  const media = new Set<number>()
  let pricingTables = 0
  if (state?.root) {
    walk(state.root, (node) => {
      const target = internalTarget(node)
      if (target?.id != null) (target.collection === 'posts' ? posts : pages).add(target.id)
      if (node.type === 'upload' && node.relationTo === 'media') {
        const id = refId(node.value)
        if (id !== null) media.add(id)
      }
      const type = blockType(node)
      if (type === 'imageWithCaption') {
        const id = refId(node.fields?.image)
        if (id !== null) media.add(id)
      }
      if (type === 'pricingTable') pricingTables++
    })
  }
  return { posts: [...posts], pages: [...pages], media: [...media], pricingTables }
}

const wholeIn = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback

/**
 * A testimonials block's choice: approved reviews (how many, from how many stars), or
 * null for the editor's own quotes. A block saved before reviews existed (no `source`)
 * with quotes of its own keeps them.
 */
export const testimonialsFromReviews = (fields: Record<string, unknown> | null | undefined): { count: number; minRating: number } | null => {
  const source = fields?.source
  if (source === 'manual') return null
  if (source !== 'reviews' && Array.isArray(fields?.items) && fields.items.length > 0) return null
  return { count: wholeIn(fields?.count, 1, MAX_TESTIMONIALS, TESTIMONIAL_DEFAULTS.count), minRating: wholeIn(fields?.minRating, 1, 5, TESTIMONIAL_DEFAULTS.minRating) }
}

/** What a body's testimonials blocks need of the website's reviews (the most any asks for, from the fewest stars), or null when none shows reviews. */
export const testimonialNeeds = (state: LexicalState): { count: number; minRating: number } | null => {
  let need: { count: number; minRating: number } | null = null
  if (state?.root) {
    walk(state.root, (node) => {
      if (blockType(node) !== 'testimonials') return
      const wants = testimonialsFromReviews(node.fields)
      if (wants) need = need ? { count: Math.max(need.count, wants.count), minRating: Math.min(need.minRating, wants.minRating) } : wants
    })
  }
  return need
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

const publicBlock = (node: LexicalNode & { fields: Record<string, unknown> }, type: string, resolved: Resolved): LexicalNode[] => {
  if (type === 'imageWithCaption') {
    const id = refId(node.fields?.image)
    const media = id === null ? null : resolved.media(id)
    return media ? [{ ...node, fields: { ...node.fields, image: media } }] : []
  }
  if (type === 'pricingTable') return [{ ...node, fields: { ...node.fields, prices: resolved.prices(stringList(node.fields.paperTypes)) } }]
  if (type === 'testimonials') {
    const wants = testimonialsFromReviews(node.fields)
    if (wants) return [{ ...node, fields: { ...node.fields, source: 'reviews', items: resolved.reviews?.(wants.count, wants.minRating) ?? [] } }]
  }
  if (type === 'cta' && typeof node.fields.buttonUrl === 'string') return [{ ...node, fields: { ...node.fields, buttonUrl: resolved.url(node.fields.buttonUrl) } }]
  return [node]
}

/**
 * One node made public, or the nodes that replace it: an internal link to a published
 * document carries that document's public face (id, slug, title, path) and its path as
 * `url`; a link to anything not published (a draft, another website's page, a deleted
 * one) is unwrapped into its text, so neither its slug nor its title nor its id leaves
 * the server. Images carry their media; an image the reader may not see is dropped.
 * Pricing tables get the website's live prices; testimonials blocks that show reviews
 * the website's latest approved ones.
 */
const publicNode = (node: LexicalNode, resolved: Resolved): LexicalNode[] => {
  const children = node.children ? node.children.flatMap((child) => publicNode(child, resolved)) : undefined
  const withChildren = children ? { ...node, children } : { ...node }
  const target = internalTarget(node)
  if (target) {
    const doc = target.id === null ? null : resolved.link(target.collection, target.id)
    if (!doc) return children ?? []
    return [{ ...withChildren, fields: { ...node.fields, url: doc.path, doc: { relationTo: target.collection, value: doc } } }]
  }
  if ((node.type === 'link' || node.type === 'autolink') && typeof node.fields?.url === 'string') {
    return [{ ...withChildren, fields: { ...node.fields, url: resolved.url(node.fields.url) } }]
  }
  if (node.type === 'upload') {
    const id = refId(node.value)
    const media = node.relationTo === 'media' && id !== null ? resolved.media(id) : null
    return media ? [{ ...withChildren, value: media }] : []
  }
  const type = blockType(node)
  if (type !== null) {
    // A block's own id is the editor's bookkeeping, and Payload makes up a fresh one on
    // every read when the stored block has none: left in, the same body would get a new
    // ETag on each request.
    const { id: _id, ...fields } = node.fields ?? {}
    return publicBlock({ ...withChildren, fields }, type, resolved)
  }
  return [withChildren]
}

/** The body as the public sees it (see `publicNode`); the stored document is not changed. */
export const publicBody = (state: LexicalState, resolved: Resolved): LexicalState => {
  if (!state?.root) return state
  const [root] = publicNode(state.root, resolved)
  return { ...state, root: root ?? { ...state.root, children: [] } }
}

export type FaqItem = { question: string; answer: string }

/** Every question of the body's FAQ blocks, in order (FAQPage JSON-LD). */
export const faqItems = (state: LexicalState): FaqItem[] => {
  const items: FaqItem[] = []
  if (state?.root) {
    walk(state.root, (node) => {
      if (blockType(node) !== 'faq' || !Array.isArray(node.fields?.items)) return
      for (const item of node.fields.items as { question?: unknown; answer?: unknown }[]) {
        if (typeof item?.question === 'string' && typeof item.answer === 'string' && item.question.trim() && item.answer.trim()) {
          items.push({ question: item.question.trim(), answer: item.answer.trim() })
        }
      }
    })
  }
  return items
}
