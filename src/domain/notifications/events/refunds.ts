import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, orderLabel, reasonSuffix, textOf } from './facts'

/**
 * Money given back to a client (reference §9.3 `wallet.client.refunded`). Facts:
 * `refundId`, one of `orderId`, `specialOrder`, `classOrder`, `number`, `amount`, `currency`, `destination` (wallet | provider
 * | external), `reason`.
 */
const WHERE_IT_WENT: Record<string, string> = { provider: 'is on its way back to your card', external: 'has been paid back to you directly', wallet: 'is back in your wallet' }

export const REFUND_EVENTS: Record<string, EventDescriber> = {
  'refund.issued': (d) => ({
    category: 'payments',
    priority: 'high',
    title: `Refund: ${moneyOf(d)}`,
    body: `${moneyOf(d)} of ${orderLabel(d)} ${WHERE_IT_WENT[textOf(d, 'destination')] ?? WHERE_IT_WENT.wallet}.${reasonSuffix(d)}`,
    link: linkTo('/orders', d, 'orderId') ?? linkTo('/special-orders', d, 'specialOrder') ?? linkTo('/class-orders', d, 'classOrder', '/wallet'),
  }),
  'refund.failed': (d) => ({
    category: 'payments',
    priority: 'high',
    title: `Card refund failed: ${moneyOf(d)} went to your wallet`,
    body: `Your card could not take back the refund of ${moneyOf(d)} for ${orderLabel(d)}, so the money is in your wallet instead.`,
    link: '/wallet',
  }),
}
