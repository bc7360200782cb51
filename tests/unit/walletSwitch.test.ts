import { describe, expect, it } from 'vitest'

import { refundRoute } from '@/domain/payments/refundRoute'
import { walletRefusal } from '@/domain/payments/walletSwitch'

describe('walletRefusal', () => {
  it('refuses nothing while the website offers a wallet', () => {
    for (const field of ['provider', 'purpose', 'points', 'destination'] as const) expect(walletRefusal(true, field)).toBeNull()
  })

  it('without one, names the field, the rule and what to do instead', () => {
    expect(walletRefusal(false, 'provider')).toEqual({ field: 'provider', rule: 'wallet_off', message: 'provider: this website does not offer a wallet; pay by card or another provider.' })
    expect(walletRefusal(false, 'purpose')?.message).toBe('purpose: this website does not offer a wallet; there is no wallet to top up.')
  })
})

describe('refundRoute', () => {
  it('unasked: the wallet where there is one, else the card, marked as the default', () => {
    expect(refundRoute({}, true)).toEqual({ route: { destination: 'wallet', externalReference: null, defaulted: true } })
    expect(refundRoute({}, false)).toEqual({ route: { destination: 'provider', externalReference: null, defaulted: true } })
  })

  it('the wallet asked for without one is the wallet refusal naming destination (422)', () => {
    expect(refundRoute({ destination: 'wallet' }, true)).toEqual({ route: { destination: 'wallet', externalReference: null, defaulted: false } })
    expect(refundRoute({ destination: 'wallet' }, false)).toEqual({ refusal: { field: 'destination', status: 422, rule: 'wallet_off', message: walletRefusal(false, 'destination')!.message } })
    expect(refundRoute({ destination: 'provider' }, false)).toEqual({ route: { destination: 'provider', externalReference: null, defaulted: false } })
  })

  it('external needs its reference (trimmed), and only external takes one (400 naming externalReference)', () => {
    expect(refundRoute({ destination: 'external', externalReference: '  BANK-1 ' }, false)).toEqual({ route: { destination: 'external', externalReference: 'BANK-1', defaulted: false } })
    for (const externalReference of [undefined, null, '   ']) expect(refundRoute({ destination: 'external', externalReference }, true)).toMatchObject({ refusal: { field: 'externalReference', status: 400 } })
    expect(refundRoute({ externalReference: 'BANK-1' }, true)).toMatchObject({ refusal: { field: 'externalReference', status: 400 } })
    expect(refundRoute({ destination: 'provider', externalReference: 'BANK-1' }, true)).toMatchObject({ refusal: { field: 'externalReference', status: 400 } })
  })
})
