import type { WorkflowCollection } from '@/domain/workflow/collections'

import { FINE_SUBJECT } from '../fines/subject'
import { CAMPAIGN_SUBJECT } from '../campaigns/subject'
import { DISCOUNT_CAMPAIGN_SUBJECT } from '../discounts/campaignSubject'
import { INVOICE_SUBJECT } from '../invoices/subject'
import { REDEMPTION_SUBJECT } from '../loyalty/redemptions'
import { ORDER_SUBJECT } from '../orders/subject'
import { PAYOUT_RECORD_SUBJECT, PAYOUT_REQUEST_SUBJECT } from '../payouts/subjects'
import { DISCIPLINE_SUBJECT } from '../writers/disciplineSubject'
import { REFERRAL_SUBJECT } from '../referrals/subject'
import { TICKET_SUBJECT } from '../tickets/subject'
import { REVIEW_SUBJECT } from '../reviews/subject'
import { CLASS_ORDER_SUBJECT } from '../classOrders/subject'
import { CLASS_PROPOSAL_SUBJECT } from '../classOrders/proposalSubject'
import { CLASS_TASK_SUBJECT } from '../classOrders/taskSubject'

import type { WorkflowSubject } from './subject'

/** Every workflow collection's subject; one line for each new workflow. */
const SUBJECTS = {
  orders: ORDER_SUBJECT,
  invoices: INVOICE_SUBJECT,
  'payout-records': PAYOUT_RECORD_SUBJECT,
  'payout-requests': PAYOUT_REQUEST_SUBJECT,
  'discipline-records': DISCIPLINE_SUBJECT,
  fines: FINE_SUBJECT,
  'loyalty-redemptions': REDEMPTION_SUBJECT,
  referrals: REFERRAL_SUBJECT,
  'discount-campaigns': DISCOUNT_CAMPAIGN_SUBJECT,
  tickets: TICKET_SUBJECT,
  'email-campaigns': CAMPAIGN_SUBJECT,
  reviews: REVIEW_SUBJECT,
  'class-orders': CLASS_ORDER_SUBJECT,
  'class-proposals': CLASS_PROPOSAL_SUBJECT,
  'class-tasks': CLASS_TASK_SUBJECT,
} satisfies { [C in WorkflowCollection]: { collection: C } }

// The generic operation needs no more than this of any subject; each subject is typed precisely where it is defined.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySubject = WorkflowSubject<WorkflowCollection, string, { status: string }, any, string, any>

export const subjectOf = (collection: WorkflowCollection): AnySubject => SUBJECTS[collection] as unknown as AnySubject
