import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { COUNTER_STATUSES } from '@/domain/dashboard/orderCounters'

import type { DashboardScope } from './scope'

/** Orders shown in a work queue at most; `count` says how many there are. */
export const QUEUE_LIMIT = 50

/** The editor's QA queue: orders in QA review or editing on the scope's websites, the nearest client deadline first, read as the caller. */
export const qaQueue = async (req: PayloadRequest, { websites }: DashboardScope) => {
  if (websites.length === 0) return { count: 0, orders: [] }
  const found = await req.payload.find({
    collection: 'orders',
    where: { and: [{ tenant: { in: websites.map((w) => w.id) } }, { status: { in: [...COUNTER_STATUSES.inQa] } }] },
    sort: 'clientDeadline',
    limit: QUEUE_LIMIT,
    depth: 0,
    select: { number: true, topic: true, status: true, clientDeadline: true, writerDeadline: true, tenant: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  return {
    count: found.totalDocs,
    orders: found.docs.map((o) => ({
      id: o.id,
      number: o.number,
      topic: o.topic,
      status: o.status,
      clientDeadline: o.clientDeadline,
      writerDeadline: o.writerDeadline ?? null,
      website: idOf(o.tenant),
      link: `/admin/collections/orders/${o.id}`,
    })),
  }
}
