import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, orderLabel, reasonSuffix, textOf } from './facts'

/**
 * Money given back to a client (reference §9.3 `wallet.client.refunded`). Facts:
 * `refundId`, `orderId`, `number`, `amount`, `currency`, `destination` (wallet | provider),
 * `reason`.
 */
export const REFUND_EVENTS: Record<string, EventDescriber> = {
  'refund.issued': (d) => ({
    category: 'payments',
    priority: 'high',
    title: `Refund: ${moneyOf(d)}`,
    body: `${moneyOf(d)} of ${orderLabel(d)} ${textOf(d, 'destination') === 'provider' ? 'is on its way back to your card' : 'is back in your wallet'}.${reasonSuffix(d)}`,
    link: linkTo('/orders', d, 'orderId', '/wallet'),
  }),
  'refund.failed': (d) => ({
    category: 'payments',
    priority: 'high',
    title: `Card refund failed: ${moneyOf(d)} went to your wallet`,
    body: `Your card could not take back the refund of ${moneyOf(d)} for ${orderLabel(d)}, so the money is in your wallet instead.`,
    link: '/wallet',
  }),
}
