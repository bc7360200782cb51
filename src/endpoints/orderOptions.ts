import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { ClientError } from '@/errors'
import { OPTION_DIMENSIONS } from '@/domain/pricing/dimensions'
import { loadPricingConfig } from '@/operations/loadPricingConfig'
import { publicRequest } from '@/operations/gate'
import { describeUnresolved } from '@/operations/resolveTenant'

const choice = z.object({
  code: z.string(),
  label: z.string(),
  maxHours: z.number().int().optional().describe('Deadline bands: the longest deadline the band covers, in hours.'),
  category: z.string().optional().describe('Subjects: their category’s code.'),
  amount: schemas.minor.optional().describe('Add-ons and flat-rate writer levels: the price added, in minor units (per page for a writer level).'),
})

/** GET /api/order-options's answer: the choices of each dimension of the order form, in their order. */
export const orderOptionsAnswer = z.object({
  currency: schemas.currency,
  dimensions: z.object(Object.fromEntries(OPTION_DIMENSIONS.map((dimension) => [dimension, z.array(choice)])) as Record<(typeof OPTION_DIMENSIONS)[number], z.ZodArray<typeof choice>>),
})

/**
 * GET /api/order-options — the active choices of the request's website's order form,
 * by dimension, in their order: what a frontend needs to draw the form (public).
 */
export const orderOptionsEndpoint: Endpoint = documented(
  {
    path: '/order-options',
    method: 'get',
    handler: async (req) => {
      const resolution = await publicRequest(req, 'order options')
      if (!resolution.tenant) throw new ClientError(describeUnresolved(resolution), 404)
      const loaded = await loadPricingConfig(req, resolution.tenant)
      if (!loaded) throw new ClientError(`${resolution.tenant.name} has no price list yet.`, 422)
      const active = loaded.options.filter((o) => o.active !== false)
      const dimensions = Object.fromEntries(
        OPTION_DIMENSIONS.map((dimension) => [
          dimension,
          active
            .filter((o) => o.dimension === dimension)
            .map((o) => ({
              code: o.code,
              label: o.label,
              ...(dimension === 'deadlineBand' ? { maxHours: o.maxHours } : {}),
              ...(dimension === 'subject' ? { category: o.category } : {}),
              ...(dimension === 'addon' || (dimension === 'writerLevel' && o.flat) ? { amount: o.amount } : {}),
            })),
        ]),
      )
      return Response.json({ currency: loaded.config.currency, dimensions })
    },
  },
  {
    summary: 'The order form’s choices',
    description: [
      'Anyone (no login): the active choices of the request’s website’s order form, by dimension (paper type, work type, academic level, subject…) in their order, with what a frontend needs to draw it. Quote with `POST /api/orders/quote` using their `code`s.',
      '**404** naming the unknown host or website, **422** when the website has no price list yet.',
    ].join('\n\n'),
    tags: ['orders'],
    auth: 'none',
    responses: { 200: orderOptionsAnswer },
    errors: [404, 422],
  },
)
