import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, orderLabel, textOf } from './facts'

/** A client's tip, told to the writer (reference §9.3 `tips.*`). Facts: `tipId`, `order`, `number`, `amount` (the writer's share), `currency`, `message`. */
export const TIP_EVENTS: Record<string, EventDescriber> = {
  'tip.received': (d) => {
    const message = textOf(d, 'message')
    return {
      category: 'payouts',
      priority: 'normal',
      title: `You received a tip: ${moneyOf(d)}`,
      body: `The client of ${orderLabel(d)} tipped you ${moneyOf(d)}; it is in your wallet.${message ? ` They wrote: “${message}”` : ''}`,
      link: linkTo('/orders', d, 'order', '/wallet'),
    }
  },
}
