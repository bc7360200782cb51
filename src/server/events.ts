import express, { type Request, type Response, Router } from 'express'
import type { Payload } from 'payload'

import { actorFromUser } from '@/access/actor'
import { type Audience, type EventBus, isFor, type LiveEvent } from '@/events/bus'
import { enqueue } from '@/jobs/enqueue'
import { asSystem, systemProof, systemRequest } from '@/access/system'

import { withTimeout } from './withTimeout'

const proof = systemProof('live events (SSE) and the test event')

const HEARTBEAT_MS = 25_000

export const headersOf = (req: Request): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) headers.set(name, value.join(', '))
  }
  return headers
}

const fail = (res: Response, status: number, message: string) => res.status(status).json({ errors: [{ message }] })

/** Who may hear what: the user's own events, and for staff their websites' staff events. */
const audiencesOf = async (payload: Payload, user: Parameters<typeof actorFromUser>[0]): Promise<Audience[]> => {
  const actor = actorFromUser(user)
  const audiences: Audience[] = [{ user: actor.id }]
  if (!actor.staff) return audiences
  const tenantIds = actor.allTenants
    ? (await payload.find({ collection: 'tenants', depth: 0, limit: 0, pagination: false, select: {}, ...asSystem(proof) })).docs.map((d) => d.id)
    : actor.tenantIds
  return [...audiences, ...tenantIds.map((id) => ({ staffOfTenant: id }))]
}

const format = (e: LiveEvent) => `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify({ ...e.data, at: e.at })}\n\n`

export type EventStreams = { router: Router; closeAll: () => void; count: () => number }

/**
 * GET /api/events — Server-Sent Events for the logged-in user (cookie or header).
 * Every event has an id; reconnecting with Last-Event-ID replays what was missed from
 * the bounded history. POST /api/events/test { user, message } (superadmin) sends a
 * `test` event through the outbox and the worker, to check a deployment end to end.
 */
export const eventStreams = (payload: Payload, bus: EventBus): EventStreams => {
  const router = Router()
  const open = new Set<Response>()
  /** The logged-in user, null when anonymous, undefined when the database did not answer. */
  const userOf = async (req: Request) => {
    try {
      return (await payload.auth({ headers: headersOf(req) })).user
    } catch (error) {
      payload.logger.warn({ err: (error as Error).message }, 'live events: authentication failed')
      return undefined
    }
  }

  router.get('/api/events', async (req, res) => {
    const user = await userOf(req)
    if (user === undefined) return fail(res, 503, 'Service temporarily unavailable: could not check the login.')
    if (!user) return fail(res, 401, 'Log in to receive live events.')
    const audiences = await audiencesOf(payload, user)
    // Live delivery must be listening before the stream counts as open; if Redis is
    // slow to answer, go on: the client's Last-Event-ID replay covers the gap.
    await withTimeout(2000, 'event bus not ready', bus.ready()).catch(() => undefined)

    res.status(200)
    res.setHeader('Content-Type', 'text/event-stream')
    res.setHeader('Cache-Control', 'no-cache, no-transform')
    res.setHeader('Connection', 'keep-alive')
    res.setHeader('X-Accel-Buffering', 'no')
    res.flushHeaders()
    res.write('retry: 3000\n\n')
    open.add(res)

    // Subscribe before replaying so nothing published in between is lost; the replay
    // marks the highest id sent and live delivery skips anything at or below it.
    let lastSent = Number(req.header('last-event-id') ?? req.query.lastEventId ?? 0) || 0
    const queued: LiveEvent[] = []
    let replaying = true
    const send = (event: LiveEvent) => {
      if (Number(event.id) <= lastSent) return
      lastSent = Number(event.id)
      res.write(format(event))
    }
    const unsubscribe = bus.subscribe((event) => {
      if (!isFor(event, audiences)) return
      if (replaying) queued.push(event)
      else send(event)
    })
    if (lastSent > 0) {
      try {
        for (const event of await bus.history(audiences, lastSent)) send(event)
      } catch (error) {
        payload.logger.warn({ err: (error as Error).message }, 'live event history unavailable')
      }
    }
    replaying = false
    queued.sort((a, b) => Number(a.id) - Number(b.id)).forEach(send)

    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
    req.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      open.delete(res)
    })
  })

  router.post('/api/events/test', express.json({ limit: '16kb' }), async (req, res) => {
    const user = await userOf(req)
    if (user === undefined) return fail(res, 503, 'Service temporarily unavailable: could not check the login.')
    if (!user) return fail(res, 401, 'Log in first.')
    if (!actorFromUser(user).allTenants) return fail(res, 403, 'Only a superadmin may send test events.')
    const body = (req.body ?? {}) as { user?: unknown; message?: unknown }
    if (typeof body.user !== 'number' || !Number.isInteger(body.user)) return fail(res, 400, 'user: must be a user id (integer).')
    if (typeof body.message !== 'string' || !body.message.trim()) return fail(res, 400, 'message: must be a non-empty string.')
    const target = await payload.findByID({ collection: 'users', id: body.user, depth: 0, disableErrors: true, ...asSystem(proof) })
    if (!target) return fail(res, 404, `user: no user has the id ${body.user}.`)
    const outboxId = await enqueue(await systemRequest(payload, proof), {
      type: 'live.event',
      tenant: actorFromUser(target).tenantIds[0] ?? null,
      payload: { audience: { user: target.id }, event: 'test', data: { message: body.message } },
    })
    res.status(202).json({ message: 'Queued.', outboxId })
  })

  return {
    router,
    count: () => open.size,
    closeAll: () => {
      for (const res of open) res.end()
      open.clear()
    },
  }
}
