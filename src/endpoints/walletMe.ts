import type { Endpoint } from 'payload'

import { myWallet } from '@/operations/ledger/myWallet'

/** GET /api/wallets/me?kind=client|writer → `{ balance, held, currency, entries }` of the caller's wallet on the request's website. */
export const walletMeEndpoint: Endpoint = {
  path: '/me',
  method: 'get',
  handler: async (req) => Response.json(await myWallet(req, req.searchParams.get('kind'))),
}
