import { z } from 'zod'

import { WORKFLOWS } from '@/domain/workflow/all'
import type { WorkflowCollection } from '@/domain/workflow/collections'
import { actionNames, type AnyWorkflow } from '@/domain/workflow/define'

import { docOf, schemas } from './describe'

/** The action names of a workflow collection, from its workflow table. */
export const actionsOf = (collection: WorkflowCollection): [string, ...string[]] => actionNames(WORKFLOWS[collection] as AnyWorkflow) as [string, ...string[]]

/** The path of an action route: the record and the action's name. */
export const actionParams = (collection: WorkflowCollection) => z.object({ id: schemas.id, action: z.enum(actionsOf(collection)) })

/** What an action answers: the record as the caller may read it, the timeline event, and what the action adds (a pay link…). */
export const actionAnswer = (collection: WorkflowCollection) =>
  z.object({ doc: docOf(collection), event: z.object({}).catchall(z.unknown()).meta({ description: 'The timeline event the action recorded.' }) }).catchall(z.unknown())

/** `GET /:id/actions`: what the caller can do now (with each action's input as JSON Schema) and what a rule holds back. */
export const actionList = (collection: WorkflowCollection) => {
  const action = z.enum(actionsOf(collection))
  return z.object({
    available: z.array(
      z.object({
        action,
        label: z.string(),
        input: z.object({}).catchall(z.unknown()).meta({ description: 'The action’s body as JSON Schema (2020-12), to draw its form.' }),
        money: z.boolean().meta({ description: 'Moves money: send an `Idempotency-Key`.' }),
      }),
    ),
    blocked: z.array(z.object({ action, label: z.string(), reason: z.string() })),
  })
}
