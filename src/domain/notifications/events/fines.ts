import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, orderLabel, reasonSuffix, textOf, wordsOf } from './facts'

/**
 * A writer's fine and its appeal (reference §9.3 `compensation.fine_applied`, §7). Facts:
 * `fine` (id), `order`, `number`, `type`, `amount`, `currency`, `status`, `reason`,
 * `restored` (given back by a waiver or void), `writtenOff`.
 */
const fineLink = (d: Record<string, unknown>) => linkTo('/fines', d, 'fine', '/fines')
const fineLabel = (d: Record<string, unknown>) => {
  const type = textOf(d, 'type')
  return `${type ? `${wordsOf(type)} ` : ''}fine of ${moneyOf(d)}`
}

export const FINE_EVENTS: Record<string, EventDescriber> = {
  'fine.issued': (d) => ({
    category: 'fines',
    priority: 'high',
    title: `Fine: ${moneyOf(d)}`,
    body: `A ${fineLabel(d)} was issued${textOf(d, 'order') || textOf(d, 'number') ? ` on ${orderLabel(d)}` : ''}. You can appeal it within the appeal window.${reasonSuffix(d)}`,
    link: fineLink(d),
  }),
  'fine.uphold': (d) => ({
    category: 'fines',
    priority: 'high',
    title: 'Your fine appeal was declined',
    body: `Your appeal against the ${fineLabel(d)} was declined; the fine stands.${reasonSuffix(d)}`,
    link: fineLink(d),
  }),
  'fine.waive': (d) => ({
    category: 'fines',
    priority: 'high',
    title: 'Your fine was waived',
    body: `The ${fineLabel(d)} was waived${textOf(d, 'restored') ? `; ${moneyOf(d, 'restored')} is given back` : ''}.${reasonSuffix(d)}`,
    link: fineLink(d),
  }),
  'fine.void': (d) => ({
    category: 'fines',
    priority: 'high',
    title: 'Your fine was voided',
    body: `The ${fineLabel(d)} was voided${textOf(d, 'restored') ? `; ${moneyOf(d, 'restored')} is given back` : ''}.${reasonSuffix(d)}`,
    link: fineLink(d),
  }),
  'fine.writeOff': (d) => ({
    category: 'fines',
    priority: 'normal',
    title: 'What you owed on a fine was written off',
    body: `What was still owed on the ${fineLabel(d)}${textOf(d, 'writtenOff') ? ` (${moneyOf(d, 'writtenOff')})` : ''} was written off.`,
    link: fineLink(d),
  }),
}
