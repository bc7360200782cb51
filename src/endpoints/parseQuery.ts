import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { invalidInput } from '@/errors'

/**
 * The request's query string parsed with `schema` (each parameter one property, the last
 * value when repeated): a bad parameter is a 400 naming it, in the shape of every
 * other input refusal. The schema is the one the endpoint documents.
 */
export const parseQuery = <S extends z.ZodObject>(req: PayloadRequest, schema: S): z.infer<S> => {
  const raw = Object.fromEntries(req.searchParams ?? new URLSearchParams())
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw invalidInput(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'query', message: issue.message })))
  return parsed.data
}
