import type { Block } from 'payload'

import { blockHeading } from './heading'

/**
 * A price table whose prices are never stored: the public API fills in the website's live
 * "from" prices when it serves the page, so a price change shows everywhere at once.
 */
export const PricingTableBlock: Block = {
  slug: 'pricingTable',
  interfaceName: 'PricingTableBlock',
  labels: { singular: 'Pricing table', plural: 'Pricing tables' },
  fields: [
    blockHeading,
    {
      name: 'paperTypes',
      type: 'text',
      hasMany: true,
      admin: { description: 'Paper types to show (their codes in the price list); empty shows them all.' },
    },
    { name: 'note', type: 'textarea', maxLength: 1000 },
  ],
}
