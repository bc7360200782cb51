import { describe, expect, it } from 'vitest'

import { availableActions, decide } from '@/domain/orders/actions'

import { closestToOrder, orderActor, orderFacts } from '../helpers/orderFacts'

const now = new Date('2026-11-25T12:00:00Z')
const order = orderFacts
const actor = orderActor
const closest = closestToOrder

describe('the action table', () => {
  it('keeps money actions with admins and workflow actions with the right people', () => {
    expect(decide('markPaid', order({ status: 'pending_payment', paymentStatus: 'unpaid' }), actor('admin'), now)).toEqual({ ok: true, targets: ['ready_for_staffing'] })
    expect(decide('markPaid', order({ status: 'pending_payment', paymentStatus: 'unpaid' }), actor('support'), now)).toMatchObject({ status: 403 })
    expect(decide('markPaid', order({ status: 'pending_payment', paymentStatus: 'unpaid' }), closest('client'), now)).toMatchObject({ status: 403 })
    expect(decide('submit', order(), actor('writer', { isCurrentWriter: true }), now).ok).toBe(true)
    expect(decide('submit', order(), actor('writer'), now)).toMatchObject({ status: 403 })
    expect(decide('requestCancellation', order(), actor('client', { isClientOwner: true }), now).ok).toBe(true)
    expect(decide('requestCancellation', order(), actor('client'), now)).toMatchObject({ status: 403 })
    expect(decide('requestCancellation', order({ status: 'completed' }), actor('client', { isClientOwner: true }), now)).toMatchObject({ status: 409 })
  })

  it('refuses with a reason what a business rule forbids (422)', () => {
    const pool = order({ status: 'ready_for_staffing', hasWriter: false, visibility: 'pool' })
    expect(decide('take', pool, actor('writer'), now).ok).toBe(true)
    expect(decide('take', { ...pool, takesEnabled: false }, actor('writer'), now)).toEqual({ ok: false, status: 422, reason: 'Taking orders is switched off on this website.' })
    expect(decide('take', pool, actor('writer', { writerIneligible: 'You have reached your level’s limit of active orders.' }), now)).toMatchObject({ status: 422 })
    expect(decide('take', { ...pool, paymentStatus: 'unpaid' }, actor('writer'), now)).toMatchObject({ status: 422, reason: 'The order is not fully paid.' })
    expect(decide('submit', order({ hold: 'active' }), actor('writer', { isCurrentWriter: true }), now)).toMatchObject({ status: 422 })
    const late = order({ status: 'completed', completedAt: new Date(now.getTime() - 15 * 24 * 3600 * 1000) })
    expect(decide('requestRevision', late, actor('client', { isClientOwner: true }), now)).toEqual({ ok: false, status: 422, reason: 'Free revisions end 14 days after delivery.' })
    expect(decide('cancel', order({ status: 'completed', approvedAt: now }), actor('admin'), now)).toMatchObject({ status: 422 })
    const disputesOff = order({ disputesEnabled: false })
    expect(decide('openDispute', disputesOff, actor('client', { isClientOwner: true }), now)).toEqual({ ok: false, status: 422, reason: 'Disputes are switched off on this website.' })
    expect(decide('openDispute', disputesOff, actor('writer', { isCurrentWriter: true }), now)).toMatchObject({ status: 422 })
    expect(decide('openDispute', disputesOff, actor('support'), now).ok).toBe(true)
  })
})

describe('availableActions', () => {
  it('lists what the client can do on a delivered order, and what is held back', () => {
    const delivered = order({ status: 'submitted', submittedAt: now })
    const { available, blocked } = availableActions(delivered, actor('client', { isClientOwner: true }), now)
    expect(available.map((a) => a.action).sort()).toEqual(['complete', 'openDispute', 'requestRevision'])
    expect(blocked).toEqual([])
    const disputed = availableActions({ ...delivered, dispute: 'open' }, actor('client', { isClientOwner: true }), now)
    expect(disputed.blocked).toEqual([{ action: 'openDispute', label: 'Open a dispute', reason: 'A dispute is already open.' }])
  })

  it('shows writers the pool actions with their inputs', () => {
    const pool = order({ status: 'ready_for_staffing', hasWriter: false, visibility: 'pool' })
    const { available } = availableActions(pool, actor('writer'), now)
    expect(available.map((a) => a.action).sort()).toEqual(['bid', 'showInterest', 'take'])
    expect(available.find((a) => a.action === 'bid')).toEqual({ action: 'bid', label: 'Bid', money: false, input: { type: 'object', properties: { message: { type: 'string', maxLength: 2000 } } } })
  })
})

describe('an action answer’s event metadata', () => {
  it('shows staff everything, the client their money, the writer their work, and nobody the writer’s pay', async () => {
    const { eventMetadataFor } = await import('@/domain/orders/eventStory')
    const cancellation = { forfeitPercent: 40, kept: 1000, refundDue: 1500, earning: 700 }
    expect(eventMetadataFor(['admin'], true, cancellation)).toEqual(cancellation)
    expect(eventMetadataFor(['client'], false, cancellation)).toEqual({ forfeitPercent: 40, kept: 1000, refundDue: 1500 })
    expect(eventMetadataFor(['writer'], false, cancellation)).toBeNull()
    expect(eventMetadataFor(['client'], false, { earning: 500 })).toBeNull()
    expect(eventMetadataFor(['writer'], false, { routedTo: 'editing', writerDeliveredOrders: 3, request: 9 })).toEqual({ request: 9 })
    expect(eventMetadataFor(['client'], false, null)).toBeNull()
  })
})
