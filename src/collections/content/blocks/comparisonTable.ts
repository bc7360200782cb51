import type { Block } from 'payload'

import { blockHeading } from './heading'

/** A table comparing options: column headings, then one row of values per compared point. */
export const ComparisonTableBlock: Block = {
  slug: 'comparisonTable',
  interfaceName: 'ComparisonTableBlock',
  labels: { singular: 'Comparison table', plural: 'Comparison tables' },
  fields: [
    blockHeading,
    { name: 'columns', type: 'text', hasMany: true, required: true, minRows: 1 },
    {
      name: 'rows',
      type: 'array',
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 160 },
        { name: 'values', type: 'text', hasMany: true },
      ],
    },
  ],
}
