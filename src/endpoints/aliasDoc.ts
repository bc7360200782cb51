import type { RouteDoc } from '@/api/openapi/describe'
import type { WorkflowCollection } from '@/domain/workflow/collections'
import { subjectOf } from '@/operations/workflow/registry'

import { idParams } from './routeId'

/**
 * The documentation of an older alias route of a workflow action (`actionAlias`): its
 * body is the action's own input schema from the workflow table (what the handler
 * parses with), and it takes an `Idempotency-Key` exactly when the action moves money.
 */
export const aliasDoc = (collection: WorkflowCollection, action: string, doc: Pick<RouteDoc, 'summary' | 'description' | 'responses'>): RouteDoc => {
  const rule = subjectOf(collection).workflow.actions[action]
  if (!rule) throw new Error(`${collection}: no action ${action} to alias`)
  return {
    ...doc,
    auth: 'required',
    params: idParams,
    ...(rule.input ? { body: rule.input } : {}),
    ...(rule.money ? { idempotent: true } : {}),
    // The actions contract's refusals: not visible, not theirs, wrong status, a rule refuses, a bad field.
    errors: [400, 401, 403, 404, 409, 422],
  }
}
