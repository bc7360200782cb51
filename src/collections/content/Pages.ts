import type { CollectionConfig } from 'payload'

import { PAGE_TEMPLATES } from '@/domain/content/paths'

import { contentEditor } from './editor'
import { computedContentFields } from './fields/computed'
import { slugField } from './fields/slug'
import { publishableBase } from './shared'

/** Service pages (/services/<slug>) and other pages (/<slug>) of a website, by template. */
export const Pages: CollectionConfig<'pages'> = {
  ...publishableBase('pages', ['title', 'slug', 'template', '_status', 'warningCount', 'updatedAt']),
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    {
      name: 'template',
      type: 'select',
      required: true,
      defaultValue: 'standard',
      options: PAGE_TEMPLATES.map((value) => ({ label: value.replace('_', ' '), value })),
      admin: { position: 'sidebar', description: 'Service templates sit under /services/; landing and static pages at the root.' },
    },
    { name: 'summary', type: 'textarea', maxLength: 300, admin: { description: 'Left empty, the first 300 characters of the body.' } },
    {
      name: 'hero',
      type: 'group',
      fields: [
        { name: 'headline', type: 'text', maxLength: 200 },
        { name: 'subheadline', type: 'text', maxLength: 300 },
      ],
    },
    { name: 'featuredImage', type: 'upload', relationTo: 'media' },
    { name: 'body', type: 'richText', editor: contentEditor },
    {
      name: 'cta',
      type: 'group',
      label: 'Call to action',
      fields: [
        { name: 'text', type: 'text', maxLength: 80 },
        { name: 'url', type: 'text', maxLength: 500 },
      ],
    },
    { name: 'pricingFrom', type: 'number', min: 0, admin: { position: 'sidebar', description: 'Shown only; orders are priced by the price list.' } },
    { name: 'pricingTo', type: 'number', min: 0, admin: { position: 'sidebar' } },
    ...computedContentFields(),
  ],
}
