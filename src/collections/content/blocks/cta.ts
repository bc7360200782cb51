import type { Block } from 'payload'

/** A call to action: a heading, a line of text and one button. */
export const CtaBlock: Block = {
  slug: 'cta',
  interfaceName: 'CtaBlock',
  labels: { singular: 'Call to action', plural: 'Calls to action' },
  fields: [
    { name: 'heading', type: 'text', required: true, maxLength: 160 },
    { name: 'text', type: 'textarea', maxLength: 1000 },
    { name: 'buttonLabel', type: 'text', required: true, maxLength: 60 },
    { name: 'buttonUrl', type: 'text', required: true, maxLength: 500, admin: { description: 'A path on the website (/order) or a full https:// address.' } },
  ],
}
