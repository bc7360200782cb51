import type { EventDescriber } from '../catalogue'

import { numberOf, textOf } from './facts'

/** "15 minutes", "1 hour", "24 hours" from a number of minutes; a vaguer phrase without one. */
const lengthOf = (minutes: number | null): string => {
  if (minutes === null || minutes <= 0) return 'a while'
  if (minutes % 60 !== 0) return `${minutes} minute${minutes === 1 ? '' : 's'}`
  const hours = minutes / 60
  return `${hours} hour${hours === 1 ? '' : 's'}`
}

/**
 * The owner's own account (issue 16, security events). `account.locked_out`: one address
 * failed to log in to the account too often and is locked out of it. Facts: `address`,
 * `failures`, `minutes`, `lockout` (the how-manieth for that address). The owner's other
 * addresses are not affected, so it is high, not critical; told once per account and hour
 * (an attack from many addresses gets the ceiling's mail with its unlock link instead).
 */
export const ACCOUNT_EVENTS: Record<string, EventDescriber> = {
  // A sign-in from a device and address the account never used. Facts: `device`, `address`.
  'account.new_sign_in': (d) => ({
    category: 'account',
    priority: 'high',
    title: `New sign-in from ${textOf(d, 'device', 'a new device')}`,
    body: `Your account was signed in to from ${textOf(d, 'device', 'a new device')} (address ${textOf(d, 'address', 'unknown')}). If this was not you, sign out of every session and change your password.`,
    link: '/account/sessions',
  }),
  // Staff reset the owner's second factor (they lost their app); every session ended with it. Facts: `at`.
  'account.second_factor_reset': () => ({
    category: 'account',
    priority: 'critical',
    title: 'Your two-factor sign-in was reset',
    body: 'Our staff switched off two-factor sign-in on your account and signed out every session. Sign in with your password and set up your authenticator app again. If you did not ask for this, change your password and contact us at once.',
    link: '/account',
  }),
  'account.locked_out': (d) => {
    const failures = numberOf(d, 'failures')
    const from = textOf(d, 'address', 'one address')
    return {
      category: 'account',
      priority: 'high',
      title: 'An address was locked out of your account',
      body: `${failures === null ? 'After repeated failed logins' : `After ${failures} failed logins`} from ${from}, that address cannot log in to your account for ${lengthOf(numberOf(d, 'minutes'))}. You can still log in from your usual devices. If these attempts were not yours, choose a new password.`,
      link: '/account',
    }
  },
}
