import type { Payload } from 'payload'

import { systemProof, systemRequest } from '@/access/system'
import { evaluateWebsite } from '@/operations/writers/evaluate'
import { performAction } from '@/operations/workflow/performAction'

import type { Schedule } from './schedules'
import { addCounts, idsMatching, sweep, type SweepCounts } from './sweep'

const MINUTE_MS = 60 * 1000

const proof = systemProof('weekly writer evaluation')

/**
 * The weekly evaluation of every active website's writers. It runs hourly and does only
 * what is due: each writer once per ISO week (the unique (writer, periodStart) and the
 * check under the writer's lock make a second run a no-op), so a worker that was down
 * on Monday catches up at its next run.
 */
export const evaluateWriters = async (payload: Payload, now: Date): Promise<SweepCounts> => {
  let counts: SweepCounts = { done: 0, failed: 0 }
  const req = await systemRequest(payload, proof)
  for await (const tenant of idsMatching(payload, 'tenants', { active: { equals: true } })) {
    try {
      counts = addCounts(counts, await evaluateWebsite(req, tenant, now))
    } catch (error) {
      counts.failed += 1
      payload.logger.error({ err: error, tenant }, 'writers-evaluation: one website failed; the others go on')
    }
  }
  return counts
}

/**
 * Discipline records whose end has passed are expired by the platform's `expire` action
 * (a suspension's lift clears `users.suspended` unless another suspension or a blacklist
 * stays active). A blacklist has no end and is never picked; one lifted meanwhile is left
 * alone (409).
 */
export const expireDiscipline = (payload: Payload, now: Date) =>
  sweep(
    payload,
    'writers-discipline-expiry',
    idsMatching(payload, 'discipline-records', { and: [{ status: { equals: 'active' } }, { kind: { not_equals: 'blacklist' } }, { endsAt: { less_than_equal: now.toISOString() } }] }),
    async (id, req) => {
      await performAction(req, 'discipline-records', id, 'expire', {}, { system: true, now })
      return true
    },
  )

/** Writer levels and discipline (reference §12.2, §12.4). */
export const WRITER_SCHEDULES: Schedule[] = [
  { id: 'writers-evaluation', everyMs: 60 * MINUTE_MS, run: ({ payload, now }) => evaluateWriters(payload, now) },
  { id: 'writers-discipline-expiry', everyMs: 5 * MINUTE_MS, run: ({ payload, now }) => expireDiscipline(payload, now) },
]
