import { createLocalReq, type Payload } from 'payload'

import { performAction } from '../workflow/performAction'

import { dueIds, eachOnItsOwn } from './due'

/** The schedule: requests still pending at their expiry are released by the platform's `expire` action, each on its own; one decided meanwhile is left alone (409, logged). */
export const expirePayoutRequests = async (payload: Payload, now: Date) => {
  const { done, failed } = await eachOnItsOwn(payload, 'expiring a payout request', await dueIds(payload, 'payout-requests', 'pending', 'expiresAt', now), async (id) => {
    const req = await createLocalReq({}, payload)
    await performAction(req, 'payout-requests', id, 'expire', {}, { system: true, now })
    return true
  })
  return { expired: done, failed }
}
