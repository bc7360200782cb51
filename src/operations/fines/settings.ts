import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { DEFAULT_FINE_SETTINGS, type FineSettings } from '@/domain/fines/settings'
import { DEFAULT_FINE_TYPES, type FineTypeTerms } from '@/domain/fines/types'
import { withDefaults } from '@/domain/withDefaults'
import type { FineType } from '@/payload-types'

/** The website's fine settings, the defaults filling what it did not set. */
export const websiteFines = async (req: PayloadRequest, tenant: number): Promise<FineSettings> => {
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { settings: true } })
  return withDefaults(DEFAULT_FINE_SETTINGS, website.settings?.fines)
}

const termsOf = (row: FineType): FineTypeTerms => ({
  code: row.code,
  name: row.name,
  calculation: row.calculation,
  amount: row.amount ?? 0,
  percent: row.percent ?? 0,
  base: row.base,
  min: row.min ?? null,
  max: row.max ?? null,
  active: row.active ?? true,
})

/** A fine type of the website by code: its own row, else the platform's default; null when neither exists. */
export const websiteFineType = async (req: PayloadRequest, tenant: number, code: string): Promise<FineTypeTerms | null> => {
  const { docs } = await req.payload.find({ collection: 'fine-types', where: { and: [{ tenant: { equals: tenant } }, { code: { equals: code } }] }, depth: 0, limit: 1, ...asSystem(proofOf(req)), req })
  if (docs[0]) return termsOf(docs[0])
  return DEFAULT_FINE_TYPES.find((t) => t.code === code) ?? null
}
