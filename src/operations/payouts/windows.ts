import type { Payload } from 'payload'

import { execute, sql } from '@/db/execute'
import { nextWindow, type PayoutItem, payoutLines } from '@/domain/payouts/windows'
import { enqueue } from '@/jobs/enqueue'
import { asSystem, proofOf, type SystemProof, systemRequest } from '@/access/system'

import { inTransaction } from '../inTransaction'
import { dueIds, eachOnItsOwn } from './due'
import { websitePayouts } from './settings'

/**
 * Opens the website's next payment window unless one is open. Serialised per website on
 * an advisory lock (and a partial unique index allows one open window per website), so
 * concurrent runs open one.
 */
export const openWindow = async (payload: Payload, proof: SystemProof, tenant: number, now: Date) => {
  const req = await systemRequest(payload, proof)
  return inTransaction(req, async () => {
    await execute(req, sql`SELECT pg_advisory_xact_lock(hashtext(${`payment-window:${tenant}`}))`)
    const { totalDocs: open } = await payload.count({ collection: 'payment-windows', where: { and: [{ tenant: { equals: tenant } }, { status: { equals: 'open' } }] }, ...asSystem(proofOf(req)), req })
    if (open > 0) return null
    const { docs } = await payload.find({ collection: 'payment-windows', where: { tenant: { equals: tenant } }, sort: '-closesAt', limit: 1, depth: 0, ...asSystem(proofOf(req)), req })
    const { windowDays } = await websitePayouts(req, tenant)
    const { opensAt, closesAt } = nextWindow(docs[0] ? new Date(docs[0].closesAt) : null, now, windowDays)
    return payload.create({ collection: 'payment-windows', data: { tenant, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), status: 'open' }, depth: 0, ...asSystem(proofOf(req)), req })
  })
}

type ItemRow = { id: number; writer_id: number; kind: PayoutItem['kind']; amount: string | number }

/**
 * Closes a window whose close has passed, once: under the window's row lock, a window
 * already closed (by a concurrent or earlier run) is left alone. In the same transaction
 * it gathers the website's pending earnings and reversals earned up to the close and not
 * yet in a payout (locking them, so a cancellation cannot void one meanwhile), and builds
 * the batch: one record per writer for their net amount. Moves no money: the ledger moves
 * when a record is paid. Returns the batch, or null when there was nothing to close.
 */
export const closeWindow = async (payload: Payload, proof: SystemProof, windowId: number, now: Date) => {
  const req = await systemRequest(payload, proof)
  return inTransaction(req, async () => {
    const [window] = await execute<{ tenant_id: number; status: string; closes_at: string }>(req, sql`SELECT tenant_id, status, closes_at FROM payment_windows WHERE id = ${windowId} FOR UPDATE`)
    if (!window || window.status !== 'open' || new Date(window.closes_at) > now) return null
    const tenant = window.tenant_id
    const closesAt = new Date(window.closes_at).toISOString()
    const rows = await execute<ItemRow>(
      req,
      sql`SELECT id, writer_id, kind, amount FROM writer_earnings
          WHERE tenant_id = ${tenant} AND status = 'pending' AND payout_record_id IS NULL AND created_at <= ${closesAt}
          ORDER BY id FOR UPDATE`,
    )
    const lines = payoutLines(rows.map((r) => ({ id: r.id, writer: r.writer_id, kind: r.kind, amount: Number(r.amount) })))
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

/**
 * The payment-window schedule: closes every open window whose close has passed (each in
 * its own transaction), then opens the next window of every active website that has none.
 */
export const runPaymentWindows = async (payload: Payload, proof: SystemProof, now: Date) => {
  const closing = await eachOnItsOwn(payload, 'closing a payment window', await dueIds(payload, proof, 'payment-windows', 'open', 'closesAt', now), async (id) => Boolean(await closeWindow(payload, proof, id, now)))
  const { docs: websites } = await payload.find({ collection: 'tenants', where: { active: { equals: true } }, limit: 0, depth: 0, ...asSystem(proof), select: { active: true } })
  const opening = await eachOnItsOwn(payload, 'opening a payment window', websites.map((w) => w.id), async (id) => Boolean(await openWindow(payload, proof, id, now)))
  return { closed: closing.done, opened: opening.done, failed: closing.failed + opening.failed }
}
