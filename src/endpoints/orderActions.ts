import type { Endpoint } from 'payload'

import { actorOf } from '@/access/actor'
import { readableDoc } from '@/access/readableDoc'
import { ORDER_ACTION_NAMES, type OrderAction } from '@/domain/orders/actions'
import { eventMetadataFor } from '@/domain/orders/eventStory'
import { ClientError } from '@/errors'
import { listOrderActions, performOrderAction } from '@/operations/orders/performOrderAction'

import { readJsonBody } from './readJsonBody'
import { routeId } from './routeId'

/** GET /api/orders/:id/actions → { available: [{ action, input }], blocked: [{ action, reason }] } for the caller. */
export const listOrderActionsEndpoint: Endpoint = {
  path: '/:id/actions',
  method: 'get',
  handler: async (req) => Response.json(await listOrderActions(req, routeId(req))),
}

/** POST /api/orders/:id/actions/:action with the action's input → { doc, event }. */
export const performOrderActionEndpoint: Endpoint = {
  path: '/:id/actions/:action',
  method: 'post',
  handler: async (req) => {
    const action = String(req.routeParams?.action) as OrderAction
    if (!ORDER_ACTION_NAMES.includes(action)) throw new ClientError(`Unknown action "${action}". Actions: ${ORDER_ACTION_NAMES.join(', ')}.`, 404)
    const id = routeId(req)
    const body = await readJsonBody(req)
    const { doc, event } = await performOrderAction(req, id, action, body)
    const actor = actorOf(req)
    return Response.json({
      doc: await readableDoc(req, 'orders', doc),
      event: { ...event, metadata: eventMetadataFor(actor?.roles ?? [], actor?.staff ?? false, event.metadata) },
    })
  },
}
