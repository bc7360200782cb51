import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest } from 'payload'

import type { Actor } from '@/access/actor'
import type { SYSTEM, Workflow } from '@/domain/workflow/define'

/** What the rules see about one record and the one acting on it, read under the record's lock. */
export type SubjectContext<F, A> = { facts: F; actor: A | typeof SYSTEM }

/**
 * A decided action's change: the record as it is now, its timeline event, extra answer
 * fields (a pay link), and who the action's audit row names (`parties`, whose activity
 * feed shows it): every user the record names unless the action is not theirs to know of
 * (a ticket's internal note, its SLA breach: never its opener).
 */
export type Applied<C extends CollectionSlug> = { doc: DataFromCollectionSlug<C>; event: object; extra?: Record<string, unknown>; parties?: readonly number[] }

export type ApplyArgs<C extends CollectionSlug, K extends string, X> = {
  req: PayloadRequest
  doc: DataFromCollectionSlug<C>
  /** The context `context` returned, with anything else the change needs. */
  ctx: X
  action: K
  input: Record<string, unknown>
  /** Null when the platform acts. */
  actor: Actor | null
  now: Date
}

/**
 * A collection run by a workflow table: how to lock and read one record, what its rules
 * need to know, and how a decided action changes it (its writes, side effects, the
 * timeline event and the notification), all inside the transaction `performAction`
 * opened. `performAction` does the rest the same way for every workflow.
 */
export type WorkflowSubject<C extends CollectionSlug, S extends string, F extends { status: S }, A, K extends string, X extends SubjectContext<F, A>> = {
  collection: C
  workflow: Workflow<S, F, A, K>
  lock: (req: PayloadRequest, id: number) => Promise<DataFromCollectionSlug<C>>
  context: (req: PayloadRequest, doc: DataFromCollectionSlug<C>, actor: Actor | null) => Promise<X>
  apply: (args: ApplyArgs<C, K, X>) => Promise<Applied<C>>
  /** The event as this caller may see it (default: as written). */
  presentEvent?: (req: PayloadRequest, event: object) => object
}

export const defineSubject = <C extends CollectionSlug, S extends string, F extends { status: S }, A, K extends string, X extends SubjectContext<F, A>>(subject: WorkflowSubject<C, S, F, A, K, X>) => subject
