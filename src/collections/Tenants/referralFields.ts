import type { NamedGroupField } from 'payload'

import { DEFAULT_REFERRALS } from '@/domain/referrals/settings'
import { moneyField } from '@/fields/money'

const D = DEFAULT_REFERRALS

/** The website's referral programme (reference §8.2): rewards, the referee's discount, abuse limits. */
export const referralFields: NamedGroupField = {
  name: 'referrals',
  type: 'group',
  fields: [
    { name: 'enabled', type: 'checkbox', defaultValue: D.enabled, admin: { description: 'Clients may register with a referral code and earn rewards.' } },
    moneyField('referrerWalletBonus', { defaultValue: D.referrerWalletBonus, description: 'Credited to the referrer’s wallet when the referee’s first order is paid and approved.' }),
    { name: 'referrerPoints', type: 'number', min: 0, max: 1_000_000, defaultValue: D.referrerPoints, admin: { description: 'Loyalty points to the referrer on the same occasion.' } },
    { name: 'refereePoints', type: 'number', min: 0, max: 1_000_000, defaultValue: D.refereePoints, admin: { description: 'Loyalty points to the referee on their first paid and approved order.' } },
    {
      name: 'refereeDiscount',
      type: 'group',
      admin: { description: 'The referee’s discount on their first order (competes with other discounts: the best one applies).' },
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: D.refereeDiscount.enabled },
        { name: 'kind', type: 'select', options: ['percentage', 'fixed'], defaultValue: D.refereeDiscount.kind },
        { name: 'value', type: 'number', min: 0, max: 1_000_000, defaultValue: D.refereeDiscount.value, admin: { description: 'Percent, or cents for a fixed amount.' } },
      ],
    },
    { name: 'maxReferralsPerMonth', type: 'number', min: 0, max: 10_000, defaultValue: D.maxReferralsPerMonth, admin: { description: 'Further referrals of one referrer in a month are held for review.' } },
    moneyField('maxBonusPerMonth', { defaultValue: D.maxBonusPerMonth, description: 'Wallet bonus one referrer may earn in a month; a reward past it is held for review.' }),
    { name: 'burstCount', type: 'number', min: 1, max: 10_000, defaultValue: D.burstCount, admin: { description: 'This many referrals by one referrer within the burst minutes are held.' } },
    { name: 'burstMinutes', type: 'number', min: 1, max: 100_000, defaultValue: D.burstMinutes },
    { name: 'sameIpCount', type: 'number', min: 1, max: 10_000, defaultValue: D.sameIpCount, admin: { description: 'This many referrals registered from one address within the window are held.' } },
    { name: 'sameIpWindowDays', type: 'number', min: 1, max: 365, defaultValue: D.sameIpWindowDays },
  ],
}
