/** A class installment's life (§10.2): due, then overdue past its date, until paid; staff may waive; cancelled with the class. */
export const CLASS_INSTALLMENT_STATUSES = ['pending', 'due', 'overdue', 'paid', 'waived', 'cancelled'] as const
export type ClassInstallmentStatus = (typeof CLASS_INSTALLMENT_STATUSES)[number]

export type PlannedInstallment = { sequence: number; amount: number; dueAt: Date; deposit: boolean }

export type PlanInput = {
  /** The accepted total, in cents. */
  total: number
  /** Percent of the total taken as a deposit, due at acceptance (0–100). */
  depositPercent: number
  /** Installments after the deposit. */
  count: number
  startDate: Date
  endDate: Date
  /** Acceptance: the deposit's due date, and no installment is due before it. */
  now: Date
}

/**
 * A class's installment plan (§10.2): a deposit of `depositPercent` of the total (rounded
 * to the cent), due at acceptance, then `count` equal installments of the rest, the
 * rounding remainder on the last, due at even steps of the class's span: the i-th of N at
 * start + i × (end − start) / (N + 1), so the last falls before the class ends (never
 * before acceptance). Every part is at least a cent: fewer installments when the rest is
 * smaller than their count; no deposit row at 0 %, only the deposit at 100 % or with no
 * installments.
 */
export const planInstallments = ({ total, depositPercent, count, startDate, endDate, now }: PlanInput): PlannedInstallment[] => {
  if (!Number.isSafeInteger(total) || total <= 0) throw new RangeError('A plan needs a positive whole total.')
  const percent = Math.min(100, Math.max(0, depositPercent))
  const wanted = Math.max(0, Math.floor(count))
  let deposit = Math.round((total * percent) / 100)
  if (wanted === 0) deposit = total
  const rest = total - deposit
  const parts = Math.min(wanted, rest)
  const plan: PlannedInstallment[] = []
  if (deposit > 0) plan.push({ sequence: 1, amount: deposit, dueAt: now, deposit: true })
  if (parts === 0) return plan
  const each = Math.floor(rest / parts)
  const start = startDate.getTime()
  const span = Math.max(0, endDate.getTime() - start)
  for (let i = 1; i <= parts; i++) {
    const amount = i === parts ? rest - each * (parts - 1) : each
    const due = Math.max(start + Math.floor((span * i) / (parts + 1)), now.getTime())
    plan.push({ sequence: plan.length + 1, amount, dueAt: new Date(due), deposit: false })
  }
  return plan
}

/** Whether an installment is overdue at `now`: open (pending, due or already overdue) and its due date passed. */
export const isInstallmentOverdue = (installment: { status: ClassInstallmentStatus; dueAt: Date }, now: Date): boolean =>
  (installment.status === 'pending' || installment.status === 'due' || installment.status === 'overdue') && installment.dueAt.getTime() < now.getTime()

/** The installments that are overdue at `now`, earliest first. */
export const overdueInstallments = <I extends { status: ClassInstallmentStatus; dueAt: Date; sequence: number }>(installments: readonly I[], now: Date): I[] =>
  installments.filter((installment) => isInstallmentOverdue(installment, now)).sort((a, b) => a.sequence - b.sequence)
