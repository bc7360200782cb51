import type { EventDescriber } from '../catalogue'

import { moneyOf, reasonSuffix, textOf, wordsOf } from './facts'

/**
 * A writer's money leaving the platform (reference §9.3 `compensation.*`). Facts:
 * `record` or `request` (ids), `amount`, `currency`, `method`, `externalReference`, `reason`.
 */
const method = (d: Record<string, unknown>) => {
  const how = textOf(d, 'method')
  const ref = textOf(d, 'externalReference')
  return how ? ` by ${wordsOf(how)}${ref ? ` (reference ${ref})` : ''}` : ''
}

export const PAYOUT_EVENTS: Record<string, EventDescriber> = {
  'payout.paid': (d) => ({
    category: 'payouts',
    priority: 'high',
    title: `Payout sent: ${moneyOf(d)}`,
    body: `Your payout of ${moneyOf(d)} was paid${method(d)}.`,
    link: '/payouts',
  }),
  'payout_request.approved': (d) => ({
    category: 'payouts',
    priority: 'high',
    title: `Payout request approved: ${moneyOf(d)}`,
    body: `Your payout request for ${moneyOf(d)} was approved and paid${method(d)}.`,
    link: '/payouts',
  }),
  'payout_request.rejected': (d) => ({
    category: 'payouts',
    priority: 'high',
    title: `Payout request declined: ${moneyOf(d)}`,
    body: `Your payout request for ${moneyOf(d)} was declined; the amount is available in your wallet again.${reasonSuffix(d)}`,
    link: '/payouts',
  }),
  'payout_request.expired': (d) => ({
    category: 'payouts',
    priority: 'normal',
    title: `Payout request expired: ${moneyOf(d)}`,
    body: `Your payout request for ${moneyOf(d)} expired without a decision; the amount is available in your wallet again. You can ask again.`,
    link: '/payouts',
  }),
}
