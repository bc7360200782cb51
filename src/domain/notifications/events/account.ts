import type { EventDescriber } from '../catalogue'

import { textOf } from './facts'

/** Security notices to the account's owner. Facts: `device`, `address`, `website`. */
export const ACCOUNT_EVENTS: Record<string, EventDescriber> = {
  'account.new_sign_in': (d) => ({
    category: 'account',
    priority: 'high',
    title: `New sign-in from ${textOf(d, 'device', 'a new device')}`,
    body: `Your account was signed in to from ${textOf(d, 'device', 'a new device')} (address ${textOf(d, 'address', 'unknown')}). If this was not you, sign out of every session and change your password.`,
    link: '/account/sessions',
  }),
}
