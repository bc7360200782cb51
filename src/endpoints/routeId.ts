import type { PayloadRequest } from 'payload'

import { MAX_RECORD_ID } from '@/domain/recordId'
import { ClientError } from '@/errors'

/** The `:id` of a document route: anything but a whole number from 1 to the largest id names no document (404). */
export const routeId = (req: PayloadRequest): number => {
  const id = Number(req.routeParams?.id)
  if (!Number.isInteger(id) || id <= 0 || id > MAX_RECORD_ID) throw new ClientError('Not Found', 404)
  return id
}
