'use client'

/** Fired on the window when an impersonation starts or stops in this tab, so the banner reloads at once. */
export const IMPERSONATION_CHANGED = 'scriptorium:impersonation-changed'

export const announceImpersonationChange = () => window.dispatchEvent(new Event(IMPERSONATION_CHANGED))
