import type { Cents } from '../money'

import type { OrderStatus } from './statuses'

/** A website's editing and QA policy (reference §3.5 EditingRequirementConfig), with its defaults. */
export type ReviewPolicy = {
  editingByDefault: boolean
  skipEditingForUrgent: boolean
  allowEditingForEarlySubmissions: boolean
  earlySubmissionHours: number
  /** QA as a step at all; the two rules below only apply when it is on. */
  qaEnabled: boolean
  qaForHighValue: boolean
  highValueThreshold: Cents
  qaForNewWriters: boolean
  newWriterOrderThreshold: number
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  editingByDefault: true,
  skipEditingForUrgent: true,
  allowEditingForEarlySubmissions: true,
  earlySubmissionHours: 24,
  qaEnabled: false,
  qaForHighValue: true,
  highValueThreshold: 30_000,
  qaForNewWriters: true,
  newWriterOrderThreshold: 5,
}

const HOUR_MS = 3600 * 1000

/**
 * Where a writer's submission goes (reference §3.5): editing when required, else QA
 * when QA is on and the order is high-value or the writer new, else to the client.
 */
export const submissionTarget = (args: {
  policy: ReviewPolicy
  /** The order's own override (null: follow the policy). */
  requiresEditing: boolean | null
  urgent: boolean
  clientDeadline: Date
  now: Date
  total: Cents
  writerDeliveredOrders: number
}): Extract<OrderStatus, 'under_editing' | 'qa_review' | 'submitted'> => {
  const { policy, now } = args
  const hoursLeft = (args.clientDeadline.getTime() - now.getTime()) / HOUR_MS
  let editing: boolean
  if (args.requiresEditing !== null) editing = args.requiresEditing
  else if (!policy.editingByDefault) editing = false
  else if (policy.skipEditingForUrgent && (args.urgent || hoursLeft < 24)) editing = false
  else if (!policy.allowEditingForEarlySubmissions && hoursLeft > policy.earlySubmissionHours) editing = false
  else editing = true
  if (editing) return 'under_editing'

  const qa =
    policy.qaEnabled &&
    ((policy.qaForHighValue && args.total >= policy.highValueThreshold) ||
      (policy.qaForNewWriters && args.writerDeliveredOrders < policy.newWriterOrderThreshold))
  return qa ? 'qa_review' : 'submitted'
}
