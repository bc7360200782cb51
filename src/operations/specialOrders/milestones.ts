import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import type { MilestoneFact } from '@/domain/specialOrders/funding'
import type { FundingMilestone } from '@/payload-types'

/** The special order's milestones in sequence. */
export const milestonesOf = async (req: PayloadRequest, specialOrder: number): Promise<FundingMilestone[]> =>
  (await req.payload.find({ collection: 'funding-milestones', where: { specialOrder: { equals: specialOrder } }, sort: 'sequence', depth: 0, limit: 0, pagination: false, ...asSystem(proofOf(req)), req })).docs

/** What the gates know of a milestone row. */
export const factOf = (row: FundingMilestone): MilestoneFact => ({
  sequence: row.sequence,
  label: row.label,
  amount: row.amount,
  status: row.status,
  requiredBeforeStaffing: row.requiredBeforeStaffing ?? false,
  requiredBeforeDelivery: row.requiredBeforeDelivery ?? false,
})
