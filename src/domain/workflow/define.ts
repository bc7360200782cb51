import { z } from 'zod'

/**
 * One way to declare a workflow (DESIGN §6): a stateful record's statuses and, for each
 * action, the statuses it starts from, who may take it (role and relation to the
 * record), the business rules that may refuse it now, its input, where it leads and
 * whether it moves money. Pure: the operation layer supplies the facts, takes the lock,
 * writes the change, the timeline event and the notification.
 */

/** Why the action is not possible now (422), or null. */
export type Guard<F, A> = (facts: F, actor: A, now: Date) => string | null

export type ActionRule<S extends string, F, A> = {
  /** What a button says. */
  label: string
  from: readonly S[]
  /** Role and relation: an actor this refuses never sees the action (403). */
  who: (actor: A) => boolean
  guard?: Guard<F, A>
  /** Every status the action may lead to (none, or its own status: the status stays). */
  targets: readonly S[]
  /** The body it takes; unknown keys are dropped, a bad value is a 400 naming the field. */
  input?: z.ZodObject
  /** Moves money: the endpoint honours `Idempotency-Key`. */
  money?: boolean
}

export type Workflow<S extends string, F extends { status: S }, A, K extends string> = {
  /** The record's name in messages: "You may not pay this payout record." */
  noun: string
  statuses: readonly S[]
  actions: { readonly [key in K]: ActionRule<S, F, A> }
  /** Who the guards see when the platform acts (schedules): nobody in particular. */
  system: A
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the variance sink for any workflow's facts and actor
export type AnyWorkflow = Workflow<any, any, any, string>

export const defineWorkflow = <S extends string, F extends { status: S }, A, K extends string>(workflow: Workflow<S, F, A, K>) => workflow

/** The platform itself (schedules): no role check, the same statuses and rules. */
export const SYSTEM = 'system'

export type Decision<S extends string> = { ok: true; targets: readonly S[] } | { ok: false; status: 403 | 409 | 422; reason: string }

export const actionNames = <K extends string>(workflow: { actions: { readonly [key in K]: unknown } }) => Object.keys(workflow.actions) as K[]

export const isActionOf = <K extends string>(workflow: { actions: { readonly [key in K]: unknown } }, name: string): name is K => Object.hasOwn(workflow.actions, name)

/**
 * Whether the actor may take the action now: 403 when the role or relation never
 * allows it, 409 when the record's status does not, 422 when a business rule refuses.
 */
export const decide = <S extends string, F extends { status: S }, A, K extends string>(
  workflow: Workflow<S, F, A, K>,
  action: K,
  facts: F,
  actor: A | typeof SYSTEM,
  now: Date,
): Decision<S> => {
  const rule = workflow.actions[action]
  if (actor !== SYSTEM && !rule.who(actor)) return { ok: false, status: 403, reason: `You may not ${action} this ${workflow.noun}.` }
  if (!rule.from.includes(facts.status)) return { ok: false, status: 409, reason: `Not possible while the ${workflow.noun} is ${facts.status}.` }
  const refused = rule.guard?.(facts, actor === SYSTEM ? workflow.system : actor, now) ?? null
  if (refused) return { ok: false, status: 422, reason: refused }
  return { ok: true, targets: rule.targets }
}

const NO_INPUT = z.object({})

/** Parses an action's body: `{ success, data }` or the zod error to turn into a 400. */
export const parseInput = <K extends string>(workflow: { actions: { readonly [key in K]: { input?: z.ZodObject } } }, action: K, body: unknown) =>
  (workflow.actions[action].input ?? NO_INPUT).safeParse(body ?? {})

export type JsonSchema = Record<string, unknown>

const schemas = new WeakMap<z.ZodType, JsonSchema>()

/** The action's input as JSON Schema (draft 2020-12), so a screen can draw its form. */
export const inputJsonSchema = (input: z.ZodObject | undefined): JsonSchema => {
  const schema = input ?? NO_INPUT
  let json = schemas.get(schema)
  if (!json) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
    json = rest
    schemas.set(schema, json)
  }
  return json
}

export type AvailableAction<K extends string> = { action: K; label: string; input: JsonSchema; money: boolean }
export type BlockedAction<K extends string> = { action: K; label: string; reason: string }

/**
 * GET /api/<collection>/:id/actions: what the actor can do now, and the actions of this
 * status that a business rule holds back, with the reason. Actions its role or relation
 * never allows, or that belong to other statuses, are left out.
 */
export const availableActions = <S extends string, F extends { status: S }, A, K extends string>(workflow: Workflow<S, F, A, K>, facts: F, actor: A, now: Date) => {
  const available: AvailableAction<K>[] = []
  const blocked: BlockedAction<K>[] = []
  for (const action of actionNames(workflow)) {
    const rule = workflow.actions[action]
    const decision = decide(workflow, action, facts, actor, now)
    if (decision.ok) available.push({ action, label: rule.label, input: inputJsonSchema(rule.input), money: rule.money ?? false })
    else if (decision.status === 422) blocked.push({ action, label: rule.label, reason: decision.reason })
  }
  return { available, blocked }
}
