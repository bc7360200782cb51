import { describe, expect, it } from 'vitest'

import { CHECKOUT_ROLES, checkoutRefusal } from '@/domain/payments/checkoutRoles'
import { confirmRefusal, manualPaymentsOn } from '@/domain/payments/manualProvider'
import { PAYMENT_PURPOSES } from '@/domain/payments/types'
import { ROLES } from '@/domain/roles'

describe('whether the manual provider is on', () => {
  const on = (production: boolean, deployment: boolean | undefined, website: boolean) => manualPaymentsOn({ production, deployment, website })

  it('in production: only on websites that switch it on', () => {
    expect(on(true, undefined, false)).toBe(false)
    expect(on(true, undefined, true)).toBe(true)
  })

  it('in production the variable cannot switch it on for a website that has not, only off for all', () => {
    expect(on(true, true, false)).toBe(false)
    expect(on(true, true, true)).toBe(true)
    expect(on(true, false, true)).toBe(false)
  })

  it('in development and tests: on for every website unless the variable says false', () => {
    for (const website of [false, true]) {
      expect(on(false, undefined, website)).toBe(true)
      expect(on(false, true, website)).toBe(true)
      expect(on(false, false, website)).toBe(false)
    }
  })
})

describe('who confirms a manual payment', () => {
  it('an admin of its website or a superadmin', () => {
    expect(confirmRefusal({ actor: 1, payer: 2, adminOfWebsite: true })).toBeNull()
  })

  it('never the payer, an admin paying for themselves included', () => {
    expect(confirmRefusal({ actor: 2, payer: 2, adminOfWebsite: false })).toMatch(/never confirmed by its payer/)
    expect(confirmRefusal({ actor: 2, payer: 2, adminOfWebsite: true })).toMatch(/never confirmed by its payer/)
  })

  it('nobody else: support, editors, writers, other clients', () => {
    expect(confirmRefusal({ actor: 3, payer: 2, adminOfWebsite: false })).toMatch(/Only an admin of the payment's website/)
  })
})

describe('who may check out for each purpose', () => {
  it('states roles for every purpose', () => {
    expect(Object.keys(CHECKOUT_ROLES).sort()).toEqual([...PAYMENT_PURPOSES].sort())
  })

  it('clients pay every purpose', () => {
    for (const purpose of PAYMENT_PURPOSES) expect(checkoutRefusal(purpose, ['client'])).toBeNull()
  })

  it('every other role is refused for every purpose, naming purpose and the role', () => {
    for (const role of ROLES.filter((r) => r !== 'client')) {
      for (const purpose of PAYMENT_PURPOSES) {
        const refusal = checkoutRefusal(purpose, [role])
        expect(refusal).toMatch(new RegExp(`^purpose: ${purpose} is paid by the client it belongs to; a ${role} may not`))
      }
    }
    expect(checkoutRefusal('wallet_top_up', [])).toMatch(/^purpose: /)
  })
})
