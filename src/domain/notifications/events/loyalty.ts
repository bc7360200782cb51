import type { EventDescriber } from '../catalogue'

import { countOf, linkTo, reasonSuffix, textOf } from './facts'

/**
 * A client's loyalty points (reference §9.3 `loyalty.*`). Facts: `transaction`, `points`,
 * `balance`, `reason`, `tier`, `redemption`, `discountCode`.
 */
const redemption = (title: string, body: (d: Record<string, unknown>) => string): EventDescriber => (d) => ({
  category: 'account',
  priority: 'normal',
  title,
  body: body(d),
  link: linkTo('/loyalty/redemptions', d, 'redemption', '/loyalty'),
})

export const LOYALTY_EVENTS: Record<string, EventDescriber> = {
  'loyalty.points_awarded': (d) => ({
    category: 'account',
    priority: 'low',
    title: `You earned ${countOf(d, 'points', 'point', 'loyalty points')}`,
    body: `${countOf(d, 'points', 'point', 'Loyalty points')} were added to your account${textOf(d, 'balance') ? `; you now have ${countOf(d, 'balance', 'point', '')}` : ''}.${reasonSuffix(d)}`,
    link: '/loyalty',
  }),
  'loyalty.tier_upgraded': (d) => {
    const tier = textOf(d, 'tier')
    return {
      category: 'account',
      priority: 'normal',
      title: tier ? `Welcome to the ${tier} tier` : 'You reached a new loyalty tier',
      body: `Your loyalty points took you to ${tier ? `the ${tier} tier` : 'a new tier'}, with its benefits on your next orders.`,
      link: '/loyalty',
    }
  },
  'loyalty_redemption.approved': redemption('Your reward is approved', (d) => `Your redemption of ${countOf(d, 'points', 'point', 'points')} is approved.`),
  'loyalty_redemption.fulfilled': redemption('Your reward is ready', (d) => {
    const code = textOf(d, 'discountCode')
    return `Your redemption of ${countOf(d, 'points', 'point', 'points')} is fulfilled.${code ? ` Your discount code is ${code}.` : ''}`
  }),
  'loyalty_redemption.rejected': redemption('Your reward request was declined', (d) => `Your redemption was declined and its ${countOf(d, 'points', 'point', 'points')} are back in your account.${reasonSuffix(d)}`),
  'loyalty_redemption.cancelled': redemption('Your reward request was cancelled', (d) => `Your redemption was cancelled and its ${countOf(d, 'points', 'point', 'points')} are back in your account.${reasonSuffix(d)}`),
}
