import { chainAuditTrail } from '@/operations/audit/chain'

import type { Schedule } from './schedules'

/** The audit trail's hash chains, linked every few seconds (writers never wait for them). */
export const AUDIT_SCHEDULES: Schedule[] = [
  {
    id: 'audit-chain',
    everyMs: 10_000,
    run: ({ payload }) => chainAuditTrail(payload),
  },
]
