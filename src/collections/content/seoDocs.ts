import type { Config, Endpoint, Plugin } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'

const GENERATED = { 'generate-title': 'meta title', 'generate-description': 'meta description', 'generate-url': 'canonical URL', 'generate-image': 'meta image' } as const
const PREFIX = '/plugin-seo/'

/** What the admin's SEO fields send: the form's document and which collection it is in. */
const generateBody = z.looseObject({
  collectionSlug: z.string().optional().describe('`posts` or `pages`.'),
  id: z.union([z.number().int(), z.string()]).optional().describe('The document, when it exists already.'),
  doc: z.looseObject({}).optional().describe('The form’s current values.'),
})

const generateAnswer = z.object({ result: z.unknown().describe('The suggestion: text for titles, descriptions and URLs; a media id for images.') })

const describeGenerate = (endpoint: Endpoint): Endpoint => {
  const what = GENERATED[endpoint.path.slice(PREFIX.length) as keyof typeof GENERATED]
  if (!what || endpoint.method !== 'post') return endpoint
  return documented(endpoint, {
    summary: `Suggest a ${what} (SEO fields of the admin)`,
    description: `The SEO plugin's "generate" button: a ${what} for a post or page from its fields and its website's content settings. For users who may open the admin panel and read (or create) the document: **401** without a user or for one who may not open the panel (Payload's check), **403** for a document they may not read.`,
    tags: ['content'],
    auth: 'required',
    body: generateBody,
    responses: { 200: generateAnswer },
    errors: [401, 403],
  })
}

/** Documents the SEO plugin's routes like our own. Register after the SEO plugin. */
export const seoEndpointDocs = (): Plugin => (config: Config): Config => ({
  ...config,
  endpoints: (config.endpoints ?? []).map((endpoint) => (endpoint.path.startsWith(PREFIX) ? describeGenerate(endpoint) : endpoint)),
})
