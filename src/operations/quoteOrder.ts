import { type PayloadRequest, ValidationError } from 'payload'
import { z } from 'zod'

import { ClientError } from '@/errors'
import { priceOrder } from '@/domain/pricing/priceOrder'
import type { Quote } from '@/domain/pricing/types'

import { loadPricingConfig } from './loadPricingConfig'
import { toValidationError } from './toValidationError'
import { publicRequest } from './gate'
import { describeUnresolved } from './resolveTenant'

const code = z.string().trim().min(1, 'Required.').max(64)

/** The quote's inputs; a price or status in the body is not part of it and is ignored. */
export const quoteInput = z.object({
  pages: z.number({ error: 'Must be a number.' }).int('Must be a whole number.').min(1, 'At least 1 page.').max(500, 'At most 500 pages.'),
  spacing: z.enum(['single', 'double'], { error: 'Must be "single" or "double".' }),
  deadlineHours: z.number({ error: 'Must be a number of hours.' }).int('Must be a whole number of hours.').min(1, 'At least 1 hour.'),
  paperType: code,
  workType: code,
  academicLevel: code,
  subject: code,
  analysisLevel: code.optional(),
  writerLevel: code.optional(),
  preferredWriter: z.boolean().optional(),
  addons: z.array(code).max(20).optional(),
})

/** Prices an order for the request's website. 400 names each bad field; 404 when no website matches. */
export const quoteOrder = async (req: PayloadRequest, body: unknown): Promise<Quote> => {
  const parsed = quoteInput.safeParse(body ?? {})
  if (!parsed.success) throw toValidationError(parsed.error, 'orders', req)
  const resolution = await publicRequest(req, 'quote')
  if (!resolution.tenant) throw new ClientError(describeUnresolved(resolution), 404)
  const loaded = await loadPricingConfig(req, resolution.tenant)
  if (!loaded) throw new ClientError(`${resolution.tenant.name} has no price list yet.`, 422)
  const result = priceOrder(loaded.config, parsed.data)
  if (!result.ok) {
    throw new ValidationError({ collection: 'orders', errors: result.problems.map((p) => ({ path: p.field, message: p.message })) }, req.t)
  }
  return result.quote
}
