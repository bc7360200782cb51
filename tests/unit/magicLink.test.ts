import { describe, expect, it } from 'vitest'

import { magicLinkRequestedMessage, mayUseMagicLink } from '@/domain/logins/magicLink'

const client = { panel: false, allTenants: false, tenantIds: [1] }
const support = { panel: true, allTenants: false, tenantIds: [1] }
const superadmin = { panel: true, allTenants: true, tenantIds: [] }

describe('mayUseMagicLink', () => {
  it('lets a client or writer of the website in', () => {
    expect(mayUseMagicLink(client, 1)).toBe(true)
    expect(mayUseMagicLink({ ...client, suspended: false }, 1)).toBe(true)
  })
  it('refuses another website’s account and a suspended one', () => {
    expect(mayUseMagicLink(client, 2)).toBe(false)
    expect(mayUseMagicLink({ ...client, suspended: true }, 1)).toBe(false)
  })
  it('refuses every panel role, even on a website they hold', () => {
    expect(mayUseMagicLink(support, 1)).toBe(false)
    expect(mayUseMagicLink(superadmin, 1)).toBe(false)
  })
})

describe('magicLinkRequestedMessage', () => {
  it('names the website and nothing about the account', () => {
    expect(magicLinkRequestedMessage('Alpha Essays')).toBe(
      'If this email belongs to a client or writer of Alpha Essays who may sign in by link, a link has been mailed to it; it works once, within 15 minutes.',
    )
  })
})
