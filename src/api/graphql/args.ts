import type { PayloadRequest } from 'payload'

import { findControlCharacter } from '@/domain/input/controlCharacters'
import { MAX_RECORD_ID } from '@/domain/recordId'
import { ClientError, invalidInput } from '@/errors'

/**
 * Arguments of the workflow fields, checked as the REST routes check theirs: an id that
 * cannot name a record is a 404 (as `routeId`), a JSON input carrying a control
 * character a 400 naming where (as `readJsonBody`), an idempotency key at most 255
 * characters (as the header).
 */
export const recordIdArg = (id: unknown): number => {
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || id > MAX_RECORD_ID) throw new ClientError('Not Found', 404)
  return id
}

/** A JSON input as a body: `{}` when absent; control characters refused. */
export const jsonArg = (value: unknown): unknown => {
  if (value === undefined || value === null) return {}
  const problem = findControlCharacter(value)
  if (problem) throw invalidInput([problem])
  return value
}

export const idempotencyKeyArg = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  if (value.trim().length > 255) throw invalidInput([{ path: 'idempotencyKey', message: 'At most 255 characters.' }])
  const problem = findControlCharacter(value, 'idempotencyKey')
  if (problem) throw invalidInput([problem])
  return value
}

/** What Payload hands a custom resolver: its request, isolated per root field. */
export type ResolverContext = { req: PayloadRequest }
