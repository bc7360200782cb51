import type { Block } from 'payload'

import { blockHeading } from './heading'

/** Quotes entered by hand (approved reviews can feed it once reviews exist). */
export const TestimonialsBlock: Block = {
  slug: 'testimonials',
  interfaceName: 'TestimonialsBlock',
  labels: { singular: 'Testimonials', plural: 'Testimonials' },
  fields: [
    blockHeading,
    {
      name: 'items',
      type: 'array',
      minRows: 1,
      required: true,
      fields: [
        { name: 'quote', type: 'textarea', required: true, maxLength: 2000 },
        { name: 'author', type: 'text', required: true, maxLength: 120 },
        { name: 'role', type: 'text', maxLength: 120 },
      ],
    },
  ],
}
