import type { Endpoint } from 'payload'

import { ClientError } from '@/errors'
import { OPTION_DIMENSIONS } from '@/domain/pricing/dimensions'
import { loadPricingConfig } from '@/operations/loadPricingConfig'
import { publicRequest } from '@/operations/gate'
import { describeUnresolved } from '@/operations/resolveTenant'

/**
 * GET /api/order-options — the active choices of the request's website's order form,
 * by dimension, in their order: what a frontend needs to draw the form (public).
 */
export const orderOptionsEndpoint: Endpoint = {
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
}
