import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { ExpressAdapter } from '@bull-board/express'
import type { Queue } from 'bullmq'
import { Router } from 'express'
import type { Payload } from 'payload'

import { actorFromUser } from '@/access/actor'

import { headersOf } from './events'

const BASE = '/admin/queues'

/** The BullMQ dashboard at /admin/queues, for superadmins logged in to the admin panel. */
export const queueDashboard = (payload: Payload, queue: Queue): Router => {
  const adapter = new ExpressAdapter()
  adapter.setBasePath(BASE)
  createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter: adapter })
  const router = Router()
  router.use(BASE, async (req, res, next) => {
    const user = await payload
      .auth({ headers: headersOf(req) })
      .then((r) => r.user)
      .catch(() => undefined)
    if (user === undefined) return res.status(503).json({ errors: [{ message: 'Service temporarily unavailable.' }] })
    if (!user) return res.redirect(`/admin/login?redirect=${encodeURIComponent(BASE)}`)
    if (!actorFromUser(user).allTenants) return res.status(403).json({ errors: [{ message: 'Only a superadmin may see the queues.' }] })
    next()
  })
  router.use(BASE, adapter.getRouter())
  return router
}
