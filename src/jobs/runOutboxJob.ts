import type { Payload } from 'payload'

import type { HandlerRegistry, JobContext, JobHandler } from './handler'
import { redactSecrets } from './secrets'
import type { JobData, JobType } from './types'
import { asSystem, systemProof } from '@/access/system'

const proof = systemProof('outbox job runner')

export type RunResult = 'done' | 'already-done' | 'missing'

/**
 * Runs the handler of one outbox row, at most once to completion: a row already marked
 * done is skipped, so a job delivered twice has one effect. A throw leaves the row for
 * the next attempt (the queue retries), secrets included; `finalAttempt` turns it into
 * a dead letter (kept whole, so an operator can still retry it from the queue dashboard).
 */
export const runOutboxJob = async (
  payload: Payload,
  handlers: HandlerRegistry,
  job: JobData,
  options: { finalAttempt: boolean },
): Promise<RunResult> => {
  const row = await payload.findByID({ collection: 'outbox', id: job.outboxId, depth: 0, disableErrors: true, ...asSystem(proof) })
  if (!row) return 'missing'
  if (row.status === 'done') return 'already-done'
  const handler = handlers[row.type as JobType] as JobHandler<JobType> | undefined
  try {
    if (!handler) throw new Error(`no handler for job type "${row.type}"`)
    const tenant = typeof row.tenant === 'object' && row.tenant ? row.tenant.id : (row.tenant ?? null)
    await handler({ payload, tenant, data: row.payload, outboxId: row.id } as JobContext<JobType>)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await payload.update({
      collection: 'outbox',
      id: row.id,
      data: { attempts: (row.attempts ?? 0) + 1, lastError: message, ...(options.finalAttempt ? { status: 'failed' } : {}) },
      depth: 0,
      ...asSystem(proof),
    })
    throw error
  }
  // Done, and its secrets (a reset token) gone in the same write: until now a retry needed them.
  await payload.update({
    collection: 'outbox',
    id: row.id,
    data: { status: 'done', doneAt: new Date().toISOString(), attempts: (row.attempts ?? 0) + 1, payload: redactSecrets(row.type, row.payload) },
    depth: 0,
    ...asSystem(proof),
  })
  return 'done'
}
