import type { Block } from 'payload'

import { blockHeading } from './heading'

/** Selling points in a grid: a short title and a line each. */
export const FeatureGridBlock: Block = {
  slug: 'featureGrid',
  interfaceName: 'FeatureGridBlock',
  labels: { singular: 'Feature grid', plural: 'Feature grids' },
  fields: [
    blockHeading,
    {
      name: 'features',
      type: 'array',
      minRows: 1,
      required: true,
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 120 },
        { name: 'text', type: 'textarea', maxLength: 1000 },
      ],
    },
  ],
}
