import type { Endpoint } from 'payload'

import { orderDossier } from '@/operations/orders/orderDossier'

import { routeId } from './routeId'

/**
 * GET /api/orders/:id/dossier (staff of the order's website) → `{ order, can, timeline,
 * files, messages, payments, refunds, journal, earnings }`, each list `{ total, docs }`
 * (messages: `{ total, threads }`), newest first and bounded, as the caller may read them.
 */
export const orderDossierEndpoint: Endpoint = {
  path: '/:id/dossier',
  method: 'get',
  handler: async (req) => Response.json(await orderDossier(req, routeId(req))),
}
