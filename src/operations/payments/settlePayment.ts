import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { lockRow } from '@/db/locks'
import { invoicePaymentRefusal, orderPaymentRefusal, paymentApplication, type PaymentRefusal } from '@/domain/payments/application'
import { ClientError } from '@/errors'
import { partiesBut } from '@/domain/notifications/recipients'
import { asSystem, proofOf } from '@/access/system'
import type { Payment } from '@/payload-types'

import { applyDiscountUsage, releaseDiscountUsage } from '../discounts/usages'
import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'
import { applyInvoicePayment } from '../invoices/applyInvoicePayment'
import { lockInvoice } from '../invoices/owed'
import { post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { applyPayment } from '../orders/applyPayment'
import { lockOrder, readLockedOrder } from '../orders/lockOrder'
import { issueReceipt } from '../receipts/issueReceipt'

import { failTip, settleTip } from './tips'

/** Where the money came from, on the debit side of the entry. */
const sourceOf = async (req: PayloadRequest, payment: Payment, tenant: number) =>
  payment.provider === 'wallet' ? { wallet: (await ensureWallet(req, tenant, idOf(payment.client)!, 'client')).id } : { system: 'gateway_clearing' }

const creditWallet = async (req: PayloadRequest, payment: Payment, tenant: number, reference: string, memo: string) => {
  const wallet = await ensureWallet(req, tenant, idOf(payment.client)!, 'client')
  await post(req, tenant, { reference, type: 'client_wallet_top_up', memo, lines: [{ account: { system: 'gateway_clearing' }, debit: payment.amount }, { account: { wallet: wallet.id }, credit: payment.amount }] })
}

/** What a payment pays for, locked and read (no write yet), and how to apply the payment to it. */
type Payable = { refusal: PaymentRefusal | null; write: () => Promise<string> }

/**
 * What a payment for something owed does to it (in the settlement's transaction), the
 * journal entry's type, and the outcome. `open` locks and reads the thing, says whether
 * it can take the money, and hands back its write for when it can.
 */
const PAYABLES: Partial<Record<Payment['purpose'], { type: string; outcome: string; open: (req: PayloadRequest, payment: Payment, now: Date) => Promise<Payable> }>> = {
  order: {
    type: 'order_payment',
    outcome: 'order_paid',
    open: async (req, payment, now) => {
      const order = await readLockedOrder(req, idOf(payment.order)!)
      return {
        refusal: orderPaymentRefusal(order, payment.amount),
        write: async () => {
          await applyPayment(req, order, payment.amount, { source: payment.provider, reference: payment.reference }, now)
          return `Order ${order.id}`
        },
      }
    },
  },
  invoice: { type: 'invoice_payment', outcome: 'invoice_paid', open: (req, payment, now) => openInvoice(req, payment, now) },
  installment: { type: 'invoice_payment', outcome: 'installment_paid', open: (req, payment, now) => openInvoice(req, payment, now) },
  // A special order's milestone is its plan invoice's installment: paid the same way, the plan listener does the rest.
  special_order_milestone: { type: 'invoice_payment', outcome: 'installment_paid', open: (req, payment, now) => openInvoice(req, payment, now) },
}

/** The invoice under its row lock (and the installment paid, if one is), for `PAYABLES`. */
const openInvoice = async (req: PayloadRequest, payment: Payment, now: Date): Promise<Payable> => {
  const invoice = await lockInvoice(req, idOf(payment.invoice)!)
  const installmentId = idOf(payment.installment)
  const installment = installmentId ? await req.payload.findByID({ collection: 'installments', id: installmentId, depth: 0, ...asSystem(proofOf(req)), req }) : null
  return {
    refusal: invoicePaymentRefusal(invoice, installment, payment.amount),
    write: () => applyInvoicePayment(req, invoice, installment, payment.amount, now),
  }
}

/**
 * Applies a succeeded payment, exactly once, in the caller's transaction: the journal
 * entry, the business change (order or invoice paid, wallet topped up) and the client's
 * notification. A payment already applied is left alone. Whether the order or invoice
 * still owes the money is decided before anything is written (`paymentApplication`):
 * money that arrives for one that no longer owes it goes to the client's wallet rather
 * than nowhere, and a wallet payment is refused.
 */
const apply = async (req: PayloadRequest, payment: Payment, now: Date) => {
  const tenant = idOf(payment.tenant)!
  const reference = `payment:${payment.reference}`
  const payable = PAYABLES[payment.purpose]
  if (payable) {
    const target = await payable.open(req, payment, now)
    const decision = paymentApplication(payment.provider, target.refusal)
    if (decision.kind === 'refuse') throw new ClientError(decision.refusal.reason, 422, decision.refusal.field ? { field: decision.refusal.field } : null)
    if (decision.kind === 'credit_wallet') {
      const what = payment.order ? `Order ${idOf(payment.order)}` : `Invoice ${idOf(payment.invoice)}`
      await creditWallet(req, payment, tenant, reference, `${what} no longer owed ${payment.amount}: credited to the wallet`)
      return 'credited_to_wallet'
    }
    const source = await sourceOf(req, payment, tenant)
    const memo = await target.write()
    await post(req, tenant, { reference, type: payable.type, memo, lines: [{ account: source, debit: payment.amount }, { account: { system: 'platform_revenue' }, credit: payment.amount }] })
    await applyDiscountUsage(req, payment)
    return payable.outcome
  }
  if (payment.purpose === 'wallet_top_up') {
    await creditWallet(req, payment, tenant, reference, 'Wallet top-up')
    return 'wallet_credited'
  }
  if (payment.purpose === 'tip') {
    // The order before any wallet, as every other path takes them: a manual tip confirmed
    // while the client tips the same order from their wallet deadlocked the other way round.
    if (payment.order) await lockOrder(req, idOf(payment.order)!)
    await settleTip(req, payment, await sourceOf(req, payment, tenant), reference)
    return 'tip_paid'
  }
  throw new Error(`payments for ${payment.purpose} are not applied by this version`)
}

export type Settlement = { payment: Payment; applied: boolean }

/**
 * A payment's provider says it succeeded: under the payment's row lock, mark it
 * succeeded, apply it and issue its receipt, unless that already happened (a replayed
 * webhook, a second confirm): then nothing changes. A later success overrides an earlier failure (a
 * retried card); nothing overrides a success.
 */
export const settlePayment = async (req: PayloadRequest, paymentId: number, now = new Date()): Promise<Settlement> =>
  inTransaction(req, async () => {
    await lockRow(req, 'payments', paymentId)
    const payment = await req.payload.findByID({ collection: 'payments', id: paymentId, depth: 0, ...asSystem(proofOf(req)), req })
    if (payment.appliedAt) return { payment, applied: false }
    if (payment.status === 'canceled') throw new ClientError('The payment was canceled.', 409)
    const outcome = await apply(req, payment, now)
    const done = await req.payload.update({ collection: 'payments', id: paymentId, data: { status: 'succeeded', appliedAt: now.toISOString(), failureReason: null }, depth: 0, ...asSystem(proofOf(req)), req })
    const paidFor = await orderFacts(req, payment)
    // Last but the event: the receipt's number holds the website's counter until commit.
    const receipt = await issueReceipt(req, payment, outcome, now)
    // The receipt is told to the client even when they paid in this very request (a wallet payment): a receipt is always sent.
    await notify(req, {
      event: 'payment.succeeded',
      recipients: [idOf(payment.client)!],
      tenant: idOf(payment.tenant)!,
      data: { paymentId, reference: payment.reference, purpose: payment.purpose, amount: payment.amount, currency: payment.currency, outcome, receipt: receipt.number, ...paidFor },
      key: `payment.succeeded:${paymentId}`,
    })
    return { payment: done, applied: true }
  })

/** The provider says the payment failed or expired: recorded unless it already succeeded. */
export const failPayment = async (req: PayloadRequest, paymentId: number, status: 'failed' | 'expired', reason: string): Promise<Payment> =>
  inTransaction(req, async () => {
    await lockRow(req, 'payments', paymentId)
    const payment = await req.payload.findByID({ collection: 'payments', id: paymentId, depth: 0, ...asSystem(proofOf(req)), req })
    if (payment.status !== 'pending' && payment.status !== 'failed') return payment
    if (payment.purpose === 'tip') await failTip(req, payment)
    await releaseDiscountUsage(req, payment)
    const failed = await req.payload.update({ collection: 'payments', id: paymentId, data: { status, failureReason: reason }, depth: 0, ...asSystem(proofOf(req)), req })
    // Told once per payment (a retried card that fails again is the same story); not to a client refused in their own request.
    const told = partiesBut(actorOf(req)?.id, [idOf(payment.client)])
    if (payment.status === 'pending' && told.length > 0) {
      await notify(req, {
        event: 'payment.failed',
        recipients: told,
        tenant: idOf(payment.tenant)!,
        data: { paymentId, reference: payment.reference, purpose: payment.purpose, amount: payment.amount, currency: payment.currency, status, reason, ...(await orderFacts(req, payment)) },
        key: `payment.failed:${paymentId}`,
      })
    }
    return failed
  })

/** The order a payment is for (its id and number), for the client's notification. */
const orderFacts = async (req: PayloadRequest, payment: Payment) => {
  const orderId = idOf(payment.order)
  if (!orderId) return {}
  const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } })
  return { orderId, number: order.number }
}
