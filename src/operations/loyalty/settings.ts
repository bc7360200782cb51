import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import type { LoyaltyTier } from '@/domain/loyalty/ledger'
import type { Tenant } from '@/payload-types'
import { DEFAULT_LOYALTY, type LoyaltySettings } from '@/domain/loyalty/points'

export type WebsiteLoyalty = LoyaltySettings & { enabled: boolean; conversionEnabled: boolean; tiers: LoyaltyTier[] }

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback)

/** The website's loyalty rules, the defaults filling what it did not set. */
export const websiteLoyalty = async (req: PayloadRequest, tenant: number): Promise<WebsiteLoyalty> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  return loyaltyOf(website)
}

/** The loyalty rules of a website already read. */
export const loyaltyOf = (website: Pick<Tenant, 'settings'>): WebsiteLoyalty => {
  const stored = website.settings?.loyalty
  const conversion = stored?.conversion
  return {
    enabled: stored?.enabled ?? true,
    conversionEnabled: conversion?.enabled ?? true,
    pointsPerUnit: numberOr(stored?.pointsPerUnit, DEFAULT_LOYALTY.pointsPerUnit),
    centsPerPoint: numberOr(conversion?.centsPerPoint, DEFAULT_LOYALTY.centsPerPoint),
    minPointsPerConversion: numberOr(conversion?.minPoints, DEFAULT_LOYALTY.minPointsPerConversion),
    maxCentsPerConversion: numberOr(conversion?.maxCents, DEFAULT_LOYALTY.maxCentsPerConversion),
    tiers: (stored?.tiers ?? []).map((t) => ({ name: t.name, threshold: t.threshold, discountPercent: t.discountPercent ?? 0, perks: t.perks ?? '' })),
  }
}
