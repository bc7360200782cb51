import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { FEATURE_TOGGLES } from '@/domain/tenancy/featureToggles'
import { publicRequest } from '@/operations/gate'
import { describeUnresolved } from '@/operations/resolveTenant'
import { asSystem, proofOf } from '@/access/system'

import { publicFace } from '../publicFace'

const toggle = z.boolean().nullish()

/** What `publicFace` shows of a website. */
export const publicFaceAnswer = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  currency: schemas.currency,
  branding: z.object({
    brandName: z.string(),
    logo: z.object({ url: z.string().nullable(), alt: z.string().nullish() }).nullable(),
    primaryColor: z.string().nullable(),
    supportEmail: z.string().nullable(),
  }),
  features: z.object(Object.fromEntries(Object.keys(FEATURE_TOGGLES).map((name) => [name, toggle])) as Record<keyof typeof FEATURE_TOGGLES, typeof toggle>).partial(),
})

/** GET /api/tenants/current — the public face of the request's website. */
export const currentTenantEndpoint: Endpoint = documented(
  {
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
  },
  {
    summary: 'The request’s website',
    description: [
      'Anyone (no login): the public face of the website the request is bound to — by its `Host` (one of the website’s domains, or a parent domain of it) or else its `X-Tenant: <slug>` header — enough to brand a frontend and build its forms: name, slug, branding, currency and feature toggles.',
      '**404** naming the unknown host or slug.',
    ].join('\n\n'),
    auth: 'none',
    responses: { 200: publicFaceAnswer },
    errors: [404],
  },
)
