import { z } from 'zod'

import { refundRouteInput } from '../payments/refundRoute'
import { recordId } from '../recordId'

const reason = z.string({ error: 'Required: say why.' }).trim().min(1, 'Required: say why.').max(2000)
const note = z.string().trim().max(2000).optional()

export const DISPUTE_REASONS = ['quality_issue', 'late_delivery', 'wrong_file', 'conduct_issue', 'payment_issue', 'other'] as const
export const DISPUTE_OUTCOMES = ['writer_wins', 'client_wins', 'extend_deadline', 'reassign', 'partial_compromise', 'refund', 'other'] as const
export const DISPUTE_RESTORE_TO = ['in_progress', 'submitted', 'completed'] as const

/**
 * The body each order action accepts (`ORDER_ACTIONS` names them as its inputs). Unknown
 * keys are ignored; a bad value is a 400 naming the field. Actions not listed take no input.
 */
export const ACTION_INPUTS = {
  showInterest: z.object({ message: note }),
  bid: z.object({ message: note }),
  assign: z.object({
    writer: recordId('a writer of this website'),
    direct: z.boolean({ error: 'Must be true or false.' }).optional(),
  }),
  rejectAssignment: z.object({ reason: note }),
  declineInvitation: z.object({ reason: note }),
  releaseToPool: z.object({ reason }),
  requestHold: z.object({ reason }),
  qaApprove: z.object({ note }),
  qaReturn: z.object({ reason }),
  editorApprove: z.object({ note }),
  editorRequestRevision: z.object({ reason }),
  requestRevision: z.object({ reason }),
  openDispute: z.object({
    reason: z.enum(DISPUTE_REASONS, { error: `One of ${DISPUTE_REASONS.join(', ')}.` }),
    description: reason,
  }),
  resolveDispute: z.object({
    outcome: z.enum(DISPUTE_OUTCOMES, { error: `One of ${DISPUTE_OUTCOMES.join(', ')}.` }),
    summary: reason,
  }),
  closeDispute: z.object({ restoreTo: z.enum(DISPUTE_RESTORE_TO, { error: `One of ${DISPUTE_RESTORE_TO.join(', ')}.` }) }),
  requestReassignment: z.object({ reason }),
  requestCancellation: z.object({ reason }),
  // Where what is paid back goes, as a refund takes it (the wallet by default, the card where the website has no wallet).
  approveCancellation: z.object({
    forfeitPercent: z.number({ error: 'A whole percentage from 0 to 80.' }).int('A whole percentage from 0 to 80.').min(0, 'A whole percentage from 0 to 80.').max(80, 'A whole percentage from 0 to 80.').optional(),
    ...refundRouteInput,
  }),
  rejectCancellation: z.object({ reason }),
  cancel: z.object({ reason, ...refundRouteInput }),
}

export type ActionInputs = { [A in keyof typeof ACTION_INPUTS]: z.infer<(typeof ACTION_INPUTS)[A]> }
