import { describe, expect, it } from 'vitest'

import { acknowledgementReminderDue } from '@/domain/orders/monitoring'
import { forfeiturePercent, splitRefund } from '@/domain/orders/cancellation'
import { revisionCheck } from '@/domain/orders/revisions'
import { canTransition, ORDER_STATUSES, TERMINAL_STATUSES, TRANSITIONS } from '@/domain/orders/statuses'
import { DEFAULT_REVIEW_POLICY, submissionTarget } from '@/domain/orders/submitRouting'

const now = new Date('2026-11-25T12:00:00Z')
const inDays = (d: number) => new Date(now.getTime() + d * 24 * 3600 * 1000)
const daysAgo = (d: number) => inDays(-d)

describe('transition table', () => {
  it('knows every status and leads only to known statuses', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort())
    for (const targets of Object.values(TRANSITIONS)) for (const to of targets) expect(ORDER_STATUSES).toContain(to)
  })
  it('has no way out of terminal statuses and no way into refunded', () => {
    for (const s of TERMINAL_STATUSES) expect(TRANSITIONS[s]).toEqual([])
    expect(Object.values(TRANSITIONS).flat()).not.toContain('refunded')
  })
  it('follows the reference for the main path', () => {
    expect(canTransition('pending_payment', 'ready_for_staffing')).toBe(true)
    expect(canTransition('ready_for_staffing', 'in_progress')).toBe(true)
    expect(canTransition('in_progress', 'under_editing')).toBe(true)
    expect(canTransition('submitted', 'completed')).toBe(true)
    expect(canTransition('completed', 'archived')).toBe(true)
    expect(canTransition('pending_payment', 'in_progress')).toBe(false)
    expect(canTransition('archived', 'in_progress')).toBe(false)
  })
  it('lets a cancellation request return to where it came from', () => {
    for (const from of ['ready_for_staffing', 'pending_writer_acceptance', 'in_progress', 'on_hold'] as const) {
      expect(canTransition(from, 'pending_cancellation')).toBe(true)
      expect(canTransition('pending_cancellation', from)).toBe(true)
    }
  })
})

describe('cancellation forfeiture (by time to the client deadline, never always 0 %)', () => {
  it.each([
    [10, 0],
    [7.5, 0],
    [5, 20],
    [2, 40],
    [0.5, 80],
    [-1, 80],
  ])('%s days before the deadline → %s %%', (days, percent) => {
    expect(forfeiturePercent({ status: 'in_progress', clientDeadline: inDays(days), now })).toBe(percent)
  })
  it('is 0 % before a writer is on the order', () => {
    expect(forfeiturePercent({ status: 'ready_for_staffing', clientDeadline: inDays(0.5), now })).toBe(0)
  })
  it('splits the amount paid into kept and refunded cents', () => {
    expect(splitRefund(7302, 40)).toEqual({ kept: 2921, refunded: 4381 })
    expect(splitRefund(7302, 0)).toEqual({ kept: 0, refunded: 7302 })
    expect(() => splitRefund(7302, 90)).toThrow(RangeError)
  })
})

describe('free revisions', () => {
  it('are free within 14 days of completion and before approval', () => {
    expect(revisionCheck({ completedAt: daysAgo(3), submittedAt: null, approvedAt: null, now })).toEqual({ free: true })
    expect(revisionCheck({ completedAt: null, submittedAt: daysAgo(1), approvedAt: null, now })).toEqual({ free: true })
  })
  it('are refused with a reason after the window or after approval', () => {
    expect(revisionCheck({ completedAt: daysAgo(15), submittedAt: null, approvedAt: null, now })).toEqual({
      free: false,
      reason: 'Free revisions end 14 days after delivery.',
    })
    expect(revisionCheck({ completedAt: daysAgo(1), submittedAt: null, approvedAt: daysAgo(0), now }).free).toBe(false)
  })
})

describe('submission routing', () => {
  const base = {
    policy: DEFAULT_REVIEW_POLICY,
    requiresEditing: null,
    urgent: false,
    clientDeadline: inDays(3),
    now,
    total: 7302,
    writerDeliveredOrders: 10,
  }
  it('goes to editing by default', () => expect(submissionTarget(base)).toBe('under_editing'))
  it('skips editing for urgent orders', () => {
    expect(submissionTarget({ ...base, clientDeadline: inDays(0.5) })).toBe('submitted')
    expect(submissionTarget({ ...base, urgent: true })).toBe('submitted')
  })
  it('honours the order’s own override', () => expect(submissionTarget({ ...base, requiresEditing: false })).toBe('submitted'))
  it('uses QA, when it is on, for high-value orders and new writers', () => {
    const qaOn = { ...base, requiresEditing: false, policy: { ...DEFAULT_REVIEW_POLICY, qaEnabled: true } }
    expect(submissionTarget({ ...qaOn, total: 30_000 })).toBe('qa_review')
    expect(submissionTarget({ ...qaOn, writerDeliveredOrders: 2 })).toBe('qa_review')
    expect(submissionTarget(qaOn)).toBe('submitted')
  })
})

describe('writer acknowledgement reminder', () => {
  const HOUR = 3600 * 1000
  const assigned = new Date('2026-11-25T10:00:00Z')
  const at = (hours: number) => new Date(assigned.getTime() + hours * HOUR)
  it('is due 2 h after the assignment, unless acknowledged or reminded since that assignment', () => {
    expect(acknowledgementReminderDue(assigned, at(1.9), null, null)).toBe(false)
    expect(acknowledgementReminderDue(assigned, at(2), null, null)).toBe(true)
    expect(acknowledgementReminderDue(assigned, at(3), at(0.5), null)).toBe(false)
    expect(acknowledgementReminderDue(assigned, at(3), null, at(2))).toBe(false)
    // A reassignment starts over: older acknowledgements and reminders count for nothing.
    expect(acknowledgementReminderDue(assigned, at(3), at(-5), at(-3))).toBe(true)
  })
})
