/** The configurable dimensions of an order form, as stored in `pricing-options`. */
export const OPTION_DIMENSIONS = [
  'paperType',
  'workType',
  'academicLevel',
  'subjectCategory',
  'subject',
  'formattingStyle',
  'englishType',
  'analysisLevel',
  'deadlineBand',
  'writerLevel',
  'addon',
] as const

export type OptionDimension = (typeof OPTION_DIMENSIONS)[number]

/** What each dimension's rows carry besides code, label, order and the active flag. */
export const DIMENSION_SHAPE: Record<OptionDimension, { multiplier?: true; amount?: true; maxHours?: true; category?: true; flat?: true }> = {
  paperType: { multiplier: true },
  workType: { multiplier: true },
  academicLevel: { multiplier: true },
  subjectCategory: { multiplier: true },
  subject: { multiplier: true, category: true },
  formattingStyle: {},
  englishType: {},
  analysisLevel: { multiplier: true },
  deadlineBand: { multiplier: true, maxHours: true },
  writerLevel: { multiplier: true, amount: true, flat: true },
  addon: { amount: true },
}
