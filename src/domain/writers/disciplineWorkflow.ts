import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { nobody, PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { DISCIPLINE_STATUSES, type DisciplineKind, type DisciplineStatus } from './discipline'

export type DisciplineFacts = { status: DisciplineStatus; kind: DisciplineKind; endsAt: Date | null }

/**
 * A discipline record's life (reference §12.4): issued active; an admin lifts it early
 * with a reason; the platform's schedule expires it when its end has passed. A blacklist
 * has no end, so the schedule never expires it; only an admin's decision ends it.
 */
export const DISCIPLINE_WORKFLOW = defineWorkflow<DisciplineStatus, DisciplineFacts, WebsiteActor, 'lift' | 'expire'>({
  noun: 'discipline record',
  statuses: DISCIPLINE_STATUSES,
  system: PLATFORM,
  actions: {
    lift: {
      label: 'Lift',
      from: ['active'],
      who: staffOf('admin'),
      targets: ['lifted'],
      input: z.object({ reason: z.string({ error: 'Required: why it is lifted.' }).trim().min(1, 'Required: why it is lifted.').max(2000) }),
    },
    // The schedule's, once the record's end has passed.
    expire: {
      label: 'Expire',
      from: ['active'],
      who: nobody,
      guard: (facts, _actor, now) => {
        if (facts.kind === 'blacklist' || !facts.endsAt) return 'The record has no end date.'
        return facts.endsAt.getTime() > now.getTime() ? 'The record has not reached its end yet.' : null
      },
      targets: ['expired'],
    },
  },
})
