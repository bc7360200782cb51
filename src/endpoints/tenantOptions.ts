import type { Config, Endpoint, Plugin } from 'payload'
import { z } from 'zod'

import { documented } from '@/api/openapi/describe'

const PATH = '/populate-tenant-options'

/** What the multi-tenant plugin's route answers: the websites of the admin's selector. */
export const tenantOptionsAnswer = z.object({
  tenantOptions: z.array(z.object({ label: z.string().describe('The website’s name.'), value: z.number().int().describe('The website’s id.') })),
})

/**
 * The multi-tenant plugin's `GET /api/tenants/populate-tenant-options` (the admin's website
 * selector), documented like our own routes, and answered as `application/json` (the
 * plugin sends its JSON as text/plain).
 */
const documentedTenantOptions = (endpoint: Endpoint): Endpoint =>
  documented(
    {
      ...endpoint,
      handler: async (req) => {
        const answer = await endpoint.handler(req)
        return answer.ok ? Response.json(await answer.json(), { status: answer.status }) : answer
      },
    },
    {
      summary: 'The websites of the admin’s selector',
      description:
        'For any signed-in user (the admin panel asks it): the websites they hold, by name, as the admin’s website selector lists them; every website for a superadmin. It is a filter of the admin’s lists, never access. **401** without a user.',
      auth: 'required',
      responses: { 200: tenantOptionsAnswer },
      errors: [401],
    },
  )

/** Register after the multi-tenant plugin, which adds the route to the tenants collection. */
export const tenantOptionsDocs = (): Plugin => (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug !== 'tenants' || !Array.isArray(collection.endpoints)
      ? collection
      : { ...collection, endpoints: collection.endpoints.map((endpoint) => (endpoint.path === PATH && endpoint.method === 'get' ? documentedTenantOptions(endpoint) : endpoint)) },
  ),
})
