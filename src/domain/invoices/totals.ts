import type { Cents } from '../money'

/** One invoice line as entered: quantity × unit amount (cents). */
export type LineInput = { description: string; quantity: number; unitAmount: Cents }
export type Line = LineInput & { amount: Cents }

/** Largest invoice total (999 999.99): what the card processor takes in one payment, and far below 2^53. */
export const INVOICE_MAX_TOTAL = 99_999_999

/** Each line's amount and the invoice total, in integer cents (no rounding: quantities are whole). */
export const priceLines = (lines: readonly LineInput[]): { lines: Line[]; total: Cents } => {
  const priced = lines.map((line) => ({ ...line, amount: line.quantity * line.unitAmount }))
  return { lines: priced, total: priced.reduce((sum, line) => sum + line.amount, 0) }
}

/** Why an installment plan does not fit the total, or null when it does. */
export const installmentPlanProblem = (total: Cents, amounts: readonly Cents[]): string | null => {
  if (amounts.length === 0) return null
  const sum = amounts.reduce((a, b) => a + b, 0)
  return sum === total ? null : `The installments add up to ${sum} cents, the invoice to ${total}.`
}

export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'cancelled', 'expired'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/** The states in which an invoice takes money. */
export const PAYABLE_STATUSES: readonly InvoiceStatus[] = ['issued', 'partially_paid']

/** Status after money arrives: paid when nothing is left, partially paid otherwise. */
export const statusAfterPayment = (total: Cents, amountPaid: Cents): InvoiceStatus => (amountPaid >= total ? 'paid' : 'partially_paid')

export type InstallmentShare = { id: number; sequence: number; amount: Cents; amountPaid: Cents }

/**
 * A payment of the whole invoice spread over its unpaid installments, earliest first:
 * how much each one receives.
 */
export const spreadOverInstallments = (installments: readonly InstallmentShare[], amount: Cents): { id: number; add: Cents }[] => {
  let left = amount
  const out: { id: number; add: Cents }[] = []
  for (const i of [...installments].sort((a, b) => a.sequence - b.sequence)) {
    const add = Math.min(left, i.amount - i.amountPaid)
    if (add > 0) out.push({ id: i.id, add })
    left -= add
  }
  return out
}

/** Installments of an invoice; overdue is derived (pending past its due date); a waived one is owed no more. */
export const INSTALLMENT_STATUSES = ['pending', 'paid', 'waived'] as const
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number]
