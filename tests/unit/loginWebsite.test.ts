import { describe, expect, it } from 'vitest'

import { loginRefusedMessage, mayLogInOn } from '@/domain/logins/website'

const client = { panel: false, allTenants: false, tenantIds: [1] }
const support = { panel: true, allTenants: false, tenantIds: [1, 2] }
const superadmin = { panel: true, allTenants: true, tenantIds: [] }

describe('mayLogInOn', () => {
  it('lets clients and writers in on their own website only, never with no website named', () => {
    expect(mayLogInOn(client, 1)).toBe(true)
    expect(mayLogInOn(client, 2)).toBe(false)
    expect(mayLogInOn(client, null)).toBe(false)
  })
  it('lets staff in on the websites they hold and on the platform host', () => {
    expect(mayLogInOn(support, 2)).toBe(true)
    expect(mayLogInOn(support, 3)).toBe(false)
    expect(mayLogInOn(support, null)).toBe(true)
  })
  it('lets a superadmin in everywhere', () => {
    expect(mayLogInOn(superadmin, 99)).toBe(true)
    expect(mayLogInOn(superadmin, null)).toBe(true)
  })
})

describe('loginRefusedMessage', () => {
  it('names the request’s website and nothing about the account', () => {
    expect(loginRefusedMessage('Beta Papers')).toBe(
      'The email or password is wrong for Beta Papers. Clients and writers log in on the website where they registered.',
    )
    expect(loginRefusedMessage(null)).toBe('The email or password is wrong. Clients and writers log in on the website where they registered.')
  })
})
