import { describe, expect, it } from 'vitest'

import { compareRuns, MAX_DROP } from '../../bench/compare'

/** The bench's regression gate (`npm run bench -- --compare`): ratios against the committed run. */

const result = (name: string, ratio: number, extra: { median?: number; withoutRead?: number; over?: number } = {}) => ({
  name,
  throughputRatio: ratio,
  medianRatio: extra.median,
  throughputRatioWithoutUserRead: extra.withoutRead,
  checks: extra.over === undefined ? [] : [{ what: 'throughput ÷ client-orders throughput (Payload)', value: extra.over, limit: '≥ 0.5', pass: true }],
})

describe('compareRuns', () => {
  it('passes a ratio within 15 % of the committed one and fails one below', () => {
    const committed = [result('client-orders', 0.2), result('quote', 0.2)]
    const now = [result('client-orders', 0.2 * (1 - MAX_DROP) + 0.001), result('quote', 0.2 * (1 - MAX_DROP) - 0.001)]
    const [lists, quote] = compareRuns(now, committed)
    expect(lists).toMatchObject({ scenario: 'client-orders', pass: true })
    expect(quote).toMatchObject({ scenario: 'quote', pass: false, committed: 0.2 })
    expect(quote!.change).toBeLessThan(-MAX_DROP)
  })

  it('holds the median round when there is one, on either side', () => {
    const [c] = compareRuns([result('client-orders', 0.1, { median: 0.21 })], [result('client-orders', 0.3, { median: 0.2 })])
    expect(c).toMatchObject({ now: 0.21, committed: 0.2, pass: true })
  })

  it('compares the second baseline and the Payload-to-Payload ratios too', () => {
    const comparisons = compareRuns([result('stripe-webhook', 0.13, { withoutRead: 0.1, over: 0.3 })], [result('stripe-webhook', 0.13, { withoutRead: 0.1, over: 0.77 })])
    expect(comparisons.map((c) => [c.what, c.pass])).toEqual([
      ['throughput ÷ baseline', true],
      ['throughput ÷ baseline without the user read', true],
      ['throughput ÷ client-orders throughput (Payload)', false],
    ])
  })

  it('skips scenarios and ratios the committed run does not have', () => {
    expect(compareRuns([result('graphql-orders', 0.01)], [result('client-orders', 0.2)])).toEqual([])
    expect(compareRuns([result('client-orders', 0.2, { withoutRead: 0.01 })], [result('client-orders', 0.2)])).toHaveLength(1)
  })
})
