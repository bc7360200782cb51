/**
 * Every job type and the payload its handler receives. One map so that `enqueue`
 * and the handlers agree at compile time.
 */
export type JobPayloads = {
  /** Welcome mail to a newly registered client, with the link that verifies their address. */
  'mail.welcome': { userId: number; verifyToken?: string }
  /** A new link verifying the user's address (asked for again). */
  'mail.verifyEmail': { userId: number; token: string }
  /** The link confirming a new address, to that address (`to`); the change waits for it. */
  'mail.confirmEmailChange': { userId: number; token: string; to: string }
  /** To the address being replaced (`to`): a change to another address (`masked`: `n***@example.com`) was asked for. */
  'mail.emailChangeNotice': { userId: number; to: string; masked: string }
  /** Someone registered on `website` with the address of this account: told to its owner only. */
  'mail.registrationAttempt': { userId: number; website: number }
  /** Password-reset mail with the token Payload generated. */
  'mail.passwordReset': { userId: number; token: string; audience: 'admin' | 'site' }
  /** A single-use sign-in link (magic link) for a client or writer; `token` is the plain secret, stored only hashed. */
  'mail.magicLink': { userId: number; token: string }
  /** Failed logins to the user's account passed the account-wide ceiling (one per window), with the single-use unlock link's token. */
  'mail.loginFailures': { userId: number; failures: number; windowMinutes: number; token: string }
  /** An invoice (or installment) reminder to the invoice's client: upcoming, due or overdue. */
  'mail.billingReminder': { invoiceId: number; installmentId: number | null; kind: 'upcoming' | 'due' | 'overdue' }
  /** A live event for one user, or for the staff of a website. */
  'live.event': {
    audience: { user: number } | { staffOfTenant: number }
    event: string
    data: Record<string, unknown>
  }
  /** A mail campaign's test send: the campaign as its recipients will see it, to the admin who asked only. */
  'mail.campaignTest': { campaignId: number; userId: number }
  /** One notification's mail to its recipient, rendered from the website's template or the default. */
  'notification.mail': { notificationId: number }
  /** One digest mail gathering a user's held notifications (already marked digested by the run that queued it). */
  'notification.digest': { userId: number; notificationIds: number[]; frequency: 'hourly' | 'daily' | 'weekly' }
  /** Used by tests and operators to check that the pipeline works. */
  'test.noop': { note?: string }
}

export type JobType = keyof JobPayloads

/**
 * Payload keys that hold a secret, per job type. The row keeps them while its job may
 * still run (a retry needs them); the UPDATE that marks it done overwrites them, and no
 * API read shows them, even while pending (see `src/jobs/secrets.ts`). A new job type
 * carrying a token, a password or a key declares it here.
 */
export const JOB_SECRETS: { readonly [T in JobType]?: readonly (keyof JobPayloads[T] & string)[] } = {
  'mail.passwordReset': ['token'],
  'mail.welcome': ['verifyToken'],
  'mail.verifyEmail': ['token'],
  'mail.confirmEmailChange': ['token'],
  'mail.loginFailures': ['token'],
  'mail.magicLink': ['token'],
}

/** What a queued job carries: everything else is read from the outbox row. */
export type JobData = { outboxId: number; type: JobType; tenant: number | null }
