import { DEFAULT_LATENESS_RULE, type LatenessRule } from './lateness'
import type { FineBase } from './types'

/** A website's fine settings (`settings.fines`). Percentages in whole percent. */
export type FineSettings = {
  latenessEnabled: boolean
  latenessMode: LatenessRule['mode']
  latenessBase: FineBase
  /** Never above 100 whatever is configured (the reference had no cap). */
  latenessMaxPercent: number
  hour1: number
  hour2: number
  hour3: number
  perHourAfter3: number
  perDay: number
}

export const DEFAULT_FINE_SETTINGS: FineSettings = {
  latenessEnabled: true,
  latenessMode: DEFAULT_LATENESS_RULE.mode,
  latenessBase: 'writer_pay',
  latenessMaxPercent: 100,
  hour1: DEFAULT_LATENESS_RULE.hour1,
  hour2: DEFAULT_LATENESS_RULE.hour2,
  hour3: DEFAULT_LATENESS_RULE.hour3,
  perHourAfter3: DEFAULT_LATENESS_RULE.perHourAfter3,
  perDay: DEFAULT_LATENESS_RULE.perDay,
}

/** The lateness rule a website's settings describe. */
export const latenessRuleOf = (settings: FineSettings): LatenessRule => ({
  mode: settings.latenessMode,
  hour1: settings.hour1,
  hour2: settings.hour2,
  hour3: settings.hour3,
  perHourAfter3: settings.perHourAfter3,
  perDay: settings.perDay,
  maxPercent: Math.min(100, settings.latenessMaxPercent),
})
