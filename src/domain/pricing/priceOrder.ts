import { type Cents, multiply } from '../money'

import {
  MAX_PAGES,
  type PricingConfig,
  type PricingProblem,
  type Quote,
  type QuoteInput,
  type QuoteLine,
  type RateOption,
} from './types'

export type PricingResult = { ok: true; quote: Quote } | { ok: false; problems: PricingProblem[] }

const activeOption = <T extends RateOption>(options: T[], code: string | null | undefined) =>
  code ? options.find((o) => o.code === code && o.active) : undefined

/**
 * The band for a deadline: the active band with the smallest `maxHours` that still
 * covers it (20 h → the 24 h band). Beyond the longest band there is none.
 */
export const deadlineBandFor = (config: PricingConfig, deadlineHours: number) =>
  config.deadlineBands
    .filter((b) => b.active && b.maxHours >= deadlineHours)
    .sort((a, b) => a.maxHours - b.maxHours)[0]

/**
 * The price of a paper order (reference §4.2): each step rounded to the cent, each
 * change a breakdown line, floored at the minimum charge. Pure: no I/O, no clock.
 */
export const priceOrder = (config: PricingConfig, input: QuoteInput): PricingResult => {
  const problems: PricingProblem[] = []
  const need = <T>(field: keyof QuoteInput, found: T | undefined, what: string): T | undefined => {
    if (!found) problems.push({ field, message: `Unknown or inactive ${what} "${String(input[field] ?? '')}".` })
    return found
  }

  if (!Number.isInteger(input.pages) || input.pages < 1 || input.pages > MAX_PAGES) {
    problems.push({ field: 'pages', message: `Must be a whole number from 1 to ${MAX_PAGES}.` })
  }
  if (input.spacing !== 'single' && input.spacing !== 'double') {
    problems.push({ field: 'spacing', message: 'Must be "single" or "double".' })
  }
  let band: ReturnType<typeof deadlineBandFor>
  if (!Number.isInteger(input.deadlineHours) || input.deadlineHours < 1) {
    problems.push({ field: 'deadlineHours', message: 'Must be a whole number of hours, at least 1.' })
  } else {
    band = deadlineBandFor(config, input.deadlineHours)
    if (!band) {
      const longest = Math.max(0, ...config.deadlineBands.filter((b) => b.active).map((b) => b.maxHours))
      problems.push({ field: 'deadlineHours', message: `No deadline band covers ${input.deadlineHours} h (the longest is ${longest} h).` })
    }
  }
  const paperType = need('paperType', activeOption(config.paperTypes, input.paperType), 'paper type')
  const workType = need('workType', activeOption(config.workTypes, input.workType), 'work type')
  const level = need('academicLevel', activeOption(config.academicLevels, input.academicLevel), 'academic level')
  const subject = need('subject', activeOption(config.subjects, input.subject), 'subject')
  const category = subject && !subject.customMultiplier ? activeOption(config.subjectCategories, subject.category) : undefined
  if (subject && !subject.customMultiplier && !category) {
    problems.push({ field: 'subject', message: `The subject "${subject.code}" has no active category.` })
  }
  const analysis = input.analysisLevel ? need('analysisLevel', activeOption(config.analysisLevels, input.analysisLevel), 'analysis level') : undefined
  const writerLevel = input.writerLevel
    ? need('writerLevel', config.writerLevels.find((w) => w.code === input.writerLevel && w.active), 'writer level')
    : undefined
  const addonCodes = [...new Set(input.addons ?? [])]
  const addons = addonCodes.map((code) => config.addons.find((a) => a.code === code && a.active))
  addonCodes.forEach((code, i) => {
    if (!addons[i]) problems.push({ field: 'addons', message: `Unknown or inactive add-on "${code}".` })
  })
  if (problems.length > 0) return { ok: false, problems }

  const lines: QuoteLine[] = []
  let amount: Cents = input.pages * config.basePerPage
  lines.push({ type: 'base', code: 'base', label: `${input.pages} × base price per page`, amount })

  const times = (code: string, label: string, bp: number) => {
    const next = multiply(amount, bp)
    if (next !== amount) lines.push({ type: 'multiplier', code, label, amount: next - amount })
    amount = next
  }
  times('spacing', `${input.spacing} spacing`, config.spacing[input.spacing])
  times(`paperType:${paperType!.code}`, paperType!.label, paperType!.multiplier)
  times(`workType:${workType!.code}`, workType!.label, workType!.multiplier)
  times(`academicLevel:${level!.code}`, level!.label, level!.multiplier)
  times(`subject:${subject!.code}`, subject!.label, subject!.customMultiplier ?? category!.multiplier)
  times(`deadline:${band!.code}`, `deadline ${band!.label}`, band!.multiplier)
  if (analysis) times(`analysisLevel:${analysis.code}`, analysis.label, analysis.multiplier)
  if (writerLevel) {
    if (writerLevel.flat) {
      const fee = writerLevel.amount * input.pages
      if (fee > 0) lines.push({ type: 'fixed_fee', code: `writerLevel:${writerLevel.code}`, label: `${writerLevel.label} writer (${input.pages} × per page)`, amount: fee })
      amount += fee
    } else {
      times(`writerLevel:${writerLevel.code}`, `${writerLevel.label} writer`, writerLevel.multiplier)
    }
  }
  if (input.preferredWriter && config.preferredWriterFee > 0) {
    lines.push({ type: 'fixed_fee', code: 'preferredWriter', label: 'preferred writer', amount: config.preferredWriterFee })
    amount += config.preferredWriterFee
  }
  for (const addon of addons.sort((a, b) => a!.sortOrder - b!.sortOrder)) {
    if (addon!.amount > 0) lines.push({ type: 'addon', code: `addon:${addon!.code}`, label: addon!.label, amount: addon!.amount })
    amount += addon!.amount
  }
  if (amount < config.minimumCharge) {
    lines.push({ type: 'minimum', code: 'minimum', label: 'minimum order charge', amount: config.minimumCharge - amount })
    amount = config.minimumCharge
  }
  lines.push({ type: 'total', code: 'total', label: 'total', amount })
  return { ok: true, quote: { total: amount, currency: config.currency, lines, configVersion: config.version } }
}
