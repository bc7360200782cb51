import { APIError } from 'payload'

import type { Answer } from '@/operations/payments/idempotency'

type StoredError = { name?: unknown; message?: unknown; data?: unknown }

/**
 * An answer the REST route would send (a first run or an idempotent replay) as a GraphQL
 * value: its body when it succeeded; a refusal thrown again with its status, name, message
 * and data, so GraphQL reports it as REST did (`extensions.statusCode`, `extensions.data`).
 */
export const valueOf = (answer: Answer): unknown => {
  const body = JSON.parse(answer.text) as unknown
  if (answer.status < 400) return body
  const first = ((body as { errors?: StoredError[] } | null)?.errors ?? [])[0] ?? {}
  const data = first.data && typeof first.data === 'object' ? (first.data as Record<string, unknown>) : null
  const error = new APIError(typeof first.message === 'string' ? first.message : 'Refused.', answer.status, data, true)
  if (typeof first.name === 'string') error.name = first.name
  throw error
}
