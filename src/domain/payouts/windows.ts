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

/** An earning or reversal waiting to be paid out. */
export type PayoutItem = { id: number; writer: number; kind: 'order_earning' | 'reversal'; amount: number }

export type PayoutLine = { writer: number; amount: number; items: number[] }

/**
 * One payout per writer: their earnings minus their reversals (money they owe back from
 * orders cancelled after payout). A writer whose reversals eat the whole sum gets no
 * payout this time: their items all wait for the next window, so the debt is recovered
 * from later earnings rather than paid as a negative payout.
 */
export const payoutLines = (items: PayoutItem[]): PayoutLine[] => {
  const byWriter = new Map<number, PayoutLine>()
  for (const item of items) {
    const line = byWriter.get(item.writer) ?? { writer: item.writer, amount: 0, items: [] }
    line.amount += item.kind === 'reversal' ? -item.amount : item.amount
    line.items.push(item.id)
    byWriter.set(item.writer, line)
  }
  return [...byWriter.values()].filter((l) => l.amount > 0).sort((a, b) => a.writer - b.writer)
}
