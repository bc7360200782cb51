import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { DISCOUNT_ORIGINS, DISCOUNT_RULES } from '@/domain/discounts/evaluate'
import { previewDiscount, previewInput } from '@/operations/discounts/preview'

import { readJsonBody } from './readJsonBody'

const previewAnswer = z.object({
  code: z.string().nullable().describe('The entered code when it applies; null for an automatic discount or none.'),
  origin: z.enum(DISCOUNT_ORIGINS).nullable(),
  discount: schemas.minor,
  subtotal: schemas.minor,
  total: schemas.minor.describe('subtotal − discount: what checkout would ask.'),
})

/** POST /api/discounts/preview `{ code?, order? | invoice? }` → `{ code, origin, discount, subtotal, total }`; a code that fails → 422 `data.rule`. */
export const discountPreviewEndpoint: Endpoint = documented(
  {
    path: '/preview',
    method: 'post',
    handler: async (req) => Response.json(await previewDiscount(req, await readJsonBody(req))),
  },
  {
    summary: 'Preview a discount',
    description: [
      'What an unpaid order or invoice would cost with a discount code, or with the automatic discount it gets (a first-order discount and the like) when no code is given. Nothing is written or held: checkout (`POST /api/payments/checkout` with `discountCode`) evaluates again and holds the discount. One discount per payable, never two: when the website picks the best, the larger of the entered code and the automatic discount applies (a tie goes to the code).',
      `A code that does not apply is a **422** whose \`data.rule\` says why (one of ${DISCOUNT_RULES.map((r) => `\`${r}\``).join(', ')}) and \`data.field\` is \`discountCode\`, even when an automatic discount would apply. A code of another website is \`unknown_code\`.`,
      'A client previews their own orders and invoices; staff of the website any of its. **400** naming the field, **403** for anyone else who can see the payable, **404** when the caller cannot see it, **409** when it is paid or paid in part.',
    ].join('\n\n'),
    tags: ['money'],
    auth: 'required',
    body: previewInput,
    responses: { 200: previewAnswer },
    errors: [400, 401, 403, 404, 409, 422],
  },
)

export const discountEndpoints: Endpoint[] = [discountPreviewEndpoint]
