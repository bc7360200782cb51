import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'

/**
 * The order's writer adding a file or a message is activity on the order: stuck
 * detection (8 h without activity) starts counting again. Runs in the same transaction,
 * under the order's row lock the guard took.
 */
export const writerActivity =
  (authorField: 'uploadedBy' | 'author'): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const orderId = idOf(doc.order)
    const author = idOf(doc[authorField])
    if (orderId === null || author === null) return doc
    const order = await req.payload.findByID({ collection: 'orders', id: orderId, depth: 0, ...asSystem(proofOf(req)), req, select: { writer: true, monitoring: true } })
    if (idOf(order.writer) !== author) return doc
    await req.payload.update({
      collection: 'orders',
      id: orderId,
      data: { monitoring: { ...order.monitoring, lastActivityAt: new Date().toISOString() } },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    return doc
  }
