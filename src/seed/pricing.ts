import type { PayloadRequest } from 'payload'

import { BASIS } from '@/domain/money'
import { defaultPricingConfig } from '@/domain/pricing/defaults'
import type { OptionDimension } from '@/domain/pricing/dimensions'
import { asSystem, systemProof } from '@/access/system'

const proof = systemProof('seed (demo data)')

type OptionRow = {
  dimension: OptionDimension
  code: string
  label: string
  sortOrder: number
  multiplier?: number | null
  amount?: number | null
  maxHours?: number | null
  category?: string | null
  flat?: boolean
}

const FORMATTING_STYLES = [
  ['apa', 'APA'],
  ['mla', 'MLA'],
  ['harvard', 'Harvard'],
  ['chicago', 'Chicago / Turabian'],
  ['ieee', 'IEEE'],
  ['other', 'Other'],
] as const

const ENGLISH_TYPES = [
  ['us', 'US English'],
  ['uk', 'UK English'],
  ['au', 'Australian English'],
] as const

/** The reference's defaults as order-option rows. */
export const defaultOptionRows = (): OptionRow[] => {
  const d = defaultPricingConfig()
  const m = (bp: number) => bp / BASIS
  const rates = (dimension: OptionDimension, list: { code: string; label: string; multiplier: number; sortOrder: number }[]) =>
    list.map((o) => ({ dimension, code: o.code, label: o.label, sortOrder: o.sortOrder, multiplier: m(o.multiplier) }))
  return [
    ...rates('paperType', d.paperTypes),
    ...rates('workType', d.workTypes),
    ...rates('academicLevel', d.academicLevels),
    ...rates('subjectCategory', d.subjectCategories),
    ...d.subjects.map((o) => ({ dimension: 'subject' as const, code: o.code, label: o.label, sortOrder: o.sortOrder, category: o.category })),
    ...rates('analysisLevel', d.analysisLevels),
    ...d.deadlineBands.map((o, i) => ({ dimension: 'deadlineBand' as const, code: o.code, label: o.label, sortOrder: i, maxHours: o.maxHours, multiplier: m(o.multiplier) })),
    ...d.writerLevels.map((o) => ({ dimension: 'writerLevel' as const, code: o.code, label: o.label, sortOrder: o.sortOrder, flat: true, amount: o.amount })),
    ...d.addons.map((o) => ({ dimension: 'addon' as const, code: o.code, label: o.label, sortOrder: o.sortOrder, amount: o.amount })),
    ...FORMATTING_STYLES.map(([code, label], i) => ({ dimension: 'formattingStyle' as const, code, label, sortOrder: i })),
    ...ENGLISH_TYPES.map(([code, label], i) => ({ dimension: 'englishType' as const, code, label, sortOrder: i })),
  ]
}

/** Gives a website the default order options unless it has some already (base prices default on the tenant). */
export const ensurePricing = async (req: PayloadRequest, tenantId: number): Promise<number> => {
  const existing = await req.payload.count({ collection: 'pricing-options', where: { tenant: { equals: tenantId } }, ...asSystem(proof), req })
  if (existing.totalDocs > 0) return 0
  const rows = defaultOptionRows()
  for (const row of rows) {
    await req.payload.create({ collection: 'pricing-options', data: { ...row, tenant: tenantId, active: true }, depth: 0, ...asSystem(proof), req })
  }
  return rows.length
}
