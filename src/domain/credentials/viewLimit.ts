/**
 * At most 10 credential views a minute per viewer and class (domain.md §10.2): a writer
 * who opens them in a loop, or a stolen session scraping them, is stopped and logged. Every
 * attempt of someone who can see the class counts, refused ones too. Counted by the
 * platform's rate limiter (src/security/rateLimits.ts), in Redis when configured.
 */
export const CREDENTIAL_VIEW_LIMIT = { name: 'credentialViews', points: 10, durationS: 60, label: 'views of these credentials' } as const

/** What one counter counts: one viewer on one class of one website. */
export const credentialViewSubject = (tenant: number, classOrder: number, viewer: number): string => `${tenant}:${classOrder}:${viewer}`
