import type { PayloadRequest } from 'payload'

import { lockKey, lockPaymentWindow, lockUnpaidEarnings } from '@/db/locks'
import { nextWindow, payoutLines } from '@/domain/payouts/windows'
import { asSystem, proofOf } from '@/access/system'
import { enqueue } from '@/jobs/enqueue'

import { inTransaction } from '../inTransaction'
import { websitePayouts } from './settings'

/**
 * Opens the website's next payment window unless one is open. Serialised per website on
 * an advisory lock (and a partial unique index allows one open window per website), so
 * concurrent runs open one.
 */
export const openWindow = async (req: PayloadRequest, tenant: number, now: Date) => {
  const { payload } = req
  return inTransaction(req, async () => {
    await lockKey(req, `payment-window:${tenant}`)
    const { totalDocs: open } = await payload.count({ collection: 'payment-windows', where: { and: [{ tenant: { equals: tenant } }, { status: { equals: 'open' } }] }, ...asSystem(proofOf(req)), req })
    if (open > 0) return null
    const { docs } = await payload.find({ collection: 'payment-windows', where: { tenant: { equals: tenant } }, sort: '-closesAt', limit: 1, depth: 0, ...asSystem(proofOf(req)), req })
    const { windowDays } = await websitePayouts(req, tenant)
    const { opensAt, closesAt } = nextWindow(docs[0] ? new Date(docs[0].closesAt) : null, now, windowDays)
    return payload.create({ collection: 'payment-windows', data: { tenant, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), status: 'open' }, depth: 0, ...asSystem(proofOf(req)), req })
  })
}

/**
 * Closes a window whose close has passed, once: under the window's row lock, a window
 * already closed (by a concurrent or earlier run) is left alone. In the same transaction
 * it gathers the website's pending earnings and reversals earned up to the close and not
 * yet in a payout (locking them, so a cancellation cannot void one meanwhile), and builds
 * the batch: one record per writer for their net amount. Moves no money: the ledger moves
 * when a record is paid. Returns the batch, or null when there was nothing to close.
 */
export const closeWindow = async (req: PayloadRequest, windowId: number, now: Date) => {
  const { payload } = req
  return inTransaction(req, async () => {
    const window = await lockPaymentWindow(req, windowId)
    if (!window || window.status !== 'open' || window.closesAt > now) return null
    const { tenant } = window
    const lines = payoutLines(await lockUnpaidEarnings(req, tenant, window.closesAt))
    const total = lines.reduce((sum, l) => sum + l.amount, 0)
    const batch = await payload.create({
      collection: 'payout-batches',
      // An empty batch has nothing left to pay.
      data: { tenant, window: windowId, total, count: lines.length, status: lines.length ? 'ready' : 'paid' },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    for (const line of lines) {
      const record = await payload.create({
        collection: 'payout-records',
        data: { tenant, batch: batch.id, writer: line.writer, amount: line.amount, earnings: line.items, status: 'pending' },
        depth: 0,
        ...asSystem(proofOf(req)),
        req,
      })
      // One by one: a bulk update writes its documents concurrently on the one transaction.
      for (const id of line.items) await payload.update({ collection: 'writer-earnings', id, data: { payoutRecord: record.id }, depth: 0, ...asSystem(proofOf(req)), req })
    }
    await payload.update({ collection: 'payment-windows', id: windowId, data: { status: 'closed', closedAt: now.toISOString(), batch: batch.id }, depth: 0, ...asSystem(proofOf(req)), req })
    if (lines.length) {
      await enqueue(req, { type: 'live.event', tenant, payload: { audience: { staffOfTenant: tenant }, event: 'payouts.batch_ready', data: { batch: batch.id, window: windowId, total, count: lines.length } } })
    }
    return batch
  })
}
