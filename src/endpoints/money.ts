import type { Endpoint } from 'payload'
import { z } from 'zod'

import { ClientError } from '@/errors'
import { ledgerSummary } from '@/operations/ledger/summary'
import { adjustWallet } from '@/operations/money/adjustWallet'
import { requestMember } from '@/operations/gate'

import { moneyPost } from './moneyPost'
import { routeId } from './routeId'

const adjustment = z.object({
  direction: z.enum(['credit', 'debit'], { error: 'credit or debit.' }),
  amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.'),
  reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500),
})

/** POST /api/wallets/:id/adjust `{ direction, amount, reason }` (admins; Idempotency-Key honoured) → `{ entry, wallet }`. */
export const adjustWalletEndpoint = moneyPost('/:id/adjust', 'wallets', adjustment, (req) => `wallets.adjust.${routeId(req)}`, async (req, input) => ({
  status: 201,
  body: await adjustWallet(req, routeId(req), input),
}))

const day = (value: string | null, fallback: Date, field: string): Date => {
  if (!value) return fallback
  const date = new Date(value)
  // Years PostgreSQL can store; a date outside them is no date (and would be a 500).
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) throw new ClientError(`${field}: an ISO date such as 2026-11-01.`, 400, { field })
  return date
}

/** GET /api/ledger/summary?from&to (admins; the request's website) → revenue, writer pay, refunds, tips and fines of the period, in cents. */
export const ledgerSummaryEndpoint: Endpoint = {
  path: '/ledger/summary',
  method: 'get',
  handler: async (req) => {
    const { actor, tenant } = await requestMember(req)
    if (!(actor.allTenants || actor.roles.includes('admin'))) throw new ClientError('Only admins read the ledger.', 403)
    const now = new Date()
    const from = day(req.searchParams.get('from'), new Date(now.getTime() - 30 * 24 * 3600 * 1000), 'from')
    const to = day(req.searchParams.get('to'), now, 'to')
    if (from >= to) throw new ClientError('from: must be before to.', 400, { field: 'from' })
    return Response.json(await ledgerSummary(req, tenant.id, from, to))
  },
}
