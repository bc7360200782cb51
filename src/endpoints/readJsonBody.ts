import type { PayloadRequest } from 'payload'

import { ClientError } from '@/errors'

/** The request's JSON body ({} when empty); a body that is not JSON is a 400, not a 500. */
export const readJsonBody = async (req: PayloadRequest): Promise<unknown> => {
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ClientError('The request body must be JSON.', 400)
  }
}
