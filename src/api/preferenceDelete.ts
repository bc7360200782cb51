import { NotFound, type PayloadHandler, type SanitizedConfig, UnauthorizedError, type Where } from 'payload'

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

/** Puts the handler above in place of Payload's (called once the config is sanitised). */
export const replacePreferenceDelete = (config: SanitizedConfig) => {
  const endpoints = config.collections.find((c) => c.slug === PREFERENCES)?.endpoints
  if (!Array.isArray(endpoints)) return
  endpoints.forEach((endpoint, i) => {
    if (endpoint.method === 'delete' && endpoint.path === '/:key') endpoints[i] = { ...endpoint, handler: deletePreference }
  })
}
