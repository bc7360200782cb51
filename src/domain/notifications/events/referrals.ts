import type { EventDescriber } from '../catalogue'

import { countOf, moneyOf, numberOf } from './facts'

/**
 * A referrer's referrals (reference §9.3 `referral.reward_earned`). Facts: `referral`,
 * `status`, `walletCents`, `referrerPoints`, `currency`, `walletBonusSkipped` (the website
 * offers no wallet, so its bonus was not paid).
 */
export const REFERRAL_EVENTS: Record<string, EventDescriber> = {
  'referral.registered': () => ({
    category: 'account',
    priority: 'low',
    title: 'Someone joined with your referral code',
    body: 'A new client registered with your referral code. You will be rewarded when their first order is paid and approved.',
    link: '/referrals',
  }),
  'referral.rewarded': (d) => {
    const parts = [(numberOf(d, 'walletCents') ?? 0) > 0 ? `${moneyOf(d, 'walletCents')} in your wallet` : null, (numberOf(d, 'referrerPoints') ?? 0) > 0 ? countOf(d, 'referrerPoints', 'loyalty point', '') : null].filter(Boolean)
    return {
      category: 'account',
      priority: 'normal',
      title: 'You earned a referral reward',
      body: `A client you referred completed their first order${parts.length > 0 ? `: you get ${parts.join(' and ')}` : ''}.${d.walletBonusSkipped === true ? ' This website does not offer a wallet, so there is no wallet bonus.' : ''}`,
      link: '/referrals',
    }
  },
}
