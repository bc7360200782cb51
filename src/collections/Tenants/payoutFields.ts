import type { NamedGroupField } from 'payload'

import { DEFAULT_PAYOUTS } from '@/domain/payouts/settings'

/** Writer payouts (reference §6.7, §12.6): payment windows and payout requests. */
export const payoutFields: NamedGroupField = {
  name: 'payouts',
  type: 'group',
  fields: [
    { name: 'windowDays', type: 'number', defaultValue: DEFAULT_PAYOUTS.windowDays, min: 1, max: 92, admin: { description: 'Days in a payment window (14 = bi-weekly).' } },
    { name: 'requestExpiryDays', type: 'number', defaultValue: DEFAULT_PAYOUTS.requestExpiryDays, min: 1, max: 90, admin: { description: 'Days a payout request may wait for a decision before its hold is released.' } },
    { name: 'maxOpenRequests', type: 'number', defaultValue: DEFAULT_PAYOUTS.maxOpenRequests, min: 1, max: 20, admin: { description: 'Pending payout requests a writer may have at once.' } },
  ],
}
