import { z } from 'zod'

import type { Cents } from '../money'
import { defineWorkflow } from '../workflow/define'
import { PLATFORM, nobody, staffOf, type WebsiteActor } from '../workflow/websiteActor'

/** A quote's life (reference §10.1): staff send it, the client accepts or rejects it before it expires. */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled'] as const
export type QuoteStatus = (typeof QUOTE_STATUSES)[number]

export const QUOTE_LINE_KINDS = ['service', 'addon', 'urgency_fee', 'complexity_fee', 'writer_level_fee', 'discount', 'manual_adjustment'] as const
export type QuoteLineKind = (typeof QUOTE_LINE_KINDS)[number]

export type QuoteLineInput = { kind: QuoteLineKind; description: string; amount: Cents }

/** The largest quote, as the largest invoice. */
export const QUOTE_MAX_TOTAL: Cents = 99_999_999

export type PricedQuote = { lines: QuoteLineInput[]; subtotal: Cents; discount: Cents; total: Cents }

/** The website's unit prices of slides and diagrams (`pricing.basePerSlide`, `pricing.basePerDiagram`). */
export type PieceRates = { perSlide: Cents; perDiagram: Cents }
export const DEFAULT_PIECE_RATES: PieceRates = { perSlide: 1399, perDiagram: 1999 }

/**
 * The add-on lines of a quote for slides and diagrams, counted by staff and priced at the
 * website's unit prices (a presentation, a data-analysis project's figures): "12 slides
 * × 13.99" as one line each, none for a count of 0.
 */
export const pieceLines = (counts: { slides?: number; diagrams?: number }, rates: PieceRates): QuoteLineInput[] => {
  const lines: QuoteLineInput[] = []
  if (counts.slides) lines.push({ kind: 'addon', description: `${counts.slides} slide${counts.slides === 1 ? '' : 's'}`, amount: counts.slides * rates.perSlide })
  if (counts.diagrams) lines.push({ kind: 'addon', description: `${counts.diagrams} diagram${counts.diagrams === 1 ? '' : 's'}`, amount: counts.diagrams * rates.perDiagram })
  return lines
}

/**
 * A quote's lines priced: the subtotal is every line but discounts, discounts are
 * negative, a manual adjustment either way; the total must come to more than nothing.
 * Answers the problem (naming the line) instead when the lines do not add up.
 */
export const priceQuote = (lines: readonly QuoteLineInput[]): PricedQuote | { problem: string; path: string } => {
  if (lines.length === 0) return { problem: 'A quote needs at least one line.', path: 'lines' }
  for (const [index, line] of lines.entries()) {
    const path = `lines.${index}.amount`
    if (!Number.isSafeInteger(line.amount)) return { problem: 'Whole cents.', path }
    if (line.kind === 'discount' && line.amount >= 0) return { problem: 'A discount line is negative.', path }
    if (line.kind === 'manual_adjustment' && line.amount === 0) return { problem: 'An adjustment of nothing is no line.', path }
    if (line.kind !== 'discount' && line.kind !== 'manual_adjustment' && line.amount <= 0) return { problem: `A ${line.kind} line is more than 0.`, path }
  }
  const subtotal = lines.filter((l) => l.kind !== 'discount').reduce((sum, l) => sum + l.amount, 0)
  const discount = -lines.filter((l) => l.kind === 'discount').reduce((sum, l) => sum + l.amount, 0)
  const total = subtotal - discount
  if (total <= 0) return { problem: 'The quote comes to nothing: the total must be more than 0.', path: 'lines' }
  if (total > QUOTE_MAX_TOTAL) return { problem: `The quote comes to more than ${QUOTE_MAX_TOTAL} cents.`, path: 'lines' }
  return { lines: [...lines], subtotal, discount, total }
}

/** Who the actor is to a quote: staff of its website, or the client of its special order. */
export type QuoteActor = WebsiteActor & { client: boolean }

export type QuoteFacts = { status: QuoteStatus; expiresAt: Date | null }

/** Past its expiry: refused at acceptance even before the schedule marks it expired. */
export const quoteExpired = (facts: QuoteFacts, now: Date): boolean => facts.expiresAt !== null && now.getTime() >= facts.expiresAt.getTime()

const client = (actor: QuoteActor): boolean => actor.client

/**
 * A special order's quote as a workflow table: the client accepts an unexpired sent
 * quote (the order's plan is issued) or rejects it (the order goes back to staff); the
 * platform expires it past `expiresAt`; staff withdraw one (a revision does it too).
 */
export const QUOTE_WORKFLOW = defineWorkflow<QuoteStatus, QuoteFacts, QuoteActor, 'accept' | 'reject' | 'expire' | 'withdraw'>({
  noun: 'quote',
  statuses: QUOTE_STATUSES,
  system: { ...PLATFORM, client: false },
  actions: {
    accept: {
      label: 'Accept the quote',
      from: ['sent'],
      who: client,
      guard: (facts, _actor, now) => (quoteExpired(facts, now) ? `The quote expired at ${facts.expiresAt!.toISOString()}; ask for a new one.` : null),
      targets: ['accepted'],
      input: z.object({
        discountCode: z
          .string({ error: 'Text: a discount code.' })
          .trim()
          .max(64, 'At most 64 characters.')
          .optional()
          .describe('A discount code (case does not matter): the plan is cut from the total after it. One that does not apply is a 422 whose `data.rule` says why; nothing is accepted then.'),
      }),
      money: true,
    },
    reject: { label: 'Reject the quote', from: ['sent'], who: client, targets: ['rejected'], input: z.object({ reason: z.string({ error: 'Text.' }).trim().max(2000).optional() }) },
    expire: {
      label: 'Expire',
      from: ['sent'],
      who: nobody,
      guard: (facts, _actor, now) => (quoteExpired(facts, now) ? null : 'The quote has not expired yet.'),
      targets: ['expired'],
    },
    withdraw: { label: 'Withdraw the quote', from: ['draft', 'sent'], who: staffOf('admin', 'support'), targets: ['cancelled'], input: z.object({ reason: z.string({ error: 'Text.' }).trim().max(2000).optional() }) },
  },
})
