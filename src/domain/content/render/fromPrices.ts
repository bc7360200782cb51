import type { Cents } from '../../money'
import { priceOrder } from '../../pricing/priceOrder'
import type { PricingConfig, QuoteInput, RateOption } from '../../pricing/types'

/** A pricing table's row: the lowest price of one page of a paper type, in minor units. */
export type FromPrice = { paperType: string; label: string; from: Cents }

const cheapest = <T>(options: readonly T[], cost: (option: T) => number | null): T | undefined => {
  let best: T | undefined
  let bestCost = Infinity
  for (const option of options) {
    const c = cost(option)
    if (c !== null && c < bestCost) {
      best = option
      bestCost = c
    }
  }
  return best
}

const activeRate = (o: Pick<RateOption, 'active' | 'multiplier'>) => (o.active ? o.multiplier : null)

/**
 * The "from" price of each active paper type: one page at the cheapest choice of every
 * other dimension (spacing, work type, academic level, subject, deadline band), priced by
 * the same function that prices orders, so a pricing table never promises less than a
 * quote would ask. Each step of the price multiplies (and rounds) monotonically, so the
 * cheapest option of each dimension gives the cheapest page. The minimum charge is left
 * out: it floors an order, not a page. `codes` keeps only those paper types (in the price
 * list's order); empty or absent keeps all. Empty when the price list cannot price a page.
 */
export const fromPricesPerPage = (config: PricingConfig, codes?: readonly string[] | null): FromPrice[] => {
  const workType = cheapest(config.workTypes, activeRate)
  const academicLevel = cheapest(config.academicLevels, activeRate)
  const deadline = cheapest(config.deadlineBands, activeRate)
  const subject = cheapest(config.subjects, (s) => {
    if (!s.active) return null
    if (s.customMultiplier) return s.customMultiplier
    return config.subjectCategories.find((c) => c.code === s.category && c.active)?.multiplier ?? null
  })
  if (!workType || !academicLevel || !deadline || !subject) return []
  const spacing: QuoteInput['spacing'] = config.spacing.single < config.spacing.double ? 'single' : 'double'
  const wanted = codes && codes.length > 0 ? new Set(codes) : null
  return [...config.paperTypes]
    .filter((p) => p.active && (!wanted || wanted.has(p.code)))
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .flatMap((paperType) => {
      const priced = priceOrder(config, {
        pages: 1,
        spacing,
        deadlineHours: deadline.maxHours,
        paperType: paperType.code,
        workType: workType.code,
        academicLevel: academicLevel.code,
        subject: subject.code,
      })
      if (!priced.ok) return []
      const floor = priced.quote.lines.find((l) => l.type === 'minimum')?.amount ?? 0
      return [{ paperType: paperType.code, label: paperType.label, from: priced.quote.total - floor }]
    })
}
