import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, reasonSuffix, textOf } from './facts'

/**
 * Class orders (reference §9.3 `class.*`, §10.2). Facts: `classOrder` (id), `number`,
 * `title`, `amount` (a price, an installment, an earning), `currency`, `question`,
 * `reason`, `task` (a task's title).
 */
const classLink = (d: Record<string, unknown>) => linkTo('/class-orders', d, 'classOrder', '/class-orders')
const classLabel = (d: Record<string, unknown>) => {
  const number = textOf(d, 'number')
  return number ? `class ${number}` : 'your class'
}
const ClassLabel = (d: Record<string, unknown>) => {
  const label = classLabel(d)
  return label.charAt(0).toUpperCase() + label.slice(1)
}

export const CLASS_ORDER_EVENTS: Record<string, EventDescriber> = {
  'class.info_requested': (d) => ({
    category: 'orders',
    priority: 'normal',
    title: `${ClassLabel(d)}: details needed`,
    body: `We need more details about ${classLabel(d)}${textOf(d, 'question') ? `: ${textOf(d, 'question')}` : '.'}`,
    link: classLink(d),
  }),
  'class.price_proposed': (d) => ({
    category: 'orders',
    priority: 'high',
    title: `${ClassLabel(d)}: price proposed`,
    body: `A price of ${moneyOf(d)} is proposed for ${classLabel(d)}. Accept it, or make a counter-offer.`,
    link: classLink(d),
  }),
  'class.countered': (d) => ({
    category: 'orders',
    priority: 'normal',
    title: `${ClassLabel(d)}: counter-offer`,
    body: `The client offers ${moneyOf(d)} for ${classLabel(d)}.`,
    link: classLink(d),
  }),
  'class.accepted': (d) => ({
    category: 'orders',
    priority: 'high',
    title: `${ClassLabel(d)}: price accepted`,
    body: `The price of ${moneyOf(d)} for ${classLabel(d)} is accepted; its installment plan is issued.`,
    link: classLink(d),
  }),
  'class.rejected': (d) => ({
    category: 'orders',
    priority: 'normal',
    title: `${ClassLabel(d)}: price declined`,
    body: `The price of ${moneyOf(d)} for ${classLabel(d)} was declined.${reasonSuffix(d)}`,
    link: classLink(d),
  }),
  'class.writer_assigned': (d) => ({
    category: 'orders',
    priority: 'high',
    title: `${ClassLabel(d)}: writer assigned`,
    body: `A writer is assigned to ${classLabel(d)}.`,
    link: classLink(d),
  }),
  'class.installment_overdue': (d) => ({
    category: 'payments',
    priority: 'high',
    title: `${ClassLabel(d)}: installment overdue`,
    body: `An installment of ${moneyOf(d)} for ${classLabel(d)} is overdue. Work on the class may pause until it is paid.`,
    link: classLink(d),
  }),
  'class.paused': (d) => ({
    category: 'orders',
    priority: 'high',
    title: `${ClassLabel(d)} is paused`,
    body: `${ClassLabel(d)} is paused: its tasks wait until it resumes.${reasonSuffix(d)}`,
    link: classLink(d),
  }),
  'class.resumed': (d) => ({
    category: 'orders',
    priority: 'high',
    title: `${ClassLabel(d)} resumed`,
    body: `${ClassLabel(d)} has resumed: you can work on its tasks again.`,
    link: classLink(d),
  }),
  'class.completed': (d) => ({
    category: 'orders',
    priority: 'normal',
    title: `${ClassLabel(d)} completed`,
    body: `${ClassLabel(d)} is completed.`,
    link: classLink(d),
  }),
  'class.cancelled': (d) => ({
    category: 'orders',
    priority: 'high',
    title: `${ClassLabel(d)} cancelled`,
    body: `${ClassLabel(d)} is cancelled.${reasonSuffix(d)}`,
    link: classLink(d),
  }),
  'class.task_assigned': (d) => ({
    category: 'orders',
    priority: 'normal',
    title: `${ClassLabel(d)}: new task`,
    body: `A task${textOf(d, 'task') ? ` (${textOf(d, 'task')})` : ''} of ${classLabel(d)} is yours.`,
    link: classLink(d),
  }),
  'class.task_revision': (d) => ({
    category: 'orders',
    priority: 'high',
    title: `${ClassLabel(d)}: revision requested`,
    body: `A revision is requested on a task${textOf(d, 'task') ? ` (${textOf(d, 'task')})` : ''} of ${classLabel(d)}.${reasonSuffix(d)}`,
    link: classLink(d),
  }),
  'class.task_approved': (d) => ({
    category: 'orders',
    priority: 'normal',
    title: `${ClassLabel(d)}: task approved`,
    body: `A task${textOf(d, 'task') ? ` (${textOf(d, 'task')})` : ''} of ${classLabel(d)} is approved${textOf(d, 'amount') ? `; you earned ${moneyOf(d)}` : ''}.`,
    link: classLink(d),
  }),
}
