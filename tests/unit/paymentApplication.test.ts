import { describe, expect, it } from 'vitest'

import { invoicePaymentRefusal, orderPaymentRefusal, paymentApplication } from '@/domain/payments/application'

describe('whether an order takes a payment', () => {
  const order = { status: 'pending_payment' as const, total: 10_000, amountPaid: 4_000 }

  it('takes up to what it still owes', () => {
    expect(orderPaymentRefusal(order, 6_000)).toBeNull()
    expect(orderPaymentRefusal(order, 1)).toBeNull()
  })

  it('refuses more than it owes, naming the amount', () => {
    expect(orderPaymentRefusal(order, 6_001)).toEqual({ reason: 'Only 6000 cents are still owed on this order.', field: 'amount' })
    expect(orderPaymentRefusal({ ...order, amountPaid: 10_000, status: 'ready_for_staffing' }, 1)).toMatchObject({ field: 'amount' })
  })

  it('refuses anything once closed, naming the order', () => {
    for (const status of ['cancelled', 'refunded', 'archived'] as const) {
      expect(orderPaymentRefusal({ ...order, status }, 100)).toEqual({ reason: `order: a ${status} order takes no payment.`, field: 'order' })
    }
  })
})

describe('whether an invoice takes a payment', () => {
  const invoice = { number: 'INV-7', status: 'issued' as const, total: 9_000, amountPaid: 3_000 }
  const installment = { sequence: 2, status: 'pending' as const, amount: 3_000, amountPaid: 1_000 }

  it('takes what is left on the invoice, or on one installment', () => {
    expect(invoicePaymentRefusal(invoice, null, 6_000)).toBeNull()
    expect(invoicePaymentRefusal({ ...invoice, status: 'partially_paid' }, installment, 2_000)).toBeNull()
  })

  it('refuses an invoice that takes no money in its status', () => {
    for (const status of ['draft', 'paid', 'cancelled', 'expired'] as const) {
      expect(invoicePaymentRefusal({ ...invoice, status }, null, 100)).toEqual({ reason: `Invoice INV-7 is ${status}.` })
    }
  })

  it('refuses more than the invoice or the installment owes', () => {
    expect(invoicePaymentRefusal(invoice, null, 6_001)).toEqual({ reason: 'Invoice INV-7 owes less than 6001.' })
    expect(invoicePaymentRefusal(invoice, installment, 2_001)).toEqual({ reason: 'Installment 2 owes less than 2001.' })
  })

  it('refuses an installment that is paid or waived, whatever it still shows as owed', () => {
    for (const status of ['paid', 'waived'] as const) {
      expect(invoicePaymentRefusal(invoice, { ...installment, status }, 1)).toEqual({ reason: `Installment 2 is ${status}.` })
    }
  })
})

describe('what a succeeded payment does', () => {
  const refusal = { reason: 'Invoice INV-7 is cancelled.' }

  it('is applied when nothing refuses it, whatever the provider', () => {
    for (const provider of ['stripe', 'manual', 'wallet'] as const) expect(paymentApplication(provider, null)).toEqual({ kind: 'apply' })
  })

  it('goes to the wallet when money came from outside for something that no longer owes it', () => {
    expect(paymentApplication('stripe', refusal)).toEqual({ kind: 'credit_wallet', refusal })
    expect(paymentApplication('manual', refusal)).toEqual({ kind: 'credit_wallet', refusal })
  })

  it('is refused when it was to come from the wallet itself', () => {
    expect(paymentApplication('wallet', refusal)).toEqual({ kind: 'refuse', refusal })
  })
})
