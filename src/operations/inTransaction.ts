import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { batchAuditRows } from './audit/record'
import { markIdempotentApplied } from './payments/idempotency'

/**
 * Runs `fn` in one database transaction carried by `req` (joining the caller's when one
 * is open): every Local API call inside must receive this `req`. Any throw rolls all of
 * it back, outbox rows included, so a failed change sends nothing.
 */
export const inTransaction = async <T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> => {
  const owns = await initTransaction(req)
  // The audit rows of the change are written together, just before the commit.
  const audit = owns ? await batchAuditRows(req) : null
  try {
    const result = await fn()
    if (owns) {
      // With an Idempotency-Key: the key says "applied" in the same commit as the change.
      await markIdempotentApplied(req)
      await audit?.flush()
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    audit?.discard()
    // A joined transaction belongs to the caller: it decides whether the error is fatal
    // (it may recover from a refusal that wrote nothing).
    if (owns) await killTransaction(req)
    throw error
  }
}
