import type { PayloadRequest } from 'payload'

import { findControlCharacter } from '@/domain/input/controlCharacters'
import { ClientError, invalidInput } from '@/errors'
import { isJsonMediaType, UNSUPPORTED_BODY_MESSAGE } from '@/security/mediaTypes'

/**
 * The request's JSON body ({} when empty); a body sent as anything but JSON is a 415
 * (a `text/plain` POST needs no CORS preflight: a foreign page could send one), a body
 * that is not JSON, or that carries a control character in any text, is a 400 naming
 * where, not a 500.
 */
export const readJsonBody = async (req: PayloadRequest): Promise<unknown> => {
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return {}
  if (!isJsonMediaType(req.headers.get('content-type'))) throw new ClientError(UNSUPPORTED_BODY_MESSAGE, 415)
  let body: unknown
  try {
    body = JSON.parse(text) as unknown
  } catch {
    throw new ClientError('The request body must be JSON.', 400)
  }
  const problem = findControlCharacter(body)
  if (problem) throw invalidInput([problem])
  return body
}
