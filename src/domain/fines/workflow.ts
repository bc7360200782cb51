import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

/** A fine's life (reference §7): issued, appealed, escalated, then upheld or waived; an admin may void it. */
export const FINE_STATUSES = ['issued', 'disputed', 'escalated', 'resolved', 'waived', 'voided'] as const
export type FineStatus = (typeof FINE_STATUSES)[number]

/** Who the actor is to a fine: staff of its website, or the writer it fines. */
export type FineActor = WebsiteActor & { finedWriter: boolean }

export type FineFacts = {
  status: FineStatus
  escalatedBefore: boolean
  /** The website lets fined writers escalate their appeals (`features.allowEscalations`). */
  escalationsEnabled: boolean
  /** The fine left a receivable the writer still owes: in no payout yet and not written off. */
  receivableOutstanding?: boolean
}

const reason = (what: string) =>
  z.object({ reason: z.string({ error: `Required: ${what}.` }).trim().min(1, `Required: ${what}.`).max(2000) })

const finedWriter = (actor: FineActor): boolean => actor.finedWriter
const reviewers = staffOf('admin', 'support')
const admins = staffOf('admin')

/**
 * Fines as a workflow table: the fined writer appeals once while the fine is issued and
 * may escalate the appeal to an admin once; admins and support uphold or waive (a waiver
 * restores the writer's earning); an admin voids a fine in any state but voided. Issuing
 * is not an action: the lateness rule and staff create fines in `issued`. An admin
 * writes off a receivable the writer still owes (the status stays).
 */
export const FINE_WORKFLOW = defineWorkflow<FineStatus, FineFacts, FineActor, 'dispute' | 'escalate' | 'uphold' | 'waive' | 'void' | 'writeOff'>({
  noun: 'fine',
  statuses: FINE_STATUSES,
  system: { ...PLATFORM, finedWriter: false },
  actions: {
    dispute: {
      label: 'Appeal',
      from: ['issued'],
      who: finedWriter,
      targets: ['disputed'],
      input: reason('why the fine is wrong').extend({ evidence: z.string().trim().max(4000).optional() }),
    },
    escalate: {
      label: 'Escalate to an admin',
      from: ['disputed'],
      who: (actor) => finedWriter(actor) || reviewers(actor),
      // Switched off, the writer's appeal stays with support; support may still hand it up.
      guard: (facts, actor) => {
        if (facts.escalatedBefore) return 'The appeal has been escalated once already.'
        return facts.escalationsEnabled || reviewers(actor) ? null : 'Escalations are switched off on this website.'
      },
      targets: ['escalated'],
      input: reason('why an admin should decide'),
    },
    uphold: { label: 'Uphold the fine', from: ['disputed', 'escalated'], who: reviewers, targets: ['resolved'], input: reason('the answer to the appeal') },
    waive: { label: 'Waive the fine', from: ['issued', 'disputed', 'escalated'], who: reviewers, targets: ['waived'], input: reason('why it is waived'), money: true },
    void: { label: 'Void', from: ['issued', 'disputed', 'escalated', 'resolved', 'waived'], who: admins, targets: ['voided'], input: reason('why it is void'), money: true },
    writeOff: {
      label: 'Write off what the writer owes',
      from: ['issued', 'disputed', 'escalated', 'resolved'],
      who: admins,
      guard: (facts) => (facts.receivableOutstanding ? null : 'The fine leaves nothing outstanding to write off.'),
      targets: [],
      input: reason('why it is written off'),
      money: true,
    },
  },
})

/** Fines that no longer cost the writer anything (their amount goes back to the earning). */
export const fineLifted = (status: FineStatus): boolean => status === 'waived' || status === 'voided'
