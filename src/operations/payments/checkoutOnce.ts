import type { PayloadRequest } from 'payload'

import { checkout } from './checkout'
import { withIdempotency } from './idempotency'

/**
 * A checkout run once per idempotency key (REST's `Idempotency-Key` header, GraphQL's
 * `idempotencyKey`; one scope for both): 201 `{ payment, checkoutUrl? }`, or the first
 * answer again.
 */
export const checkoutOnce = async (req: PayloadRequest, key: string | null | undefined, body: unknown) =>
  withIdempotency(req, key, 'payments.checkout', body, async () => ({ status: 201, body: await checkout(req, body) }))
