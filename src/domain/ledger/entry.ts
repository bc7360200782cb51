import { type Cents, isCents } from '../money'

/** One line of a journal entry: exactly one of debit and credit is a positive amount. */
export type LineDraft<Account> = { account: Account; debit?: Cents; credit?: Cents }

export type EntryDraft<Account> = {
  /** Unique across the ledger: posting the same reference twice is refused by the database. */
  reference: string
  type: string
  memo?: string
  lines: LineDraft<Account>[]
}

/**
 * Why a draft cannot be posted, or null: at least two lines, each with exactly one
 * positive whole amount, and Σ debit = Σ credit.
 */
export const entryProblem = <A>(draft: EntryDraft<A>): string | null => {
  if (!draft.reference.trim()) return 'An entry needs a reference.'
  if (draft.lines.length < 2) return 'An entry needs at least two lines.'
  let debit = 0
  let credit = 0
  for (const [i, line] of draft.lines.entries()) {
    const d = line.debit ?? 0
    const c = line.credit ?? 0
    if (!isCents(d) || !isCents(c) || d < 0 || c < 0) return `Line ${i + 1}: amounts are whole non-negative cents.`
    if ((d > 0) === (c > 0)) return `Line ${i + 1}: exactly one of debit and credit is positive.`
    debit += d
    credit += c
  }
  return debit === credit ? null : `Unbalanced entry: debits ${debit} ≠ credits ${credit}.`
}

/** The entry that undoes `draft`: every line's sides swapped. */
export const reversalOf = <A>(draft: EntryDraft<A>, reference: string): EntryDraft<A> => ({
  reference,
  type: 'reversal',
  memo: `Reversal of ${draft.reference}`,
  lines: draft.lines.map((l) => ({ account: l.account, debit: l.credit ?? 0, credit: l.debit ?? 0 })),
})
