/** The parts of `GET /api/orders/:id/dossier` the order view shows (see src/operations/orders/orderDossier.ts). */
export type Person = { id: number; name?: string; email?: string } | number | null | undefined

export type TimelineEvent = { id: number; action: string; from: string; to: string; actor?: Person; reason?: string | null; createdAt: string }
export type FileRow = { id: number; filename?: string | null; purpose: string; note?: string | null; uploadedBy?: Person; filesize?: number | null; createdAt: string; url: string | null }
export type MessageRow = { id: number; thread: string; author?: Person; body: string; masked?: boolean | null; createdAt: string }
export type PaymentRow = { id: number; reference: string; purpose: string; provider: string; status: string; amount: number; currency: string; amountRefunded?: number | null; createdAt: string }
export type RefundRow = { id: number; amount: number; destination: string; status?: string | null; reason: string; createdBy?: Person; createdAt: string }
export type JournalLine = { id?: string | null; account: { id: number; code?: string; name?: string } | number; debit: number; credit: number }
export type JournalEntry = { id: number; reference: string; type: string; memo?: string | null; lines: JournalLine[]; createdAt: string }
export type EarningRow = { id: number; writer?: Person; kind: string; amount: number; status: string; paidAt?: string | null; createdAt: string }

type List<T> = { total: number; docs: T[] }

export type Dossier = {
  order: { id: number; number: string; status: string; currency: string; total?: number; amountPaid?: number }
  can: { refund: boolean }
  timeline: List<TimelineEvent>
  files: List<FileRow>
  messages: { total: number; threads: Record<string, MessageRow[]> }
  payments: List<PaymentRow>
  refunds: List<RefundRow>
  journal: List<JournalEntry>
  earnings: List<EarningRow>
}
