import { NotFound, type PayloadHandler, type SanitizedConfig, UnauthorizedError, type Where } from 'payload'

import { nestingProblem } from '@/domain/input/nesting'
import { invalidInput } from '@/errors'

const PREFERENCES = 'payload-preferences'

/**
 * `DELETE /api/payload-preferences/:key`, as Payload answers it, without its one-step
 * delete: the PostgreSQL adapter's `deleteOne` builds its select from a filter on the
 * polymorphic `user` relationship without joining the relationship table (PostgreSQL:
 * "missing FROM-clause entry"), so every call was a 500. The caller's preference is
 * found with the same filter through `findOne`, which joins it, then deleted by id.
 */
const deletePreference: PayloadHandler = async (req) => {
  if (!req.user) throw new UnauthorizedError(req.t)
  const key = String(req.routeParams?.key ?? '')
  const where: Where = { and: [{ key: { equals: key } }, { 'user.value': { equals: req.user.id } }, { 'user.relationTo': { equals: req.user.collection } }] }
  const found = await req.payload.db.findOne<{ id: number }>({ collection: PREFERENCES, req, where })
  if (!found) throw new NotFound(req.t)
  const doc = await req.payload.db.deleteOne({ collection: PREFERENCES, req, where: { id: { equals: found.id } } })
  return Response.json({ ...doc, message: req.t('general:deletedSuccessfully') })
}

/**
 * `POST /api/payload-preferences/:key` reads its body itself and writes it past the
 * collection's operation (and its guard): a value nested 20,000 deep overflowed the
 * stack (500). The body is read here, refused past the nesting limit, and handed on.
 */
const checkedUpdate =
  (update: PayloadHandler): PayloadHandler =>
  async (req) => {
    let data: unknown
    try {
      data = await req.json?.()
    } catch {
      // Payload's handler takes a body that is not JSON as empty: so does this.
      data = {}
    }
    const problem = nestingProblem(data)
    if (problem) throw invalidInput([problem])
    req.json = () => Promise.resolve(data)
    return update(req)
  }

/** Puts the handlers above in place of Payload's (called once the config is sanitised). */
export const replacePreferenceRoutes = (config: SanitizedConfig) => {
  const endpoints = config.collections.find((c) => c.slug === PREFERENCES)?.endpoints
  if (!Array.isArray(endpoints)) return
  endpoints.forEach((endpoint, i) => {
    if (endpoint.path !== '/:key') return
    if (endpoint.method === 'delete') endpoints[i] = { ...endpoint, handler: deletePreference }
    if (endpoint.method === 'post') endpoints[i] = { ...endpoint, handler: checkedUpdate(endpoint.handler) }
  })
}
