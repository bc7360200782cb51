import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, OrderLabel, reasonSuffix, textOf } from './facts'

/**
 * A payment's outcome, told to the client who paid (reference §9.3 `billing.receipt.issued`).
 * Facts: `paymentId`, `amount`, `currency`, `purpose`, `outcome`, `receipt` (its number),
 * `orderId` and `number` of an order paid, `reason` of a failure. The receipt is sent
 * whatever the preferences say (`high`, a receipt).
 */
const WHAT: Record<string, string> = {
  order: 'your order',
  invoice: 'your invoice',
  installment: 'an installment of your invoice',
  wallet_top_up: 'your wallet top-up',
  tip: 'your tip',
}

const forWhat = (d: Record<string, unknown>) => (textOf(d, 'number') ? OrderLabel(d).replace(/^Order/, 'order') : (WHAT[textOf(d, 'purpose')] ?? 'your payment'))

export const PAYMENT_EVENTS: Record<string, EventDescriber> = {
  'payment.succeeded': (d) => {
    const receipt = textOf(d, 'receipt')
    const credited = textOf(d, 'outcome') === 'credited_to_wallet'
    return {
      category: 'payments',
      priority: 'high',
      title: `Payment received: ${moneyOf(d)}`,
      body:
        `We received your payment of ${moneyOf(d)} for ${forWhat(d)}.` +
        (credited ? ' It was no longer owed, so it went to your wallet.' : '') +
        (receipt ? ` Your receipt number is ${receipt}.` : ''),
      link: linkTo('/orders', d, 'orderId', '/payments'),
    }
  },
  'payment.failed': (d) => ({
    category: 'payments',
    priority: 'high',
    title: `Payment ${textOf(d, 'status') === 'expired' ? 'expired' : 'failed'}: ${moneyOf(d)}`,
    body: `Your payment of ${moneyOf(d)} for ${forWhat(d)} did not go through. Nothing was charged; you can try again.${reasonSuffix(d)}`,
    link: linkTo('/orders', d, 'orderId', '/payments'),
  }),
}
