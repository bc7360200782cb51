import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { schemas } from '@/api/openapi/describe'
import { ClientError } from '@/errors'

/** The path parameters of a document route (`/:id/...`), as documented and parsed. */
export const idParams = z.object({ id: schemas.id })

/** The `:id` of a document route: anything but a whole number from 1 to the largest id names no document (404). */
export const routeId = (req: PayloadRequest): number => {
  const parsed = idParams.safeParse(req.routeParams ?? {})
  if (!parsed.success) throw new ClientError('Not Found', 404)
  return parsed.data.id
}
