import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

export const CLASS_PROPOSAL_STATUSES = ['draft', 'sent', 'countered', 'accepted', 'rejected', 'expired', 'cancelled'] as const
export type ClassProposalStatus = (typeof CLASS_PROPOSAL_STATUSES)[number]

/** A staff price proposal, or the client's counter-offer to one. */
export const CLASS_PROPOSAL_KINDS = ['proposal', 'counter'] as const
export type ClassProposalKind = (typeof CLASS_PROPOSAL_KINDS)[number]

/**
 * Who the actor is to a proposal: staff of its website, whether they are the class's
 * client, and whether the proposal waits on them (the client answers staff proposals,
 * staff answer counter-offers).
 */
export type ClassProposalActor = WebsiteActor & { client: boolean; answers: boolean }

export type ClassProposalFacts = {
  status: ClassProposalStatus
  kind: ClassProposalKind
  expiresAt: Date | null
}

/** What the client pays on a proposal: amount − discount, or null when that is not a positive amount (§10.2). */
export const proposalFinal = (amount: number, discount: number): number | null => {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(discount) || discount < 0) return null
  const final = amount - discount
  return final > 0 ? final : null
}

/** When a proposal sent at `now` expires. */
export const proposalExpiry = (now: Date, hours: number): Date => new Date(now.getTime() + hours * 3_600_000)

export const isExpired = (facts: { expiresAt: Date | null }, now: Date): boolean => facts.expiresAt !== null && facts.expiresAt.getTime() <= now.getTime()

const staff = staffOf('admin', 'support')
const answers = (actor: ClassProposalActor): boolean => actor.answers
const notExpired = (facts: ClassProposalFacts, _actor: ClassProposalActor, now: Date): string | null => (isExpired(facts, now) ? 'The proposal has expired.' : null)

export const COUNTER_INPUT = z.object({
  amount: z.number({ error: 'Required: the price you offer, in cents.' }).int('Whole cents.').min(1, 'At least 1 cent.').max(100_000_000),
  note: z.string().trim().max(2000).optional(),
})

/**
 * Price proposals of a class (§10.2). Staff create them `sent` (the class's
 * `proposePrice`); the party a proposal waits on accepts or rejects it, the client may
 * counter a staff proposal instead (a new counter-offer record, `sent`, for staff to
 * accept, or to answer with a new proposal). Only a `sent` proposal is answered: a
 * counter-offer after acceptance is a 409, an expired one is refused even before the
 * expiry schedule has marked it. Staff withdraw an open proposal; the schedule expires it.
 */
export const CLASS_PROPOSAL_WORKFLOW = defineWorkflow<ClassProposalStatus, ClassProposalFacts, ClassProposalActor, 'accept' | 'counter' | 'reject' | 'cancel' | 'expire'>({
  noun: 'proposal',
  statuses: CLASS_PROPOSAL_STATUSES,
  system: { ...PLATFORM, client: false, answers: false },
  actions: {
    accept: { label: 'Accept', from: ['sent'], who: answers, guard: notExpired, targets: ['accepted'], money: true },
    counter: {
      label: 'Make a counter-offer',
      from: ['sent'],
      who: (actor) => answers(actor) && actor.client,
      guard: (facts, actor, now) => (facts.kind === 'counter' ? 'A counter-offer is answered by staff with a proposal.' : notExpired(facts, actor, now)),
      targets: ['countered'],
      input: COUNTER_INPUT,
    },
    reject: { label: 'Reject', from: ['sent'], who: answers, targets: ['rejected'], input: z.object({ reason: z.string().trim().max(2000).optional() }) },
    cancel: { label: 'Withdraw', from: ['draft', 'sent'], who: staff, targets: ['cancelled'] },
    expire: {
      label: 'Expire',
      from: ['sent'],
      who: () => false,
      guard: (facts, _actor, now) => (isExpired(facts, now) ? null : 'The proposal has not expired yet.'),
      targets: ['expired'],
    },
  },
})
