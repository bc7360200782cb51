import { createHash } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { toBasisPoints } from '@/domain/money'
import { defaultPricingConfig } from '@/domain/pricing/defaults'
import type { OptionDimension } from '@/domain/pricing/dimensions'
import type { PricingConfig, RateOption } from '@/domain/pricing/types'
import type { PricingOption, Tenant } from '@/payload-types'

import { cachedPrices, rememberPrices, websiteCacheGeneration } from './websiteCache'

/**
 * A website's price list from its base prices (on the tenant) and its order options:
 * one query, explicit about the tenant. Null when the website has no options yet.
 *
 * Read through the database adapter, not the Local API: every quote and placement needs
 * all ~100 rows, and Payload's read path (access, hooks, a field-by-field pass over each
 * row) doubled the CPU cost of this step for an identical result (no access applies, the
 * collection has no read hooks, and its fields nothing to hide or populate at depth 0).
 * Give the collection read hooks or hidden fields and this must go back to `payload.find`.
 * The rows are kept per website in the process (./websiteCache.ts), dropped whenever one
 * of them changes.
 */
export const loadPricingConfig = async (req: PayloadRequest, tenant: Tenant): Promise<{ config: PricingConfig; options: PricingOption[] } | null> => {
  const options = { docs: cachedPrices(tenant.id) ?? [] }
  if (options.docs.length === 0) {
    const startedAt = websiteCacheGeneration()
    options.docs = (
      (await req.payload.db.find({
        collection: 'pricing-options',
        where: { tenant: { equals: tenant.id } },
        sort: 'sortOrder',
        pagination: false,
        limit: 0,
        req,
      })) as { docs: PricingOption[] }
    ).docs
    rememberPrices(tenant.id, options.docs, startedAt)
  }
  const profile = tenant.pricing
  if (!profile || options.docs.length === 0) return null
  const of = (dimension: OptionDimension) => options.docs.filter((o) => o.dimension === dimension)
  const defaults = defaultPricingConfig()
  const rate = (o: PricingOption): RateOption => ({
    code: o.code,
    label: o.label,
    multiplier: toBasisPoints(o.multiplier ?? 1),
    active: o.active !== false,
    sortOrder: o.sortOrder ?? 0,
  })
  const version = createHash('sha256')
    .update([tenant.updatedAt, ...options.docs.map((o) => `${o.id}:${o.updatedAt}`)].join('|'))
    .digest('hex')
    .slice(0, 16)
  return {
    options: options.docs,
    config: {
      currency: tenant.currency,
      version,
      basePerPage: profile.basePerPage ?? defaults.basePerPage,
      minimumCharge: profile.minimumCharge ?? defaults.minimumCharge,
      preferredWriterFee: profile.preferredWriterFee ?? defaults.preferredWriterFee,
      spacing: {
        single: profile.singleSpacingMultiplier ? toBasisPoints(profile.singleSpacingMultiplier) : defaults.spacing.single,
        double: profile.doubleSpacingMultiplier ? toBasisPoints(profile.doubleSpacingMultiplier) : defaults.spacing.double,
      },
      paperTypes: of('paperType').map(rate),
      workTypes: of('workType').map(rate),
      academicLevels: of('academicLevel').map(rate),
      subjectCategories: of('subjectCategory').map(rate),
      subjects: of('subject').map((o) => ({ ...rate(o), category: o.category ?? '', customMultiplier: o.multiplier ? toBasisPoints(o.multiplier) : null })),
      analysisLevels: of('analysisLevel').map(rate),
      deadlineBands: of('deadlineBand').map((o) => ({ ...rate(o), maxHours: o.maxHours ?? 0 })),
      writerLevels: of('writerLevel').map((o) => ({ ...rate(o), flat: o.flat !== false, amount: o.amount ?? 0 })),
      addons: of('addon').map((o) => ({ code: o.code, label: o.label, amount: o.amount ?? 0, active: o.active !== false, sortOrder: o.sortOrder ?? 0 })),
    },
  }
}
