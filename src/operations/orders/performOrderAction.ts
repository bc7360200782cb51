import type { PayloadRequest } from 'payload'

import type { OrderAction } from '@/domain/orders/actions'
import type { Order, OrderEvent } from '@/payload-types'

import { type PerformOptions, performAction } from '../workflow/performAction'

export type ActionResult = { doc: Order; event: OrderEvent }

/** An order action through the one workflow operation (`performAction`); the schedules' entry. */
export const performOrderAction = async (req: PayloadRequest, orderId: number, action: OrderAction, body: unknown, options: PerformOptions = {}): Promise<ActionResult> =>
  (await performAction(req, 'orders', orderId, action, body, options)) as unknown as ActionResult
