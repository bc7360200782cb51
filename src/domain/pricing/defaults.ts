import { toBasisPoints, toCents } from '../money'

import type { PricingConfig, RateOption } from './types'

/**
 * The reference's seeded market defaults (§4.1), which every new website starts from
 * and the admins then edit. Codes are the reference's, so quotes and imports agree.
 */
const options = (entries: [code: string, label: string, multiplier: number][]): RateOption[] =>
  entries.map(([code, label, multiplier], i) => ({ code, label, multiplier: toBasisPoints(multiplier), active: true, sortOrder: i }))

export const DEFAULT_ACADEMIC_LEVELS = options([
  ['high_school', 'High school', 1.0],
  ['college', 'College', 1.1],
  ['undergrad', 'Undergraduate', 1.2],
  ['bachelors', "Bachelor's", 1.25],
  ['graduate', 'Graduate', 1.45],
  ['masters', "Master's", 1.55],
  ['professional', 'Professional', 1.7],
  ['phd', 'PhD', 1.9],
])

export const DEFAULT_PAPER_TYPES = options([
  ['essay', 'Essay', 1.0],
  ['research_paper', 'Research paper', 1.1],
  ['thesis', 'Thesis', 1.45],
  ['case_study', 'Case study', 1.1],
  ['lab_report', 'Lab report', 1.2],
  ['presentation', 'Presentation', 1.0],
  ['business', 'Business paper', 1.05],
  ['creative', 'Creative writing', 0.95],
  ['nursing', 'Nursing paper', 1.25],
  ['legal', 'Legal paper', 1.55],
  ['technical', 'Technical paper', 1.35],
  ['editing', 'Editing', 0.55],
  ['proofreading', 'Proofreading', 0.45],
  ['rewriting', 'Rewriting', 0.75],
  ['coding', 'Coding', 1.65],
  ['data_analysis', 'Data analysis', 1.3],
  ['annotated_bib', 'Annotated bibliography', 0.9],
  ['lit_review', 'Literature review', 1.05],
  ['article_review', 'Article review', 0.95],
  ['reflection', 'Reflection', 0.85],
  ['speech', 'Speech', 0.9],
  ['cover_letter', 'Cover letter', 1.0],
  ['admission_essay', 'Admission essay', 1.15],
  ['grant', 'Grant proposal', 1.25],
])

export const DEFAULT_WORK_TYPES = options([
  ['writing', 'Writing from scratch', 1.0],
  ['editing', 'Editing', 0.55],
  ['proofreading', 'Proofreading', 0.4],
  ['rewriting', 'Rewriting', 0.8],
  ['paraphrasing', 'Paraphrasing', 0.65],
  ['research', 'Research', 1.0],
  ['data_analysis', 'Data analysis', 1.35],
  ['programming', 'Programming', 1.65],
  ['formatting', 'Formatting', 0.35],
  ['translation', 'Translation', 1.15],
  ['tutoring', 'Tutoring', 0.9],
])

export const DEFAULT_SUBJECT_CATEGORIES = options([
  ['humanities', 'Humanities', 1.0],
  ['social_sci', 'Social sciences', 1.0],
  ['business', 'Business', 1.05],
  ['nursing', 'Nursing', 1.15],
  ['stem', 'STEM', 1.2],
  ['law', 'Law', 1.35],
  ['technology', 'Technology', 1.45],
])

/** Subjects take their category's multiplier (none has its own by default). */
export const DEFAULT_SUBJECTS: PricingConfig['subjects'] = (
  [
    ['humanities', 'Humanities', 'humanities'],
    ['english', 'English', 'humanities'],
    ['history', 'History', 'humanities'],
    ['philosophy', 'Philosophy', 'humanities'],
    ['psychology', 'Psychology', 'social_sci'],
    ['sociology', 'Sociology', 'social_sci'],
    ['business', 'Business', 'business'],
    ['marketing', 'Marketing', 'business'],
    ['nursing', 'Nursing', 'nursing'],
    ['healthcare', 'Healthcare', 'nursing'],
    ['biology', 'Biology', 'stem'],
    ['mathematics', 'Mathematics', 'stem'],
    ['law', 'Law', 'law'],
    ['computer_science', 'Computer science', 'technology'],
  ] as const
).map(([code, label, category], i) => ({ code, label, category, customMultiplier: null, multiplier: 0, active: true, sortOrder: i }))

export const DEFAULT_ANALYSIS_LEVELS = options([
  ['none', 'None', 1.0],
  ['basic', 'Basic', 1.2],
  ['advanced', 'Advanced', 1.55],
])

export const DEFAULT_DEADLINE_BANDS: PricingConfig['deadlineBands'] = (
  [
    [3, 3.0],
    [6, 2.5],
    [12, 2.0],
    [24, 1.75],
    [48, 1.45],
    [72, 1.25],
    [120, 1.1],
    [168, 1.05],
    [240, 1.0],
    [336, 0.95],
    [480, 0.9],
    [720, 0.85],
  ] as const
).map(([maxHours, multiplier]) => ({
  code: `${maxHours}h`,
  label: maxHours < 48 ? `${maxHours} hours` : `${maxHours / 24} days`,
  maxHours,
  multiplier: toBasisPoints(multiplier),
  active: true,
}))

/** Writer-level upsells: flat amounts per page (the reference adds them once; we charge per page, see docs). */
export const DEFAULT_WRITER_LEVEL_RATES: PricingConfig['writerLevels'] = (
  [
    ['standard', 'Standard', 0],
    ['advanced', 'Advanced', 4.99],
    ['top', 'Top', 9.99],
    ['expert', 'Expert', 13.99],
  ] as const
).map(([code, label, amount], i) => ({ code, label, flat: true, amount: toCents(amount), multiplier: 10_000, active: true, sortOrder: i }))

export const DEFAULT_ADDONS: PricingConfig['addons'] = (
  [
    ['plagiarism_report', 'Plagiarism report', 9.99],
    ['one_page_summary', 'One-page summary', 14.99],
    ['progressive_delivery', 'Progressive delivery', 19.99],
    ['priority_support', 'Priority support', 7.99],
  ] as const
).map(([code, label, amount], i) => ({ code, label, amount: toCents(amount), active: true, sortOrder: i }))

export const defaultPricingConfig = (currency = 'USD'): PricingConfig => ({
  currency,
  version: 'defaults',
  basePerPage: toCents(13.99),
  minimumCharge: toCents(13.99),
  preferredWriterFee: toCents(4.99),
  spacing: { single: toBasisPoints(2.0), double: toBasisPoints(1.0) },
  paperTypes: DEFAULT_PAPER_TYPES,
  workTypes: DEFAULT_WORK_TYPES,
  academicLevels: DEFAULT_ACADEMIC_LEVELS,
  subjectCategories: DEFAULT_SUBJECT_CATEGORIES,
  subjects: DEFAULT_SUBJECTS,
  analysisLevels: DEFAULT_ANALYSIS_LEVELS,
  deadlineBands: DEFAULT_DEADLINE_BANDS,
  writerLevels: DEFAULT_WRITER_LEVEL_RATES,
  addons: DEFAULT_ADDONS,
})
