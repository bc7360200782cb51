/**
 * Magic-link sign-in (issue 16): who may be mailed a link, how long it lives, and the
 * answers, which say nothing about the account.
 */
import { type LoginMember, mayLogInOn } from './website'

/** A link works once, within 15 minutes of being mailed. */
export const MAGIC_LINK_TTL_MS = 15 * 60_000

export type MagicLinkMember = LoginMember & { suspended?: boolean | null }

/**
 * Clients and writers of the website who may log in on it and are not suspended. Never a
 * panel role (staff and content editors), whatever else the account holds: they sign in
 * with a password and, where their websites require it, a second factor, which a mailbox
 * must not replace.
 */
export const mayUseMagicLink = (member: MagicLinkMember, tenantId: number): boolean =>
  !member.panel && member.suspended !== true && mayLogInOn(member, tenantId)

/** The one answer to every request for a link, whatever the email: whether one was mailed is for the mailbox to tell. */
export const magicLinkRequestedMessage = (websiteName: string): string =>
  `If this email belongs to a client or writer of ${websiteName} who may sign in by link, a link has been mailed to it; it works once, within 15 minutes.`

/** The one refusal of a link that does not sign in: used, expired, for another website, never issued. */
export const MAGIC_LINK_INVALID = 'This sign-in link is no longer valid (it was used, it expired, or it is for another website): ask for a new one.'
