import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { nobody, staffField, staffRowsOrOwn } from '@/access/rules'
import { REFERRAL_STATUSES } from '@/domain/referrals/workflow'
import { referralEndpoints } from '@/endpoints/referrals'
import { actionPanelField } from '@/fields/actionPanel'
import { moneyField } from '@/fields/money'
import { readableBy } from '@/fields/readableBy'
import { serverOnlyField } from '@/fields/serverOnly'
import { statusField } from '@/fields/status'
import { userRefField } from '@/fields/userRef'

/**
 * A client registered with another client's referral code (reference §8.2): the
 * referrer is rewarded when the referee's first order is paid and approved, once; a
 * referral an abuse rule or a monthly limit flagged is held for staff review. Admins and
 * support of the website read all; a referrer their own, without who the referee is or
 * the review's facts (addresses, browsers, flags).
 */
export const Referrals: CollectionConfig<'referrals'> = {
  slug: 'referrals',
  lockDocuments: false,
  endpoints: referralEndpoints,
  admin: { ...navigation('People'), defaultColumns: ['referrer', 'referee', 'status', 'createdAt'] },
  access: { read: staffRowsOrOwn('referrer', ['admin', 'support']), create: nobody, update: nobody, delete: nobody },
  fields: [
    actionPanelField(),
    userRefField('referrer', { roles: ['client'], required: true, serverOnly: true }),
    // One referral per referee, ever: the unique index decides between racing registrations.
    readableBy(staffField, { ...userRefField('referee', { roles: ['client'], required: true, serverOnly: true }), unique: true }),
    serverOnlyField({ name: 'code', type: 'text', required: true, maxLength: 32 }),
    statusField({ statuses: REFERRAL_STATUSES, defaultValue: 'pending' }),
    readableBy(staffField, serverOnlyField({ name: 'refereeIp', type: 'text', maxLength: 64, index: true })),
    readableBy(staffField, serverOnlyField({ name: 'refereeUserAgent', type: 'text', maxLength: 512 })),
    readableBy(staffField, serverOnlyField({ name: 'referrerIp', type: 'text', maxLength: 64 })),
    readableBy(staffField, serverOnlyField({ name: 'referrerUserAgent', type: 'text', maxLength: 512 })),
    // JSON rather than an array: Payload hands a hidden array back empty instead of leaving it out.
    readableBy(staffField, serverOnlyField({ name: 'flags', type: 'json', admin: { description: 'Why the referral was held for review: [{ rule, detail }] (rules in src/domain/referrals/abuse.ts).' } })),
    serverOnlyField({
      name: 'reward',
      type: 'group',
      admin: { description: 'What was paid when the referral was rewarded.' },
      fields: [
        moneyField('walletCents', { serverOnly: true, description: 'Credited to the referrer’s wallet.' }),
        { name: 'referrerPoints', type: 'number', min: 0 },
        { name: 'refereePoints', type: 'number', min: 0 },
      ],
    }),
    readableBy(staffField, serverOnlyField({ name: 'qualifyingOrder', type: 'relationship', relationTo: 'orders', admin: { description: 'The referee’s first paid and approved order.' } })),
    serverOnlyField({ name: 'rewardedAt', type: 'date' }),
    readableBy(staffField, serverOnlyField({ name: 'voidedReason', type: 'text', maxLength: 2000 })),
  ],
}
