import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { OPEN_REQUEST_STATUSES } from '@/domain/orders/requests'
import type { Order } from '@/payload-types'

import { QUEUE_LIMIT } from './qaQueue'
import type { DashboardScope } from './scope'

/** What support answers first: the open disputes and holds of orders on the scope's websites, oldest first, read as the caller. */
export const openRequests = async (req: PayloadRequest, { websites }: DashboardScope) => {
  if (websites.length === 0) return { disputes: { count: 0, requests: [] }, holds: { count: 0, requests: [] } }
  const tenants = websites.map((w) => w.id)
  const list = async (kind: 'dispute' | 'hold') => {
    const found = await req.payload.find({
      collection: 'order-requests',
      where: { and: [{ tenant: { in: tenants } }, { kind: { equals: kind } }, { status: { in: [...OPEN_REQUEST_STATUSES[kind]] } }] },
      sort: 'createdAt',
      limit: QUEUE_LIMIT,
      depth: 1,
      select: { order: true, kind: true, status: true, reason: true, description: true, tenant: true, createdAt: true },
      populate: { orders: { number: true, status: true, topic: true } },
      overrideAccess: false,
      user: req.user,
      req,
    })
    return {
      count: found.totalDocs,
      requests: found.docs.map((r) => {
        const order = typeof r.order === 'object' ? (r.order as Pick<Order, 'id' | 'number' | 'status' | 'topic'>) : null
        return {
          id: r.id,
          kind: r.kind,
          status: r.status,
          reason: r.reason ?? r.description ?? null,
          createdAt: r.createdAt,
          website: idOf(r.tenant),
          order: order ? { id: order.id, number: order.number, status: order.status, topic: order.topic } : { id: idOf(r.order) },
          link: `/admin/collections/order-requests/${r.id}`,
        }
      }),
    }
  }
  return { disputes: await list('dispute'), holds: await list('hold') }
}
