import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { myWallet } from '@/operations/ledger/myWallet'

import { parseQuery } from './parseQuery'

const walletQuery = z.object({
  kind: z.enum(['client', 'writer'], { error: 'client or writer.' }).optional().describe('Which wallet; by default the writer’s for a writer, else the client’s.'),
})

/** A wallet as its owner reads it: balances and the latest entries, newest first. */
export const walletStatementAnswer = z.object({
  balance: schemas.minor,
  held: schemas.minor,
  currency: schemas.currency,
  entries: z
    .array(z.object({ reference: z.string(), type: z.string(), memo: z.string().nullable(), amount: schemas.minor.describe('Credits positive, debits negative.'), at: schemas.isoDate }))
    .max(50),
})

/** GET /api/wallets/me?kind=client|writer → `{ balance, held, currency, entries }` of the caller's wallet on the request's website. */
export const walletMeEndpoint: Endpoint = documented(
  {
    path: '/me',
    method: 'get',
    handler: async (req) => Response.json(await myWallet(req, parseQuery(req, walletQuery).kind)),
  },
  {
    summary: 'My wallet',
    description: [
      'The caller’s wallet on the request’s website: its balance and the amount held (by pending payout requests), in minor units, and its latest 50 ledger entries. No wallet yet reads as an empty one.',
      '**400** naming `kind` when it is neither `client` nor `writer`, **404** when the caller is not a member of the request’s website.',
    ].join('\n\n'),
    auth: 'required',
    query: walletQuery,
    responses: { 200: walletStatementAnswer },
    errors: [400, 401, 404],
  },
)
