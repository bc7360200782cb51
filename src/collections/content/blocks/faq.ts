import type { Block } from 'payload'

import { blockHeading } from './heading'

/** Questions and answers; the public API also renders it as FAQPage JSON-LD. */
export const FaqBlock: Block = {
  slug: 'faq',
  interfaceName: 'FaqBlock',
  labels: { singular: 'FAQ', plural: 'FAQs' },
  fields: [
    blockHeading,
    {
      name: 'items',
      type: 'array',
      minRows: 1,
      required: true,
      fields: [
        { name: 'question', type: 'text', required: true, maxLength: 300 },
        { name: 'answer', type: 'textarea', required: true, maxLength: 4000 },
      ],
    },
  ],
}
