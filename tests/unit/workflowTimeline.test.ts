import { describe, expect, it } from 'vitest'

import { timelineEntriesOf, timelineQuery } from '@/components/admin/WorkflowTimeline/timelineEntries'

describe('the admin timeline of a workflow record', () => {
  const row = (over: Record<string, unknown>) => ({ id: 1, action: 'sendQuote', from: 'quote_pending', to: 'quote_sent', actor: { id: 7, name: 'Ada Admin', email: 'admin@alpha.test' }, reason: null, createdAt: '2026-12-01T10:00:00.000Z', ...over })

  it('names the action, the status change and the actor', () => {
    expect(timelineEntriesOf({ docs: [row({})] })).toEqual([{ id: 1, action: 'sendQuote', label: 'Send quote', change: 'Quote pending → Quote sent', actor: 'Ada Admin', reason: null, at: '2026-12-01T10:00:00.000Z' }])
  })

  it('reads a related record’s step (`quote.accept`) as words', () => {
    expect(timelineEntriesOf({ docs: [row({ action: 'quote.accept', from: 'quote_sent', to: 'awaiting_payment' })] })[0]).toMatchObject({ label: 'Quote accept', change: 'Quote sent → Awaiting payment' })
  })

  it('leaves out a change when the status stayed, and keeps the reason', () => {
    const [entry] = timelineEntriesOf({ docs: [row({ action: 'waiveMilestone', from: 'awaiting_payment', to: 'awaiting_payment', reason: 'Goodwill' })] })
    expect(entry).toMatchObject({ label: 'Waive milestone', change: null, reason: 'Goodwill' })
  })

  it('says who acted however the actor came back, and a schedule is the platform', () => {
    const actors = timelineEntriesOf({ docs: [row({ id: 1, actor: { id: 3, email: 'c@alpha.test' } }), row({ id: 2, actor: 9 }), row({ id: 3, actor: null })] }).map((e) => e.actor)
    expect(actors).toEqual(['c@alpha.test', 'user 9', 'the platform'])
  })

  it('skips rows of another shape and answers nothing for a body without docs', () => {
    expect(timelineEntriesOf({ docs: [row({ id: 'x' }), 'junk', row({ id: 2 })] }).map((e) => e.id)).toEqual([2])
    expect(timelineEntriesOf(null)).toEqual([])
    expect(timelineEntriesOf({ errors: [] })).toEqual([])
  })

  it('asks for the one document of the one collection, newest first', () => {
    const query = new URLSearchParams(timelineQuery('special-orders', 12))
    expect(query.get('where[collection][equals]')).toBe('special-orders')
    expect(query.get('where[document][equals]')).toBe('12')
    expect(query.get('sort')).toBe('-createdAt')
  })
})
