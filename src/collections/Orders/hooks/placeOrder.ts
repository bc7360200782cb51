import type { CollectionBeforeValidateHook } from 'payload'

import { placeOrder as placeOrderOperation } from '@/operations/orders/placeOrder'
import { markIdempotentApplied } from '@/operations/payments/idempotency'
import type { Order } from '@/payload-types'

/**
 * A create of an order is a placement: the operation decides what is stored (updates
 * pass through). With an Idempotency-Key, the key says "applied" in the create's own
 * transaction, so it commits with the order or not at all.
 */
export const placeOrder: CollectionBeforeValidateHook<Order> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const placed = await placeOrderOperation(req, data)
  await markIdempotentApplied(req)
  return placed
}
