/** Who may log in on which website, and the one answer every refused login gets. */

export type LoginMember = { panel: boolean; allTenants: boolean; tenantIds: readonly number[] }

/**
 * Clients and writers log in only on their own website; staff and content editors on a website they hold,
 * or with no website named (the admin panel on the platform host). `tenantId` is the
 * request's website, null when none matched.
 */
export const mayLogInOn = (member: LoginMember, tenantId: number | null): boolean => {
  if (member.panel) return tenantId === null || member.allTenants || member.tenantIds.includes(tenantId)
  return tenantId !== null && member.tenantIds.includes(tenantId)
}

/**
 * The answer to an unknown email, a wrong password and an account of another website
 * alike: it names the request's website, never anything about the account.
 */
export const loginRefusedMessage = (websiteName: string | null): string =>
  `The email or password is wrong${websiteName ? ` for ${websiteName}` : ''}. Clients and writers log in on the website where they registered.`
