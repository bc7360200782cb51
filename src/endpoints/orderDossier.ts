import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { ORDER_FILE_PURPOSES } from '@/domain/files/orderFileRules'
import { MESSAGE_THREADS } from '@/domain/messages/threads'
import { ORDER_STATUSES } from '@/domain/orders/statuses'
import { PAYMENT_PROVIDERS, PAYMENT_PURPOSES, PAYMENT_STATUSES, REFUND_DESTINATIONS, REFUND_STATUSES } from '@/domain/payments/types'
import { EARNING_STATUSES } from '@/domain/payouts/statuses'
import { orderDossier } from '@/operations/orders/orderDossier'

import { idParams, routeId } from './routeId'

const id = z.number().int()
/** A user the row names: `{ id, name, email }` when the caller may read them, else the id (null when nobody). */
const person = z.union([id, z.object({ id, name: z.string().optional(), email: z.string().optional() })]).nullish()
/**
 * Each part's rows carry only the fields selected for the dossier, and of those only what
 * the caller may read (the collection's field rules), so every field may be absent.
 */
const rows = <S extends z.ZodRawShape>(shape: S) => z.object({ total: z.number().int().min(0), docs: z.array(z.object({ id, createdAt: schemas.isoDate.optional(), ...shape })) })

const messageRow = z.object({ id, thread: z.enum(MESSAGE_THREADS), author: person, body: z.string().optional(), masked: z.boolean().nullish(), createdAt: schemas.isoDate.optional() })

/** GET /api/orders/:id/dossier's answer. */
export const dossierAnswer = z.object({
  order: z.object({ id, number: z.string(), status: z.enum(ORDER_STATUSES), currency: schemas.currency, total: schemas.minor, amountPaid: schemas.minor }),
  can: z.object({ refund: z.boolean().describe('Whether the caller may refund it (an admin of its website).') }),
  timeline: rows({ action: z.string().optional(), from: z.string().nullish(), to: z.string().nullish(), actor: person, reason: z.string().nullish() }),
  files: rows({
    filename: z.string().nullish(),
    purpose: z.enum(ORDER_FILE_PURPOSES).optional(),
    note: z.string().nullish(),
    uploadedBy: person,
    filesize: z.number().nullish(),
    mimeType: z.string().nullish(),
    url: z.string().nullable().describe('Where the file downloads, under the files’ rules.'),
  }),
  messages: z.object({ total: z.number().int().min(0), threads: z.object(Object.fromEntries(MESSAGE_THREADS.map((thread) => [thread, z.array(messageRow)])) as Record<(typeof MESSAGE_THREADS)[number], z.ZodArray<typeof messageRow>>) }),
  payments: rows({
    reference: z.string().optional(),
    purpose: z.enum(PAYMENT_PURPOSES).optional(),
    provider: z.enum(PAYMENT_PROVIDERS).optional(),
    status: z.enum(PAYMENT_STATUSES).optional(),
    amount: schemas.minor.optional(),
    currency: schemas.currency.optional(),
    amountRefunded: schemas.minor.nullish(),
    appliedAt: z.string().nullish(),
  }),
  refunds: rows({ amount: schemas.minor.optional(), destination: z.enum(REFUND_DESTINATIONS).nullish(), status: z.enum(REFUND_STATUSES).nullish(), reason: z.string().nullish(), providerRefund: z.string().nullish(), createdBy: person }),
  journal: rows({
    reference: z.string().optional(),
    type: z.string().optional(),
    memo: z.string().nullish(),
    lines: z
      .array(z.object({ account: z.union([id, z.object({ id, code: z.string().optional(), name: z.string().optional() })]).nullish(), debit: schemas.minor.nullish(), credit: schemas.minor.nullish() }))
      .optional(),
  }),
  earnings: rows({ writer: person, kind: z.string().optional(), amount: schemas.minor.optional(), status: z.enum(EARNING_STATUSES).optional(), paidAt: z.string().nullish() }),
})

/**
 * GET /api/orders/:id/dossier (staff of the order's website) → `{ order, can, timeline,
 * files, messages, payments, refunds, journal, earnings }`, each list `{ total, docs }`
 * (messages: `{ total, threads }`), newest first and bounded, as the caller may read them.
 */
export const orderDossierEndpoint: Endpoint = documented(
  {
    path: '/:id/dossier',
    method: 'get',
    handler: async (req) => Response.json(await orderDossier(req, routeId(req))),
  },
  {
    summary: 'Everything staff see beside an order',
    description: [
      'For staff of the order’s website: the order’s money figures, whether the caller may refund it, and its timeline, files, messages (by thread, oldest first within each), payments, refunds, journal entries with their lines, and writer earnings. Each list is `{ total, docs }`, newest first and bounded (`total` says how many there are).',
      'Every part is read as the caller, so the collections’ rules decide what they see: an editor gets no payments, refunds or journal, support no journal.',
      '**403** for clients and writers, **404** when the caller cannot see the order.',
    ].join('\n\n'),
    auth: 'required',
    params: idParams,
    responses: { 200: dossierAnswer },
    errors: [401, 403, 404],
  },
)
