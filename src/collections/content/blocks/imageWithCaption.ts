import type { Block } from 'payload'

/** An image of the website's media with a caption under it. */
export const ImageWithCaptionBlock: Block = {
  slug: 'imageWithCaption',
  interfaceName: 'ImageWithCaptionBlock',
  labels: { singular: 'Image with caption', plural: 'Images with captions' },
  fields: [
    { name: 'image', type: 'upload', relationTo: 'media', required: true },
    { name: 'caption', type: 'text', maxLength: 300 },
  ],
}
