import type { Payload } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { markClassOverdue } from '@/operations/classOrders/overdue'
import { performAction } from '@/operations/workflow/performAction'

import type { Schedule } from './schedules'
import { addCounts, idsMatching, sweep } from './sweep'

const MINUTE_MS = 60 * 1000

/**
 * Class installments past due and unpaid: their class is handled once per installment
 * (`markClassOverdue`, under the class's lock: marked overdue, the client told, a class
 * being worked paused when the website says so). A class already handled finds nothing
 * new.
 */
export const markOverdueClassInstallments = (payload: Payload, now: Date) =>
  sweep(
    payload,
    'class-installments-overdue',
    idsMatching(payload, 'class-installments', { and: [{ status: { in: ['pending', 'due', 'overdue'] } }, { dueAt: { less_than: now.toISOString() } }] }),
    async (id, req) => {
      const row = await req.payload.findByID({ collection: 'class-installments', id, depth: 0, ...asSystem(proofOf(req)), req, select: { classOrder: true } })
      return markClassOverdue(req, idOf(row.classOrder)!, now)
    },
  )

/** Price proposals and counter-offers past their expiry: the platform's `expire` (an answered one meanwhile is a 409, skipped). */
export const expireClassProposals = (payload: Payload, now: Date) =>
  sweep(payload, 'class-proposals-expiry', idsMatching(payload, 'class-proposals', { and: [{ status: { equals: 'sent' } }, { expiresAt: { less_than_equal: now.toISOString() } }] }), async (id, req) => {
    await performAction(req, 'class-proposals', id, 'expire', {}, { system: true, now })
    return true
  })

/** Class orders (reference §10.2). */
export const CLASS_ORDER_SCHEDULES: Schedule[] = [
  { id: 'class-installments-overdue', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => markOverdueClassInstallments(payload, now) },
  { id: 'class-proposals-expiry', everyMs: 15 * MINUTE_MS, run: ({ payload, now }) => expireClassProposals(payload, now) },
]

/** Both, for a test's controlled clock. */
export const runClassOrderSchedules = async (payload: Payload, now: Date) => addCounts(await markOverdueClassInstallments(payload, now), await expireClassProposals(payload, now))
