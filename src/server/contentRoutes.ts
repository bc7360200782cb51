import { type Request, type Response, Router } from 'express'
import { createLocalReq, type Payload } from 'payload'

import { conditionalAnswer } from '@/content/http/cacheable'
import { FEED_PATHS, type FeedPath, feedDocument } from '@/content/feeds/feedDocuments'
import { publicRequest } from '@/operations/gate'
import { describeUnresolved } from '@/operations/resolveTenant'

import { headersOf } from './events'

const fail = (res: Response, status: number, message: string) => res.status(status).json({ errors: [{ message }] })

/**
 * GET /sitemap.xml, /rss.xml and /robots.txt of the request's website (Host or X-Tenant).
 * They sit at the site's root, outside Payload's /api, so the web process serves them
 * itself, before Next. Each reads as an anonymous visitor (no user, whatever cookie came
 * along: a feed is the same for everyone and cacheable), through the same gate as the
 * public API endpoints, and answers with ETag, Cache-Control and Vary (304 when current).
 */
export const contentRoutes = (payload: Payload): Router => {
  const router = Router()
  const serve = (path: FeedPath) => async (req: Request, res: Response) => {
    const local = await createLocalReq({ req: { headers: headersOf(req) } }, payload)
    const resolution = await publicRequest(local, path)
    if (!resolution.tenant) return fail(res, 404, describeUnresolved(resolution))
    const document = await feedDocument(local, resolution.tenant, path)
    if (!document) return fail(res, 404, `${resolution.tenant.name} has no domain, so it has no ${path.slice(1)}.`)
    const answer = conditionalAnswer(req.headers, document.body, document.contentType)
    res.status(answer.status)
    // Added to the edge's `Vary: Origin` (CORS), not in its place.
    for (const [name, value] of Object.entries(answer.headers)) {
      if (name === 'vary') res.vary(value)
      else res.setHeader(name, value)
    }
    if (answer.body === null) res.end()
    else res.send(answer.body)
  }
  for (const path of FEED_PATHS) router.get(path, serve(path))
  return router
}
