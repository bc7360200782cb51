import type { Endpoint } from 'payload'

import { publicRequest } from '@/operations/gate'
import { describeUnresolved } from '@/operations/resolveTenant'
import { asSystem, proofOf } from '@/access/system'

import { publicFace } from '../publicFace'

/** GET /api/tenants/current — the public face of the request's website. */
export const currentTenantEndpoint: Endpoint = {
  path: '/current',
  method: 'get',
  handler: async (req) => {
    const resolution = await publicRequest(req, 'the website’s face')
    if (!resolution.tenant) {
      return Response.json({ errors: [{ message: describeUnresolved(resolution) }] }, { status: 404 })
    }
    const tenant = await req.payload.findByID({
      collection: 'tenants',
      id: resolution.tenant.id,
      depth: 1,
      ...asSystem(proofOf(req)),
      req,
    })
    return Response.json(publicFace(tenant))
  },
}
