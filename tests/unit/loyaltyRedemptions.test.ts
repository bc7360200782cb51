import { describe, expect, it } from 'vitest'

import { nextBalance } from '@/domain/loyalty/ledger'
import { REDEMPTION_WORKFLOW, redemptionRefunds, redemptionRefusal } from '@/domain/loyalty/redemptions'
import { decide } from '@/domain/workflow/define'

const reward = { active: true, stock: 3 as number | null, maxPerClient: 1 as number | null, pointsRequired: 100 }
const admin = { roles: ['admin'] as const, ofWebsite: true, superadmin: false, redeemer: false }
const client = { roles: ['client'] as const, ofWebsite: true, superadmin: false, redeemer: true }

describe('loyalty ledger and redemptions (reference §8.1, §16)', () => {
  it('a balance never goes below zero', () => {
    expect(nextBalance(100, -100)).toBe(0)
    expect(nextBalance(100, -101)).toBeNull()
    expect(nextBalance(0, 25)).toBe(25)
  })

  it('refuses an inactive, sold-out, over-the-limit or unaffordable reward, in that order', () => {
    expect(redemptionRefusal(reward, 0, 100)).toBeNull()
    expect(redemptionRefusal({ ...reward, active: false }, 0, 100)?.rule).toBe('inactive')
    expect(redemptionRefusal({ ...reward, stock: 0 }, 0, 100)?.rule).toBe('out_of_stock')
    expect(redemptionRefusal(reward, 1, 100)?.rule).toBe('per_client_limit')
    expect(redemptionRefusal({ ...reward, maxPerClient: null, stock: null }, 50, 100)).toBeNull()
    expect(redemptionRefusal(reward, 0, 99)?.rule).toBe('insufficient_points')
  })

  it('only rejection and cancellation give points back; approval and fulfilment take nothing more', () => {
    expect(['pending', 'approved', 'fulfilled'].map((s) => redemptionRefunds(s as never))).toEqual([false, false, false])
    expect(redemptionRefunds('rejected')).toBe(true)
    expect(redemptionRefunds('cancelled')).toBe(true)
  })

  it('admins approve, fulfil and reject; the client cancels while pending only', () => {
    const now = new Date()
    expect(decide(REDEMPTION_WORKFLOW, 'approve', { status: 'pending' }, admin, now)).toMatchObject({ ok: true })
    expect(decide(REDEMPTION_WORKFLOW, 'approve', { status: 'pending' }, client, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(REDEMPTION_WORKFLOW, 'cancel', { status: 'pending' }, client, now)).toMatchObject({ ok: true })
    expect(decide(REDEMPTION_WORKFLOW, 'cancel', { status: 'approved' }, client, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(REDEMPTION_WORKFLOW, 'fulfil', { status: 'pending' }, admin, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(REDEMPTION_WORKFLOW, 'reject', { status: 'approved' }, admin, now)).toMatchObject({ ok: true })
  })
})
