import type { EventDescriber } from '../catalogue'

import { reasonSuffix, textOf } from './facts'

/**
 * A writer's discipline record (reference §9.3 `writer.discipline.*`). Facts: `id`, `kind`
 * (warning | strike | probation | suspension | blacklist), `status`, `endsAt`, `reason`.
 * A suspension or blacklist bars the writer from work: critical, told whatever the preferences.
 */
const KIND: Record<string, string> = { warning: 'a warning', strike: 'a strike', probation: 'probation', suspension: 'a suspension', blacklist: 'a blacklisting' }
const kindOf = (d: Record<string, unknown>) => KIND[textOf(d, 'kind')] ?? 'a discipline record'
const until = (d: Record<string, unknown>) => {
  const end = new Date(textOf(d, 'endsAt'))
  return Number.isNaN(end.getTime()) ? '' : ` It ends on ${end.toISOString().slice(0, 10)}.`
}
const barring = (d: Record<string, unknown>) => ['suspension', 'blacklist'].includes(textOf(d, 'kind'))

export const DISCIPLINE_EVENTS: Record<string, EventDescriber> = {
  'discipline.issued': (d) => {
    const what = kindOf(d)
    return {
      category: 'account',
      priority: barring(d) ? 'critical' : 'high',
      title: `You received ${what}`,
      body: `You received ${what}.${until(d)}${reasonSuffix(d)}`,
      link: '/discipline',
    }
  },
  'discipline.lifted': (d) => ({
    category: 'account',
    priority: 'high',
    title: `Your ${kindOf(d).replace(/^an? /, '')} was lifted`,
    body: `The ${kindOf(d).replace(/^an? /, '')} on your account was lifted.`,
    link: '/discipline',
  }),
  'discipline.expired': (d) => ({
    category: 'account',
    priority: 'normal',
    title: `Your ${kindOf(d).replace(/^an? /, '')} ended`,
    body: `The ${kindOf(d).replace(/^an? /, '')} on your account has ended.`,
    link: '/discipline',
  }),
}
