/**
 * What is rate limited, with the defaults a website starts with (its settings may raise
 * or lower the counts; the windows are fixed). Failed logins per account are counted
 * across websites, so their rules live in `domain/logins/throttle.ts`, not here.
 */
export const RATE_LIMITS = {
  loginPerIpPerMinute: { points: 30, durationS: 60, label: 'login attempts from this address' },
  registrationPerIpPerHour: { points: 20, durationS: 3600, label: 'registrations from this address' },
  registrationPerEmailPerHour: { points: 5, durationS: 3600, label: 'registrations for this email' },
  passwordResetPerEmailPerHour: { points: 5, durationS: 3600, label: 'password resets for this email' },
  magicLinkPerEmailPerHour: { points: 5, durationS: 3600, label: 'sign-in links for this email' },
  magicLinkPerIpPerHour: { points: 20, durationS: 3600, label: 'sign-in links from this address' },
  invoicePayPerIpPerMinute: { points: 30, durationS: 60, label: 'pay-link requests from this address' },
} as const

export type RateLimitName = keyof typeof RATE_LIMITS
