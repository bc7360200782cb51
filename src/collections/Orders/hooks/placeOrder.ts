import type { CollectionBeforeValidateHook } from 'payload'

import { placeOrder as placeOrderOperation } from '@/operations/orders/placeOrder'
import type { Order } from '@/payload-types'

/** A create of an order is a placement: the operation decides what is stored (updates pass through). */
export const placeOrder: CollectionBeforeValidateHook<Order> = async ({ data, operation, req }) =>
  operation === 'create' && data ? placeOrderOperation(req, data) : data
