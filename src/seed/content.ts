import type { PayloadRequest } from 'payload'

import { SEED_CONTENT, type SeedPage, type SeedPost, type SeedSite } from './contentData'
import { block, heading, type Inline, paragraph, richText } from './contentLexical'
import { demoEmail, type DemoTenant } from './demoData'
import { asSystem, systemProof } from '@/access/system'
import { slugify } from '@/domain/content/slug'

const proof = systemProof('seed (demo data)')

const DAY = 24 * 3600 * 1000
/** How far ahead the seeded scheduled post publishes: a week, so the demo shows it waiting. */
export const SCHEDULED_AHEAD_MS = 7 * DAY

/** What one website's content seed made. */
export type ContentCounts = { authors: number; categories: number; tags: number; pages: number; posts: number; drafts: number; scheduled: number }

/**
 * The website's content settings (site name, SEO defaults, preview address), unless its
 * admins have set a site name already. Returns whether it wrote them.
 */
export const ensureContentSettings = async (req: PayloadRequest, tenantId: number, tenant: DemoTenant): Promise<boolean> => {
  const site = SEED_CONTENT[tenant.slug]
  if (!site) return false
  const doc = await req.payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proof), req })
  if (doc.content?.siteName) return false
  await req.payload.update({
    collection: 'tenants',
    id: tenantId,
    data: {
      content: {
        siteName: site.siteName,
        defaultMetaDescription: site.description,
        organizationName: site.organizationName,
        previewUrl: `http://${tenant.slug}.localhost:3000/preview/{collection}/{slug}`,
      },
    },
    depth: 0,
    ...asSystem(proof),
    req,
  })
  return true
}

const pageBody = (page: SeedPage, previous: number | undefined) =>
  richText(
    paragraph(page.text),
    ...(previous ? [paragraph('Often ordered together with our ', { link: 'other services', to: { relationTo: 'pages', value: previous } }, '.')] : []),
    ...page.blocks.map(({ blockType, ...fields }) => block(blockType as string, fields)),
  )

const postBody = (post: SeedPost, previous: number | undefined, service: number | undefined) => {
  const links: Inline[] = []
  if (previous) links.push('Read next: ', { link: 'our previous guide', to: { relationTo: 'posts', value: previous } }, '. ')
  if (service) links.push('Short on time? See ', { link: 'how we can help', to: { relationTo: 'pages', value: service } }, '.')
  return richText(
    paragraph(post.lead),
    ...post.sections.flatMap(([title, text]) => [heading(title), paragraph(text)]),
    ...(post.faq ? [block('faq', { heading: 'Frequently asked questions', items: post.faq.map(([question, answer]) => ({ question, answer })) })] : []),
    ...(links.length ? [paragraph(...links)] : []),
  )
}

/** Authors, categories and tags of the website, in the order of its data (posts refer to them by index). */
const ensureTaxonomy = async (req: PayloadRequest, tenant: number, site: SeedSite) => {
  const authors: number[] = []
  for (const author of site.authors) {
    authors.push((await req.payload.create({ collection: 'authors', data: { tenant, ...author, slug: slugify(author.name), showPublicly: true }, depth: 0, ...asSystem(proof), req })).id)
  }
  const categories: number[] = []
  for (const [name, description] of site.categories) {
    categories.push((await req.payload.create({ collection: 'categories', data: { tenant, name, slug: slugify(name), description }, depth: 0, ...asSystem(proof), req })).id)
  }
  const tags: number[] = []
  for (const name of site.tags) tags.push((await req.payload.create({ collection: 'tags', data: { tenant, name, slug: slugify(name) }, depth: 0, ...asSystem(proof), req })).id)
  return { authors, categories, tags }
}

/**
 * A living blog and five service pages for a demo website, unless it has posts already
 * (null then). Published posts link to the one before and to their service page; two
 * posts stay drafts and one is scheduled through Payload's own schedulePublish job, queued
 * as the admin's schedule drawer queues it, in the name of the website's content editor.
 */
export const ensureContent = async (req: PayloadRequest, tenant: number, slug: string): Promise<ContentCounts | null> => {
  const site = SEED_CONTENT[slug]
  if (!site) return null
  const existing = await req.payload.count({ collection: 'posts', where: { tenant: { equals: tenant } }, ...asSystem(proof), req })
  if (existing.totalDocs > 0) return null
  const { authors, categories, tags } = await ensureTaxonomy(req, tenant, site)

  const pages: number[] = []
  for (const page of site.pages) {
    const doc = await req.payload.create({
      collection: 'pages',
      data: {
        tenant,
        title: page.title,
        slug: slugify(page.title),
        template: page.template,
        summary: page.summary,
        hero: { headline: page.headline, subheadline: page.summary },
        body: pageBody(page, pages.at(-1)) as never,
        cta: { text: 'Get a price', url: '/order' },
        pricingFrom: page.pricingFrom,
        meta: { title: page.title, description: page.summary },
        _status: 'published',
      },
      depth: 0, ...asSystem(proof), req,
    })
    pages.push(doc.id)
  }

  const started = Date.now()
  let previous: number | undefined
  let drafts = 0
  let scheduled = 0
  let posts = 0
  for (const [index, post] of site.posts.entries()) {
    const service = post.service === undefined ? undefined : pages[post.service]
    const published = !post.status
    const data = {
      tenant,
      title: post.title,
      slug: slugify(post.title),
      body: postBody(post, previous, service) as never,
      primaryAuthor: authors[post.author]!,
      contributors: index % 4 === 0 ? [authors[(post.author + 1) % authors.length]!] : [],
      category: categories[post.category],
      tags: post.tags.map((i) => tags[i]!),
      primaryService: service,
      meta: { description: post.lead },
      // Spread over the past months, oldest first, so feeds and listings have an order.
      ...(published ? { publishedAt: new Date(started - (site.posts.length - index) * 5 * DAY).toISOString() } : {}),
      _status: published ? ('published' as const) : ('draft' as const),
    }
    const doc = published
      ? await req.payload.create({ collection: 'posts', data, depth: 0, ...asSystem(proof), req })
      : await req.payload.create({ collection: 'posts', data, draft: true, depth: 0, ...asSystem(proof), req })
    posts += 1
    if (published) previous = doc.id
    else drafts += post.status === 'draft' ? 1 : 0
    if (post.status === 'scheduled') {
      await schedulePublish(req, tenant, slug, doc.id, new Date(started + SCHEDULED_AHEAD_MS))
      scheduled += 1
    }
  }
  return { authors: authors.length, categories: categories.length, tags: tags.length, pages: pages.length, posts, drafts, scheduled }
}

/** Queues the publication of a post the way the admin's schedule drawer does (payload/ui schedulePublishHandler). */
const schedulePublish = async (req: PayloadRequest, tenant: number, slug: string, post: number, at: Date) => {
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: demoEmail('content', slug) } }, limit: 1, depth: 0, ...asSystem(proof), req })
  const editor = docs[0]
  await req.payload.jobs.queue({
    task: 'schedulePublish',
    // The document's id as a string, as the drawer sends it (Payload's job coerces it back; #10481).
    input: { type: 'publish', doc: { relationTo: 'posts', value: String(post) as unknown as number }, user: editor ? { relationTo: 'users', value: editor.id } : undefined },
    waitUntil: at,
    req,
  })
  req.payload.logger.debug({ tenant, post, at }, 'seed: post scheduled')
}
