/** The collections run by a workflow table: each answers `GET/POST /api/<collection>/:id/actions`. */
export const WORKFLOW_COLLECTIONS = ['orders', 'invoices', 'payout-records', 'payout-requests', 'discipline-records', 'fines', 'loyalty-redemptions', 'referrals', 'discount-campaigns', 'tickets', 'email-campaigns', 'reviews', 'class-orders', 'class-proposals', 'class-tasks'] as const
export type WorkflowCollection = (typeof WORKFLOW_COLLECTIONS)[number]
