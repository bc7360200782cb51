import { type Endpoint, type PayloadRequest } from 'payload'
import { generateExpiredPayloadCookie } from 'payload/shared'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { toValidationError } from '@/operations/toValidationError'
import { logOutEverywhere, mySessions, revokeMySession } from '@/operations/sessions/mine'

const SESSION = z.object({
  id: z.string().describe('The session’s id (the token’s `sid`).'),
  device: z.string().describe('Browser and system, from the User-Agent (“Firefox on Windows”).'),
  address: z.string(),
  createdAt: schemas.isoDate,
  lastActivityAt: schemas.isoDate.nullable(),
  expiresAt: schemas.isoDate.describe('The absolute end; the idle timeout usually ends it sooner.'),
  current: z.boolean().describe('The session of the token that asked.'),
})

// Not `:id`: on a collection's routes that names a record (a number), and is checked as one.
const sessionParams = z.object({ sid: z.string().uuid({ error: 'a session id.' }) })

const expiredCookie = (req: PayloadRequest) =>
  generateExpiredPayloadCookie({ collectionAuthConfig: req.payload.collections.users.config.auth, config: req.payload.config, cookiePrefix: req.payload.config.cookiePrefix })

const IDLE_NOTE =
  'Every answer to a signed-in request carries `X-Session-Idle-Timeout` (seconds of inactivity the session survives, per website and role) and `X-Session-Expires-At` (when it ends if nothing more happens), so a frontend can warn before it does. Background polling sends `X-Session-Passive: 1`: the session is checked but not kept alive by it.'

/** GET /api/users/sessions, DELETE /api/users/sessions/:sid, POST /api/users/logout-all (issue 16). */
export const sessionEndpoints: Endpoint[] = [
  documented(
    { path: '/sessions', method: 'get', handler: async (req) => Response.json({ sessions: await mySessions(req) }) },
    {
      summary: 'My sessions',
      description: ['The caller’s sessions that are still signed in: device, address, when each began and was last active, newest first.', IDLE_NOTE].join('\n\n'),
      tags: ['auth'],
      auth: 'required',
      responses: { 200: z.object({ sessions: z.array(SESSION) }) },
      errors: [401],
    },
  ),
  documented(
    {
      path: '/sessions/:sid',
      method: 'delete',
      handler: async (req) => {
        const parsed = sessionParams.safeParse(req.routeParams ?? {})
        if (!parsed.success) throw toValidationError(parsed.error, 'users', req)
        await revokeMySession(req, parsed.data.sid)
        return Response.json({ message: 'Signed out.', id: parsed.data.sid })
      },
    },
    {
      summary: 'Sign out one of my sessions',
      description: 'Ends one of the caller’s sessions at once: its token is refused from the next request on (the caller’s own current session too). **404** for an id that is not one of the caller’s signed-in sessions.',
      tags: ['auth'],
      auth: 'required',
      params: sessionParams,
      responses: { 200: z.object({ message: z.literal('Signed out.'), id: z.string() }) },
      errors: [400, 401, 404],
    },
  ),
  documented(
    {
      path: '/logout-all',
      method: 'post',
      handler: async (req) => {
        const ended = await logOutEverywhere(req)
        return Response.json({ message: 'Signed out everywhere.', ended }, { headers: { 'Set-Cookie': expiredCookie(req) } })
      },
    },
    {
      summary: 'Sign out everywhere',
      description: 'Ends every session of the caller, this one included, and clears the login cookie: every token of theirs is refused from the next request on.',
      tags: ['auth'],
      auth: 'required',
      responses: { 200: z.object({ message: z.literal('Signed out everywhere.'), ended: z.number().int().min(0) }) },
      errors: [401],
    },
  ),
]
