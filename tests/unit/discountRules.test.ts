import { describe, expect, it } from 'vitest'

import { automaticTerms, chooseDiscount, type DiscountContext, type DiscountTerms, discountAmount, evaluateDiscount } from '@/domain/discounts/evaluate'

const terms = (over: Partial<DiscountTerms> = {}): DiscountTerms => automaticTerms({ origin: 'manual', kind: 'percentage', value: 10, maxDiscount: null, code: 'WELCOME10', ...over })

const ctx = (over: Partial<DiscountContext> = {}): DiscountContext => ({
  now: new Date('2026-12-01T12:00:00Z'),
  clientId: 7,
  subtotal: 10_000,
  usages: 0,
  clientUsages: 0,
  hasPaidBefore: false,
  lifetimeSpend: 0,
  ...over,
})

describe('discount amounts (reference §5)', () => {
  it('takes a percentage of the subtotal, rounded to the cent, capped by the maximum', () => {
    expect(discountAmount(terms(), 10_000)).toBe(1_000)
    expect(discountAmount(terms({ value: 15 }), 3_333)).toBe(500)
    expect(discountAmount(terms({ value: 50, maxDiscount: 2_000 }), 10_000)).toBe(2_000)
    expect(discountAmount(terms({ value: 100 }), 4_250)).toBe(4_250)
  })

  it('never gives a fixed amount above the subtotal', () => {
    expect(discountAmount(terms({ kind: 'fixed', value: 500 }), 10_000)).toBe(500)
    expect(discountAmount(terms({ kind: 'fixed', value: 500 }), 300)).toBe(300)
  })
})

describe('evaluating a code for a client', () => {
  it('applies a valid code: discount and total', () => {
    expect(evaluateDiscount(terms(), ctx())).toEqual({ ok: true, discount: 1_000, total: 9_000 })
  })

  it('names the rule that fails', () => {
    const cases: [Partial<DiscountTerms> | null, Partial<DiscountContext>, string][] = [
      [null, {}, 'unknown_code'],
      [{ active: false }, {}, 'unknown_code'],
      [{ startsAt: new Date('2026-12-02T00:00:00Z') }, {}, 'not_started'],
      [{ endsAt: new Date('2026-12-01T12:00:00Z') }, {}, 'expired'],
      [{ usageLimit: 1 }, { usages: 1 }, 'exhausted'],
      [{ campaignBudgetLeft: 0 }, {}, 'budget_spent'],
      [{ perClientLimit: 1 }, { clientUsages: 1 }, 'per_client_limit'],
      [{ eligibleClients: [8, 9] }, {}, 'not_eligible'],
      [{ minLifetimeSpend: 50_000 }, { lifetimeSpend: 49_999 }, 'not_eligible'],
      [{ minPayable: 10_001 }, {}, 'minimum_not_met'],
      [{ firstOrderOnly: true }, { hasPaidBefore: true }, 'first_order_only'],
    ]
    for (const [t, c, rule] of cases) expect(evaluateDiscount(t === null ? null : terms(t), ctx(c))).toEqual({ ok: false, rule })
  })

  it('lets a campaign give no more than its budget has left', () => {
    expect(evaluateDiscount(terms({ campaignBudgetLeft: 400 }), ctx())).toEqual({ ok: true, discount: 400, total: 9_600 })
  })
})

describe('no stacking', () => {
  const firstOrder = { terms: terms({ origin: 'first_order', value: 10 }), outcome: evaluateDiscount(terms({ value: 10 }), ctx()), entered: false }
  const entered = (value: number) => ({ terms: terms({ code: 'ALPHA5', kind: 'fixed', value }), outcome: evaluateDiscount(terms({ kind: 'fixed', value }), ctx()), entered: true })

  it('picks the larger discount when the website picks the best, the entered code on a tie', () => {
    expect(chooseDiscount([firstOrder, entered(500)], true)).toBe(firstOrder)
    const big = entered(1_500)
    expect(chooseDiscount([firstOrder, big], true)).toBe(big)
    const tie = entered(1_000)
    expect(chooseDiscount([firstOrder, tie], true)).toBe(tie)
  })

  it('keeps the first-order discount otherwise, and nothing when nothing applies', () => {
    expect(chooseDiscount([firstOrder, entered(1_500)], false)).toBe(firstOrder)
    const refused = { ...firstOrder, outcome: { ok: false as const, rule: 'first_order_only' as const } }
    expect(chooseDiscount([refused], true)).toBeNull()
  })
})
