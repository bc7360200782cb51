import type { Block } from 'payload'

import { ComparisonTableBlock } from './comparisonTable'
import { CtaBlock } from './cta'
import { FaqBlock } from './faq'
import { FeatureGridBlock } from './featureGrid'
import { ImageWithCaptionBlock } from './imageWithCaption'
import { PricingTableBlock } from './pricingTable'
import { TestimonialsBlock } from './testimonials'

/** The blocks an editor may put in a post's or page's body. */
export const contentBlocks: Block[] = [
  FaqBlock,
  CtaBlock,
  PricingTableBlock,
  TestimonialsBlock,
  ComparisonTableBlock,
  FeatureGridBlock,
  ImageWithCaptionBlock,
]
