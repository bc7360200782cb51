import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

export const CLASS_TASK_KINDS = ['discussion_post', 'quiz', 'exam', 'essay', 'lab', 'assignment', 'other'] as const
export type ClassTaskKind = (typeof CLASS_TASK_KINDS)[number]

export const CLASS_TASK_STATUSES = ['pending', 'assigned', 'in_progress', 'submitted', 'approved', 'revision_requested', 'completed', 'cancelled'] as const
export type ClassTaskStatus = (typeof CLASS_TASK_STATUSES)[number]

/** Who the actor is to a task: staff of its website, or the class's assigned writer. */
export type ClassTaskActor = WebsiteActor & { writer: boolean }

export type ClassTaskFacts = {
  status: ClassTaskStatus
  /** The class is paused (an overdue installment, or staff): its tasks are frozen. */
  classPaused: boolean
  /** The class has an assigned writer. */
  classHasWriter: boolean
}

const staff = staffOf('admin', 'support')
const writer = (actor: ClassTaskActor): boolean => actor.writer

/** Every task action waits while the class is paused: no work, no approvals, no pay. */
const notPaused = (facts: ClassTaskFacts): string | null => (facts.classPaused ? 'The class is paused: its tasks wait until it resumes.' : null)

/**
 * A class's tasks (§10.2: discussion posts, quizzes, exams, essays…), each with its own
 * small life: staff hand it to the class's writer, the writer works and submits it, staff
 * approve it (which earns the writer's share, see compensation.ts) or ask for a
 * revision, then mark it completed. Staff cancel a task not yet approved.
 */
export const CLASS_TASK_WORKFLOW = defineWorkflow<ClassTaskStatus, ClassTaskFacts, ClassTaskActor, 'assign' | 'start' | 'submit' | 'approve' | 'requestRevision' | 'complete' | 'cancel'>({
  noun: 'class task',
  statuses: CLASS_TASK_STATUSES,
  system: { ...PLATFORM, writer: false },
  actions: {
    assign: {
      label: 'Give to the writer',
      from: ['pending'],
      who: staff,
      guard: (facts) => notPaused(facts) ?? (facts.classHasWriter ? null : 'The class has no writer yet.'),
      targets: ['assigned'],
    },
    start: { label: 'Start', from: ['assigned', 'revision_requested'], who: writer, guard: notPaused, targets: ['in_progress'] },
    submit: { label: 'Submit', from: ['in_progress'], who: writer, guard: notPaused, targets: ['submitted'], input: z.object({ notes: z.string().trim().max(4000).optional() }) },
    approve: { label: 'Approve', from: ['submitted'], who: staff, guard: notPaused, targets: ['approved'], input: z.object({ grade: z.string().trim().max(40).optional() }), money: true },
    requestRevision: {
      label: 'Ask for a revision',
      from: ['submitted'],
      who: staff,
      guard: notPaused,
      targets: ['revision_requested'],
      input: z.object({ reason: z.string({ error: 'Required: what to revise.' }).trim().min(1, 'Required: what to revise.').max(2000) }),
    },
    complete: { label: 'Mark completed', from: ['approved'], who: staff, guard: notPaused, targets: ['completed'] },
    cancel: { label: 'Cancel', from: ['pending', 'assigned', 'in_progress', 'submitted', 'revision_requested'], who: staff, guard: notPaused, targets: ['cancelled'] },
  },
})
