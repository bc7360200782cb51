import { WORKFLOWS } from '@/domain/workflow/all'
import { WORKFLOW_COLLECTIONS, type WorkflowCollection } from '@/domain/workflow/collections'
import { actionNames, type AnyWorkflow, inputJsonSchema } from '@/domain/workflow/define'

import { json } from './jsonSchema'
import type { OperationSpec } from './operation'

const isWorkflowCollection = (slug: string): slug is WorkflowCollection => (WORKFLOW_COLLECTIONS as readonly string[]).includes(slug)

/**
 * One concrete operation per action of a workflow collection, from its workflow table
 * (src/domain/workflow/all.ts): `POST /api/<collection>/{id}/actions/<action>` with the
 * action's label, its input as the body, and `Idempotency-Key` when it moves money.
 * `generic` is the documented `/:id/actions/:action` route they specialise; a workflow
 * added to the table appears here without hand work.
 */
export const workflowActionRoutes = (slug: string, generic: OperationSpec): { action: string; spec: OperationSpec }[] => {
  if (!isWorkflowCollection(slug)) return []
  const workflow = WORKFLOWS[slug] as AnyWorkflow
  const rules = workflow.actions as Record<string, { label: string; input?: Parameters<typeof inputJsonSchema>[0]; money?: boolean; from: readonly string[] }>
  return actionNames(workflow).map((action) => {
    const rule = rules[action]!
    const input = inputJsonSchema(rule.input)
    const hasRequired = Array.isArray(input.required) && input.required.length > 0
    return {
      action,
      spec: {
        ...generic,
        summary: `${rule.label} (${workflow.noun})`,
        description: `From ${rule.from.map((s) => `\`${s}\``).join(', ')}. ${rule.money ? 'Moves money: send an `Idempotency-Key`, so a retry acts once. ' : ''}${generic.description ?? ''}`,
        pathParams: { id: generic.pathParams?.id ?? { type: 'integer', minimum: 1, maximum: 2_147_483_647 } },
        requestBody: { required: hasRequired, content: json(input) },
        idempotent: rule.money === true,
        errors: [...(generic.errors ?? []), ...(rule.money ? ([502] as const) : [])],
      },
    }
  })
}
