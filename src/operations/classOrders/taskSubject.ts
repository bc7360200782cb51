import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { CLASS_TASK_WORKFLOW, type ClassTaskActor, type ClassTaskStatus } from '@/domain/classOrders/tasks'
import type { SYSTEM } from '@/domain/workflow/define'
import type { ClassTask } from '@/payload-types'
import { actorAs } from '@/operations/workflow/websiteActor'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'

import { lockClassOrder, tellClass } from './records'
import { earnTask } from './taskEarning'

const TARGET = { assign: 'assigned', start: 'in_progress', submit: 'submitted', approve: 'approved', requestRevision: 'revision_requested', complete: 'completed', cancel: 'cancelled' } as const satisfies Record<string, ClassTaskStatus>

const lockTask = async (req: PayloadRequest, id: number): Promise<ClassTask> => {
  await lockRow(req, 'class_tasks', id)
  return req.payload.findByID({ collection: 'class-tasks', id, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * A class's tasks (`docs/class-orders.md`): frozen while the class is paused, handed to
 * the class's writer, approved by staff, which earns the writer's share (`earnTask`).
 * The class is locked first, as every class change does, so a pause and a task action
 * never cross.
 */
export const CLASS_TASK_SUBJECT = defineSubject({
  collection: 'class-tasks',
  workflow: CLASS_TASK_WORKFLOW,
  lock: async (req, id) => {
    const task = await req.payload.findByID({ collection: 'class-tasks', id, depth: 0, ...asSystem(proofOf(req)), req })
    await lockClassOrder(req, idOf(task.classOrder)!)
    return lockTask(req, id)
  },
  context: async (req, doc: ClassTask, actor) => {
    const classOrder = await req.payload.findByID({ collection: 'class-orders', id: idOf(doc.classOrder)!, depth: 0, ...asSystem(proofOf(req)), req })
    const facts = { status: doc.status, classPaused: classOrder.status === 'paused', classHasWriter: idOf(classOrder.writer) !== null }
    const who: ClassTaskActor | typeof SYSTEM = actorAs(actor, idOf(doc.tenant)!, { writer: classOrder.writer })
    return { facts, actor: who }
  },
  apply: async ({ req, doc, action, input, actor, now: _now }) => {
    const by = actor?.id ?? null
    const classOrder = await req.payload.findByID({ collection: 'class-orders', id: idOf(doc.classOrder)!, depth: 0, ...asSystem(proofOf(req)), req })
    const patch: Partial<ClassTask> = { status: TARGET[action] }
    const data: Record<string, unknown> = {}
    if (action === 'assign') patch.writer = idOf(classOrder.writer)
    if (action === 'submit' && typeof input.notes === 'string') patch.notes = input.notes
    if (action === 'requestRevision') patch.notes = input.reason as string
    if (action === 'approve') {
      if (typeof input.grade === 'string') patch.grade = input.grade
      patch.earned = await earnTask(req, classOrder, doc)
      data.earned = patch.earned
    }
    const task = await req.payload.update({ collection: 'class-tasks', id: doc.id, data: patch, depth: 0, ...asSystem(proofOf(req)), req })
    const reason = typeof input.reason === 'string' ? input.reason : null
    const event = await recordEvent(req, { collection: 'class-tasks', document: doc.id, tenant: idOf(doc.tenant)!, action, actor: by, from: doc.status, to: task.status, reason, data: { classOrder: classOrder.id, ...data } })
    const writer = idOf(classOrder.writer)
    const told = { assign: 'class.task_assigned', requestRevision: 'class.task_revision', approve: 'class.task_approved' } as Partial<Record<string, string>>
    const eventKey = told[action]
    if (eventKey) await tellClass(req, classOrder, eventKey, [writer], by, event.id, { task: doc.title, reason, amount: data.earned })
    return { doc: task, event }
  },
})
