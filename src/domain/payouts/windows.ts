const DAY_MS = 24 * 3600 * 1000

/**
 * The window that follows `previousClose` (or starts at `now` for a website's first):
 * windows are back to back, `windowDays` long, and the new one is the first whose close
 * is still ahead of `now` (after an outage the cadence is kept, not restarted).
 */
export const nextWindow = (previousClose: Date | null, now: Date, windowDays: number): { opensAt: Date; closesAt: Date } => {
  const length = windowDays * DAY_MS
  let opensAt = previousClose ?? now
  while (opensAt.getTime() + length <= now.getTime()) opensAt = new Date(opensAt.getTime() + length)
  return { opensAt, closesAt: new Date(opensAt.getTime() + length) }
}

/**
 * What a writer-earnings row is: money earned (`order_earning`, `class_earning`: an
 * approved class task's share, `fine_refund`: a lifted fine given back) or owed back (`reversal`, `fine`: a fine the earning could not cover).
 */
export const EARNING_KINDS = ['order_earning', 'reversal', 'fine', 'fine_refund', 'class_earning', 'special_order_earning'] as const
export type EarningKind = (typeof EARNING_KINDS)[number]

/** Kinds the writer owes back: netted from what they are paid. */
export const OWED_KINDS: readonly EarningKind[] = ['reversal', 'fine']

/** An earning, reversal or fine waiting to be paid out. */
export type PayoutItem = { id: number; writer: number; kind: EarningKind; amount: number }

export type PayoutLine = { writer: number; amount: number; items: number[] }

/**
 * One payout per writer: their earnings (and fines given back) minus their reversals
 * (money they owe back from orders cancelled after payout) and fines their earnings did
 * not cover. A writer whose debts eat the whole sum gets no payout this time: their items
 * all wait for the next window, so the debt is recovered from later earnings rather than
 * paid as a negative payout.
 */
export const payoutLines = (items: PayoutItem[]): PayoutLine[] => {
  const byWriter = new Map<number, PayoutLine>()
  for (const item of items) {
    const line = byWriter.get(item.writer) ?? { writer: item.writer, amount: 0, items: [] }
    line.amount += OWED_KINDS.includes(item.kind) ? -item.amount : item.amount
    line.items.push(item.id)
    byWriter.set(item.writer, line)
  }
  return [...byWriter.values()].filter((l) => l.amount > 0).sort((a, b) => a.writer - b.writer)
}
