import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { byThread } from '@/domain/messages/threads'
import { orderJournalReferences } from '@/domain/orders/journalReferences'
import { STAFF_ROLES } from '@/domain/roles'

import { adminOf, staffOfVisible } from '../gate'

/** How many rows each part shows at most (newest first); `total` says how many there are. */
export const DOSSIER_LIMITS = { timeline: 100, files: 100, messages: 200, payments: 50, refunds: 50, journal: 100, earnings: 20 } as const

const PEOPLE = { users: { name: true, email: true } } as const

/**
 * Everything staff look at beside an order, each part read as the caller
 * (`overrideAccess: false`), so the collections' row and field rules decide what they
 * see: an editor gets no payments, refunds or journal lines, support no journal.
 */
export const orderDossier = async (req: PayloadRequest, orderId: number) => {
  const { actor, doc: order, tenant } = await staffOfVisible(req, 'orders', orderId, STAFF_ROLES, 'Only staff of the website read an order’s dossier.')
  // Every read as the caller: each call states `overrideAccess: false` (lint holds every Local API call to it).
  const asCaller = { user: req.user, req } as const
  const ofOrder: Where = { order: { equals: order.id } }
  const list = <C extends CollectionSlug>(collection: C, limit: number, sort = '-createdAt') =>
    ({ collection, where: ofOrder, sort, limit, depth: 1, populate: PEOPLE, ...asCaller }) as const

  const timeline = await req.payload.find({ overrideAccess: false, ...list('order-events', DOSSIER_LIMITS.timeline), select: { action: true, from: true, to: true, actor: true, reason: true, createdAt: true } })
  const files = await req.payload.find({ overrideAccess: false, ...list('order-files', DOSSIER_LIMITS.files), select: { filename: true, purpose: true, note: true, uploadedBy: true, filesize: true, mimeType: true, createdAt: true } })
  const messages = await req.payload.find({ overrideAccess: false, ...list('order-messages', DOSSIER_LIMITS.messages), select: { thread: true, author: true, body: true, masked: true, createdAt: true } })
  const payments = await req.payload.find({
    overrideAccess: false,
    ...list('payments', DOSSIER_LIMITS.payments),
    select: { reference: true, purpose: true, provider: true, status: true, amount: true, currency: true, amountRefunded: true, appliedAt: true, createdAt: true },
  })
  const refunds = await req.payload.find({ overrideAccess: false, ...list('refunds', DOSSIER_LIMITS.refunds), select: { amount: true, destination: true, status: true, reason: true, providerRefund: true, createdBy: true, createdAt: true } })
  const earnings = await req.payload.find({ overrideAccess: false, ...list('writer-earnings', DOSSIER_LIMITS.earnings), select: { writer: true, kind: true, amount: true, status: true, paidAt: true, createdAt: true } })

  const references = orderJournalReferences({
    id: order.id,
    refundCount: refunds.totalDocs,
    refundIds: refunds.docs.map((refund) => refund.id),
    paymentReferences: payments.docs.map((payment) => payment.reference),
    providerRefunds: refunds.docs.flatMap((refund) => (refund.providerRefund ? [refund.providerRefund] : [])),
  })
  const journal = await req.payload.find({
    collection: 'journal-entries',
    where: { reference: { in: references } },
    sort: '-createdAt',
    limit: DOSSIER_LIMITS.journal,
    depth: 1,
    populate: { 'ledger-accounts': { code: true, name: true } },
    select: { reference: true, type: true, memo: true, lines: true, createdAt: true },
    ...asCaller,
    overrideAccess: false,
  })

  // Messages read newest first (the last ones count), shown oldest first within each thread.
  const threads = byThread([...messages.docs].reverse())
  return {
    order: { id: order.id, number: order.number, status: order.status, currency: order.currency, total: order.total, amountPaid: order.amountPaid },
    can: { refund: adminOf(actor, tenant) },
    timeline: { total: timeline.totalDocs, docs: timeline.docs },
    files: {
      total: files.totalDocs,
      docs: files.docs.map((file) => ({ ...file, url: file.filename ? `/api/order-files/file/${encodeURIComponent(file.filename)}` : null })),
    },
    messages: { total: messages.totalDocs, threads },
    payments: { total: payments.totalDocs, docs: payments.docs },
    refunds: { total: refunds.totalDocs, docs: refunds.docs },
    journal: { total: journal.totalDocs, docs: journal.docs },
    earnings: { total: earnings.totalDocs, docs: earnings.docs },
  }
}

export type OrderDossier = Awaited<ReturnType<typeof orderDossier>>
