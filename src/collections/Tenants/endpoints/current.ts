import type { Endpoint } from 'payload'

import { describeUnresolved, resolveTenant } from '@/operations/resolveTenant'

import { publicFace } from '../publicFace'

/** GET /api/tenants/current — the public face of the request's website. */
export const currentTenantEndpoint: Endpoint = {
  path: '/current',
  method: 'get',
  handler: async (req) => {
    const resolution = await resolveTenant(req)
    if (!resolution.tenant) {
      return Response.json({ errors: [{ message: describeUnresolved(resolution) }] }, { status: 404 })
    }
    const tenant = await req.payload.findByID({
      collection: 'tenants',
      id: resolution.tenant.id,
      depth: 1,
      overrideAccess: true,
      req,
    })
    return Response.json(publicFace(tenant))
  },
}
