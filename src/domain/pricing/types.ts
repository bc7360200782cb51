import type { BasisPoints, Cents } from '../money'

/** One selectable option of a pricing dimension (paper type, level, subject …). */
export type RateOption = { code: string; label: string; multiplier: BasisPoints; active: boolean; sortOrder: number }

export type SubjectOption = RateOption & {
  /** The subject's category; its multiplier applies unless the subject has its own. */
  category: string
  /** Own multiplier, overriding the category's. */
  customMultiplier: BasisPoints | null
}

export type DeadlineBand = { code: string; label: string; maxHours: number; multiplier: BasisPoints; active: boolean }

export type WriterLevelRate = {
  code: string
  label: string
  active: boolean
  sortOrder: number
  /** Flat: `amount` cents per page added; otherwise the subtotal × `multiplier`. */
  flat: boolean
  amount: Cents
  multiplier: BasisPoints
}

export type Addon = { code: string; label: string; amount: Cents; active: boolean; sortOrder: number }

/** A website's whole price list, as the pricing function needs it. */
export type PricingConfig = {
  currency: string
  /** Identifies the configuration a price was computed with (stored in snapshots). */
  version: string
  basePerPage: Cents
  minimumCharge: Cents
  preferredWriterFee: Cents
  spacing: { single: BasisPoints; double: BasisPoints }
  paperTypes: RateOption[]
  workTypes: RateOption[]
  academicLevels: RateOption[]
  subjectCategories: RateOption[]
  subjects: SubjectOption[]
  analysisLevels: RateOption[]
  deadlineBands: DeadlineBand[]
  writerLevels: WriterLevelRate[]
  addons: Addon[]
}

export type QuoteInput = {
  pages: number
  spacing: 'single' | 'double'
  deadlineHours: number
  paperType: string
  workType: string
  academicLevel: string
  subject: string
  analysisLevel?: string | null
  writerLevel?: string | null
  preferredWriter?: boolean
  addons?: string[]
}

/** What a quote's line is: the base price, a factor, a fee, an add-on, the minimum charge, the total. */
export const QUOTE_LINE_TYPES = ['base', 'multiplier', 'fixed_fee', 'addon', 'minimum', 'total'] as const
export type QuoteLineType = (typeof QUOTE_LINE_TYPES)[number]

export type QuoteLine = { type: QuoteLineType; code: string; label: string; amount: Cents }

export type Quote = { total: Cents; currency: string; lines: QuoteLine[]; configVersion: string }

/** Why a quote cannot be made, naming the input field. */
export type PricingProblem = { field: keyof QuoteInput; message: string }

export const MAX_PAGES = 500
