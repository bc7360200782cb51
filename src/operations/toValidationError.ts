import { type PayloadRequest, ValidationError } from 'payload'
import type { z } from 'zod'

/** Field errors in Payload's ValidationError shape, one per bad field. */
export const toValidationError = (error: z.ZodError, collection: string, req: PayloadRequest) =>
  new ValidationError(
    {
      collection,
      errors: error.issues.map((issue) => ({ path: issue.path.join('.') || 'body', message: issue.message })),
    },
    req.t,
  )
