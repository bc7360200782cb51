import type { NamedGroupField } from 'payload'

import { LOCKOUT } from '@/domain/logins/throttle'

/**
 * Failed-login lockout (docs/settings.md): after `failures` failed logins for one account
 * from one address within `windowMinutes`, that address is locked out of that account for
 * 15 min, then 1 h, then 24 h. Read for the website the login happens on.
 */
export const lockoutFields: NamedGroupField = {
  name: 'lockout',
  type: 'group',
  admin: { description: 'Failed logins for one account from one address before that address is locked out of it (15 min, then 1 h, then 24 h). Other addresses are never refused.' },
  fields: [
    {
      name: 'failures',
      type: 'number',
      defaultValue: LOCKOUT.failures.default,
      min: LOCKOUT.failures.min,
      max: LOCKOUT.failures.max,
      validate: (value: number | null | undefined) =>
        value == null || (Number.isInteger(value) && value >= LOCKOUT.failures.min && value <= LOCKOUT.failures.max) || `A whole number from ${LOCKOUT.failures.min} to ${LOCKOUT.failures.max}.`,
      admin: { description: 'Failed logins allowed within the window.' },
    },
    {
      name: 'windowMinutes',
      type: 'number',
      defaultValue: LOCKOUT.windowMinutes.default,
      min: LOCKOUT.windowMinutes.min,
      max: LOCKOUT.windowMinutes.max,
      validate: (value: number | null | undefined) =>
        value == null ||
        (Number.isInteger(value) && value >= LOCKOUT.windowMinutes.min && value <= LOCKOUT.windowMinutes.max) ||
        `A whole number of minutes from ${LOCKOUT.windowMinutes.min} to ${LOCKOUT.windowMinutes.max}.`,
      admin: { description: 'Minutes in which the failures count, from the first.' },
    },
  ],
}
