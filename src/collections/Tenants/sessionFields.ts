import type { Field } from 'payload'

import { staffField } from '@/access/rules'
import { SESSION_DEFAULTS, type SessionRoleGroup } from '@/domain/sessions/policy'

const idle = (group: SessionRoleGroup, name: string, max: number, who: string): Field => ({
  name,
  type: 'number',
  access: { read: staffField },
  defaultValue: SESSION_DEFAULTS.idleMinutes[group],
  min: 5,
  max,
  admin: { description: `${who} are signed out after this many minutes without a request.` },
})

/**
 * Sessions (issue 16, `src/domain/sessions/policy.ts`): the idle timeout per role, checked
 * by the server on every request, and how many sessions one person may hold at once (the
 * oldest is signed out by a new sign-in past it). Someone on several websites gets the
 * strictest of them.
 */
export const sessionFields: Field[] = [
  idle('staff', 'staffIdleTimeoutMinutes', 1440, 'Staff and content editors'),
  idle('writer', 'writerIdleTimeoutMinutes', 10080, 'Writers'),
  idle('client', 'clientIdleTimeoutMinutes', 10080, 'Clients'),
  {
    name: 'sessionLimits',
    type: 'group',
    access: { read: staffField },
    admin: { description: 'Sessions one person may hold at once; a new sign-in past the limit signs out the oldest.' },
    fields: (['staff', 'writer', 'client'] as const).map((group) => ({ name: group, type: 'number' as const, min: 1, max: 100, defaultValue: SESSION_DEFAULTS.maxSessions[group] })),
  },
]
