import type { CollectionSlug, DataFromCollectionSlug, FlattenedField, PayloadRequest } from 'payload'

type Data = Record<string, unknown>

const strip = async (req: PayloadRequest, fields: readonly FlattenedField[], data: Data, doc: Data): Promise<Data> => {
  const out: Data = { ...data }
  for (const field of fields) {
    if (!(field.name in out)) continue
    const read = 'access' in field ? field.access?.read : undefined
    if (read && !(await read({ req, doc, siblingData: data, id: doc.id as number }))) {
      delete out[field.name]
      continue
    }
    const value = out[field.name]
    if ((field.type === 'group' || field.type === 'tab') && value && typeof value === 'object' && !Array.isArray(value)) {
      out[field.name] = await strip(req, field.flattenedFields, value as Data, doc)
    }
  }
  return out
}

/**
 * A document the server read with `overrideAccess` (a workflow's answer), cut down to
 * the fields the caller may read: the same field rules REST and GraphQL apply, so an
 * action's answer shows a writer no more of the order than `GET /api/orders/:id` does.
 */
export const readableDoc = async <C extends CollectionSlug>(req: PayloadRequest, collection: C, doc: DataFromCollectionSlug<C>): Promise<DataFromCollectionSlug<C>> => {
  const config = req.payload.collections[collection].config
  const data = doc as unknown as Data
  return (await strip(req, config.flattenedFields, data, data)) as unknown as DataFromCollectionSlug<C>
}
