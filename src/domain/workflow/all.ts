import { FINE_WORKFLOW } from '../fines/workflow'
import { CAMPAIGN_WORKFLOW } from '../campaigns/workflow'
import { DISCOUNT_CAMPAIGN_WORKFLOW } from '../discounts/campaignWorkflow'
import { INVOICE_WORKFLOW } from '../invoices/workflow'
import { REDEMPTION_WORKFLOW } from '../loyalty/redemptions'
import { ORDER_WORKFLOW } from '../orders/actions'
import { PAYOUT_RECORD_WORKFLOW, PAYOUT_REQUEST_WORKFLOW } from '../payouts/workflows'
import { DISCIPLINE_WORKFLOW } from '../writers/disciplineWorkflow'
import { REFERRAL_WORKFLOW } from '../referrals/workflow'
import { TICKET_WORKFLOW } from '../tickets/workflow'
import { REVIEW_WORKFLOW } from '../reviews/workflow'
import { CLASS_ORDER_WORKFLOW } from '../classOrders/workflow'
import { CLASS_PROPOSAL_WORKFLOW } from '../classOrders/proposals'
import { CLASS_TASK_WORKFLOW } from '../classOrders/tasks'

import type { WorkflowCollection } from './collections'

/** Every workflow table by the collection it runs. */
export const WORKFLOWS = {
  orders: ORDER_WORKFLOW,
  invoices: INVOICE_WORKFLOW,
  'payout-records': PAYOUT_RECORD_WORKFLOW,
  'payout-requests': PAYOUT_REQUEST_WORKFLOW,
  'discipline-records': DISCIPLINE_WORKFLOW,
  fines: FINE_WORKFLOW,
  'loyalty-redemptions': REDEMPTION_WORKFLOW,
  referrals: REFERRAL_WORKFLOW,
  'discount-campaigns': DISCOUNT_CAMPAIGN_WORKFLOW,
  tickets: TICKET_WORKFLOW,
  'email-campaigns': CAMPAIGN_WORKFLOW,
  reviews: REVIEW_WORKFLOW,
  'class-orders': CLASS_ORDER_WORKFLOW,
  'class-proposals': CLASS_PROPOSAL_WORKFLOW,
  'class-tasks': CLASS_TASK_WORKFLOW,
} as const satisfies Record<WorkflowCollection, unknown>
