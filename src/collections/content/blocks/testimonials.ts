import type { Block } from 'payload'

import { MAX_TESTIMONIALS, TESTIMONIAL_DEFAULTS, TESTIMONIAL_SOURCES } from '@/domain/content/render/body'

import { blockHeading } from './heading'

const fromReviews = (_: unknown, siblingData: { source?: string } | undefined) => siblingData?.source !== 'manual'

/**
 * Testimonials: the website's latest approved reviews (how many, from how many stars;
 * clients appear as "Verified client", writers by pen name), or quotes entered by hand.
 */
export const TestimonialsBlock: Block = {
  slug: 'testimonials',
  interfaceName: 'TestimonialsBlock',
  labels: { singular: 'Testimonials', plural: 'Testimonials' },
  fields: [
    blockHeading,
    {
      name: 'source',
      type: 'select',
      defaultValue: 'reviews',
      options: TESTIMONIAL_SOURCES.map((value) => ({ value, label: value === 'reviews' ? 'Approved reviews of the website' : 'Quotes entered here' })),
      admin: { description: 'Approved reviews are the latest ones, kept current as staff approve them.' },
    },
    { name: 'count', type: 'number', min: 1, max: MAX_TESTIMONIALS, defaultValue: TESTIMONIAL_DEFAULTS.count, admin: { condition: fromReviews, description: `How many reviews (1–${MAX_TESTIMONIALS}).` } },
    { name: 'minRating', type: 'number', min: 1, max: 5, defaultValue: TESTIMONIAL_DEFAULTS.minRating, admin: { condition: fromReviews, description: 'Only reviews with at least this many stars.' } },
    {
      name: 'items',
      type: 'array',
      admin: { condition: (_, siblingData) => !fromReviews(_, siblingData) },
      fields: [
        { name: 'quote', type: 'textarea', required: true, maxLength: 2000 },
        { name: 'author', type: 'text', required: true, maxLength: 120 },
        { name: 'role', type: 'text', maxLength: 120 },
      ],
    },
  ],
}
