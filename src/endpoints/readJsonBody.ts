import type { PayloadRequest } from 'payload'

import { findControlCharacter } from '@/domain/input/controlCharacters'
import { ClientError, invalidInput } from '@/errors'

/**
 * The request's JSON body ({} when empty); a body that is not JSON, or that carries a
 * control character in any text, is a 400 naming where, not a 500.
 */
export const readJsonBody = async (req: PayloadRequest): Promise<unknown> => {
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return {}
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
