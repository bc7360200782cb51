import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { ClientError } from '@/errors'
import { ledgerSummary } from '@/operations/ledger/summary'
import { adjustWallet } from '@/operations/money/adjustWallet'
import { requestMember } from '@/operations/gate'

import { moneyPost } from './moneyPost'
import { parseQuery } from './parseQuery'
import { idParams, routeId } from './routeId'

const adjustment = z.object({
  direction: z.enum(['credit', 'debit'], { error: 'credit or debit.' }),
  amount: z.number({ error: 'Cents.' }).int('Whole cents.').positive('More than 0.'),
  reason: z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(500),
})

/** POST /api/wallets/:id/adjust `{ direction, amount, reason }` (admins; Idempotency-Key honoured) → `{ entry, wallet }`. */
export const adjustWalletEndpoint = moneyPost(
  '/:id/adjust',
  'wallets',
  adjustment,
  (req) => `wallets.adjust.${routeId(req)}`,
  async (req, input) => ({
    status: 201,
    body: await adjustWallet(req, routeId(req), input),
  }),
  {
    summary: 'Credit or debit a wallet',
    description: [
      'An admin of the wallet’s website credits or debits it by `amount` cents, with a required reason, as a journal entry against manual adjustments. Each call is a new entry: send `Idempotency-Key` so that a retry answers the first result.',
      'A debit never takes the wallet below zero (**422** with `data.shortfall`). **403** for anyone but an admin of the website, **404** when the caller cannot see the wallet.',
    ].join('\n\n'),
    params: idParams,
    responses: {
      201: z.object({
        entry: z.object({ id: z.number().int(), reference: z.string(), type: z.enum(['admin_credit', 'admin_debit']) }),
        wallet: z.object({ id: z.number().int(), balance: schemas.minor, held: schemas.minor, currency: schemas.currency }),
      }),
    },
    errors: [400, 401, 403, 404, 409, 422],
  },
)

const DAY_MS = 24 * 3600 * 1000

// Years PostgreSQL can store; a date outside them is no date (and would be a 500).
const day = z
  .string()
  .refine((value) => {
    const date = new Date(value)
    return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999
  }, 'an ISO date such as 2026-11-01.')
  .transform((value) => new Date(value))

/** The period asked for, with its defaults: the last 30 days up to now. */
const periodOf = ({ from, to }: { from?: Date; to?: Date }, now = new Date()) => ({ from: from ?? new Date(now.getTime() - 30 * DAY_MS), to: to ?? now })

/** The query of `GET /api/ledger/summary`: `from` before `to`, each an ISO date or nothing. */
const ledgerPeriod = z
  .object({
    from: day.optional().describe('The first instant counted (default: 30 days ago).'),
    to: day.optional().describe('The instant the period ends, not counted (default: now).'),
  })
  .refine((query) => {
    const { from, to } = periodOf(query)
    return from < to
  }, { path: ['from'], message: 'must be before to.' })

const ledgerAnswer = z.object({
  from: schemas.isoDate,
  to: schemas.isoDate,
  revenue: schemas.minor,
  writerPay: schemas.minor,
  refunds: schemas.minor,
  tips: schemas.minor,
  fines: schemas.minor,
  discounts: schemas.minor.describe('Discounts given to clients on paid orders and invoices; `revenue` is already net of them.'),
})

/** GET /api/ledger/summary?from&to (admins; the request's website) → revenue (net of discounts), writer pay, refunds, tips, fines and discounts of the period, in cents. */
export const ledgerSummaryEndpoint: Endpoint = documented(
  {
    path: '/ledger/summary',
    method: 'get',
    handler: async (req) => {
      const { actor, tenant } = await requestMember(req)
      if (!(actor.allTenants || actor.roles.includes('admin'))) throw new ClientError('Only admins read the ledger.', 403)
      const { from, to } = periodOf(parseQuery(req, ledgerPeriod))
      return Response.json(await ledgerSummary(req, tenant.id, from, to))
    },
  },
  {
    summary: 'Money of a period, from the ledger',
    description: [
      'For admins of the request’s website (and superadmins): its revenue (net of the discounts given), writer pay, refunds, tips, fines and discounts given between `from` (counted) and `to` (not counted), in minor units of the website’s currency, summed from journal lines alone. Without `from` and `to`, the last 30 days.',
      '**400** naming `from` or `to` when one is not an ISO date (or `from` is not before `to`), **403** for other roles, **404** when the caller is not a member of the request’s website.',
    ].join('\n\n'),
    tags: ['money'],
    auth: 'required',
    query: ledgerPeriod,
    responses: { 200: ledgerAnswer },
    errors: [400, 401, 403, 404],
  },
)
