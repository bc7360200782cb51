import { describe, expect, it } from 'vitest'

import { compositeScore, decideLevel, type LevelCriteria, missedCriteria, type PerformanceSnapshot } from '@/domain/writers/evaluation'

const snapshot = (over: Partial<PerformanceSnapshot> = {}): PerformanceSnapshot => ({
  completedOrders: 20,
  completionRate: 1,
  latenessRate: 0,
  revisionRate: 0,
  disputeRate: 0,
  cancellationRate: 0,
  averageRating: 5,
  ...over,
})

const criteria = (over: Partial<LevelCriteria> = {}): LevelCriteria => ({
  minCompositeScore: 80,
  minCompletedOrders: 10,
  minAverageRating: 4.5,
  minCompletionRate: 0.9,
  minEvaluationPeriods: 2,
  maxLatenessRate: 0.1,
  maxRevisionRate: 0.2,
  maxDisputeRate: 0.05,
  maxCancellationRate: 0.1,
  ...over,
})

describe('composite score (reference §12.2)', () => {
  it('weighs rating 40, completion 25, lateness 15, revision 10, dispute 5, cancellation 5', () => {
    expect(compositeScore(snapshot())).toBe(100)
    // 100 × (0.4·4/5 + 0.25·0.9 + 0.15·0.8 + 0.1·0.9 + 0.05·1 + 0.05·1) = 85.5
    expect(compositeScore(snapshot({ averageRating: 4, completionRate: 0.9, latenessRate: 0.2, revisionRate: 0.1 }))).toBe(85.5)
  })

  it('renormalises the weights while there are no ratings', () => {
    // (0.25·0.9 + 0.15·0.8 + 0.1·0.9 + 0.05 + 0.05) / 0.6 = 0.8917
    expect(compositeScore(snapshot({ averageRating: null, completionRate: 0.9, latenessRate: 0.2, revisionRate: 0.1 }))).toBe(89.2)
  })
})

describe('promotion and demotion', () => {
  it('promotes when the next level’s criteria hold in each of its evaluation periods', () => {
    expect(decideLevel([snapshot(), snapshot()], criteria(), criteria(), true)).toMatchObject({ change: 'promote' })
    const oneBadWeek = decideLevel([snapshot(), snapshot({ latenessRate: 0.3 })], criteria(), criteria(), true)
    expect(oneBadWeek.change).toBe('none')
    expect(decideLevel([snapshot()], criteria(), criteria(), true).change).toBe('none')
  })

  it('demotes on a breached rate and says which metric crossed which threshold', () => {
    const decision = decideLevel([snapshot({ latenessRate: 0.25 })], criteria(), null, true)
    expect(decision).toEqual({ change: 'demote', crossed: [{ metric: 'latenessRate', value: 0.25, threshold: 0.1, comparison: '<=' }] })
    expect(decideLevel([snapshot({ latenessRate: 0.25 })], criteria(), null, false).change).toBe('none')
  })

  it('does not demote a writer for being new, and waits for reviews before judging ratings', () => {
    expect(decideLevel([snapshot({ completedOrders: 1 })], criteria(), null, true).change).toBe('none')
    expect(missedCriteria(snapshot({ averageRating: null }), criteria())).toEqual([])
  })
})
