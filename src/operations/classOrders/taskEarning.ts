import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { classCompensation, taskEarning } from '@/domain/classOrders/compensation'
import type { ClassCompensationKind } from '@/domain/classOrders/statuses'
import type { ClassOrder, ClassTask } from '@/payload-types'

import { postEarning } from '../money/writerEarnings'

/**
 * An approved task earns the class's writer their share of the class's compensation
 * (`taskEarning`: what is not yet earned, shared among the live tasks not yet earned),
 * posted by `postEarning` as a `class_earning`, once per task. Runs under the class's
 * lock, so two approvals at once share correctly. Returns the amount (0: nothing to earn).
 */
export const earnTask = async (req: PayloadRequest, classOrder: ClassOrder, task: ClassTask): Promise<number> => {
  const writer = idOf(classOrder.writer)
  const kind = classOrder.compensation?.kind as ClassCompensationKind | null | undefined
  if (!writer || !kind) return 0
  const compensation = classCompensation({ kind, value: classOrder.compensation?.value ?? 0 }, classOrder.total ?? 0)
  const { docs: tasks } = await req.payload.find({ collection: 'class-tasks', where: { classOrder: { equals: classOrder.id } }, limit: 0, depth: 0, ...asSystem(proofOf(req)), req })
  const earnedSoFar = tasks.reduce((sum, t) => sum + (t.earned ?? 0), 0)
  // Tasks not cancelled and not yet paid for (approved or completed ones were).
  const unearned = tasks.filter((t) => t.status !== 'cancelled' && t.status !== 'approved' && t.status !== 'completed').length
  const amount = taskEarning({ compensation, earnedSoFar, unearnedTasks: unearned })
  if (amount <= 0) return 0
  await postEarning(req, {
    tenant: idOf(classOrder.tenant)!,
    writer,
    link: { classOrder: classOrder.id, classTask: task.id },
    kind: 'class_earning',
    amount,
    reference: `earning:class-task:${task.id}`,
    memo: `Class ${classOrder.number}: ${task.title}`.slice(0, 200),
    breakdown: { compensation, kind, value: classOrder.compensation?.value ?? 0, earnedBefore: earnedSoFar, sharedAmong: unearned },
  })
  return amount
}
