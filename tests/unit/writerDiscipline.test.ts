import { describe, expect, it } from 'vitest'

import { decide, SYSTEM } from '@/domain/workflow/define'
import { PLATFORM } from '@/domain/workflow/websiteActor'
import { DEFAULT_DISCIPLINE, disciplineReason, escalationFor, formatDay } from '@/domain/writers/discipline'
import { DISCIPLINE_WORKFLOW } from '@/domain/writers/disciplineWorkflow'
import { checkCriteria, isoWeekStart, NEUTRAL_CRITERIA, snapshotOf } from '@/domain/writers/evaluation'

const none = { suspended: false, blacklisted: false, onProbation: false }

describe('discipline escalation (reference §12.4)', () => {
  it('suspends at the active strike count and blacklists at the lifetime count, each once', () => {
    expect(escalationFor('strike', { activeStrikes: 4, lifetimeStrikes: 4, activeWarnings: 0 }, none, DEFAULT_DISCIPLINE)).toBeNull()
    expect(escalationFor('strike', { activeStrikes: 5, lifetimeStrikes: 5, activeWarnings: 0 }, none, DEFAULT_DISCIPLINE)).toEqual({ kind: 'suspension', days: 7, reason: '5 active strikes (the website suspends at 5).' })
    expect(escalationFor('strike', { activeStrikes: 6, lifetimeStrikes: 6, activeWarnings: 0 }, { ...none, suspended: true }, DEFAULT_DISCIPLINE)).toBeNull()
    expect(escalationFor('strike', { activeStrikes: 2, lifetimeStrikes: 10, activeWarnings: 0 }, { ...none, suspended: true }, DEFAULT_DISCIPLINE)).toMatchObject({ kind: 'blacklist', days: null })
    expect(escalationFor('strike', { activeStrikes: 2, lifetimeStrikes: 11, activeWarnings: 0 }, { ...none, blacklisted: true }, DEFAULT_DISCIPLINE)).toBeNull()
  })

  it('0 disables a rule; warnings lead to probation for the warning days', () => {
    const off = { ...DEFAULT_DISCIPLINE, autoSuspendOnStrikes: 0, autoBlacklistOnStrikes: 0, warningsForProbation: 0 }
    expect(escalationFor('strike', { activeStrikes: 50, lifetimeStrikes: 50, activeWarnings: 0 }, none, off)).toBeNull()
    expect(escalationFor('warning', { activeStrikes: 0, lifetimeStrikes: 0, activeWarnings: 50 }, none, off)).toBeNull()
    expect(escalationFor('warning', { activeStrikes: 0, lifetimeStrikes: 0, activeWarnings: 5 }, none, DEFAULT_DISCIPLINE)).toMatchObject({ kind: 'probation', days: 30 })
    expect(escalationFor('warning', { activeStrikes: 0, lifetimeStrikes: 0, activeWarnings: 6 }, { ...none, onProbation: true }, DEFAULT_DISCIPLINE)).toBeNull()
  })

  it('says why a writer is barred, to them and to staff', () => {
    const endsAt = new Date('2026-12-08T09:00:00.000Z')
    expect(formatDay(endsAt)).toBe('8 December 2026')
    expect(disciplineReason({ kind: 'suspension', endsAt, reason: 'Plagiarism in ALPHA-00042.' }, 'self')).toBe('You are suspended until 8 December 2026: Plagiarism in ALPHA-00042.')
    expect(disciplineReason({ kind: 'suspension', endsAt, reason: 'Plagiarism' }, 'staff')).toBe('The writer is suspended until 8 December 2026: Plagiarism.')
    expect(disciplineReason({ kind: 'blacklist', endsAt: null, reason: 'Fraud' }, 'self')).toBe('You are blacklisted on this website.')
    expect(disciplineReason({ kind: 'blacklist', endsAt: null, reason: 'Fraud' }, 'staff')).toBe('The writer is blacklisted on this website: Fraud.')
  })
})

describe('the discipline-records workflow', () => {
  const admin = { roles: ['admin'] as const, ofWebsite: true, superadmin: false }
  const support = { roles: ['support'] as const, ofWebsite: true, superadmin: false }
  const now = new Date('2026-12-01T00:00:00.000Z')
  const facts = (kind: 'suspension' | 'blacklist', endsAt: Date | null) => ({ status: 'active' as const, kind, endsAt })

  it('admins of the website lift; support and other websites’ admins do not', () => {
    expect(decide(DISCIPLINE_WORKFLOW, 'lift', facts('blacklist', null), admin, now)).toMatchObject({ ok: true })
    expect(decide(DISCIPLINE_WORKFLOW, 'lift', facts('blacklist', null), support, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(DISCIPLINE_WORKFLOW, 'lift', facts('blacklist', null), { ...admin, ofWebsite: false }, now)).toMatchObject({ ok: false, status: 403 })
  })

  it('the platform expires a record at its end, never a blacklist, and nobody else expires one', () => {
    expect(decide(DISCIPLINE_WORKFLOW, 'expire', facts('suspension', new Date('2026-11-30T00:00:00.000Z')), SYSTEM, now)).toMatchObject({ ok: true })
    expect(decide(DISCIPLINE_WORKFLOW, 'expire', facts('suspension', new Date('2026-12-02T00:00:00.000Z')), SYSTEM, now)).toMatchObject({ ok: false, status: 422 })
    expect(decide(DISCIPLINE_WORKFLOW, 'expire', facts('blacklist', null), SYSTEM, now)).toMatchObject({ ok: false, status: 422 })
    expect(decide(DISCIPLINE_WORKFLOW, 'expire', facts('suspension', new Date('2026-11-30T00:00:00.000Z')), admin, now)).toMatchObject({ ok: false, status: 403 })
    expect(DISCIPLINE_WORKFLOW.system).toBe(PLATFORM)
  })
})

describe('evaluation snapshots', () => {
  it('weeks start on Monday 00:00 UTC', () => {
    expect(isoWeekStart(new Date('2026-11-25T10:00:00.000Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(isoWeekStart(new Date('2026-11-29T23:59:59.000Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(isoWeekStart(new Date('2026-11-30T00:00:00.000Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z')
  })

  it('rates from counts; a writer with nothing to measure has the best rates and no rating', () => {
    expect(snapshotOf({ completed: 4, cancelled: 1, submitted: 4, late: 2, revised: 1, disputed: 1, averageRating: null })).toEqual({
      completedOrders: 4,
      completionRate: 0.8,
      latenessRate: 0.5,
      revisionRate: 0.25,
      disputeRate: 0.2,
      cancellationRate: 0.2,
      averageRating: null,
    })
    expect(snapshotOf({ completed: 0, cancelled: 0, submitted: 0, late: 0, revised: 0, disputed: 0, averageRating: null })).toMatchObject({ completionRate: 1, latenessRate: 0, cancellationRate: 0 })
  })

  it('checks every criterion, naming those that hold', () => {
    const checks = checkCriteria(snapshotOf({ completed: 3, cancelled: 0, submitted: 3, late: 0, revised: 0, disputed: 0, averageRating: null }), { ...NEUTRAL_CRITERIA, minCompletedOrders: 5 })
    expect(checks.find((c) => c.metric === 'completedOrders')).toEqual({ metric: 'completedOrders', value: 3, threshold: 5, comparison: '>=', holds: false })
    expect(checks.filter((c) => c.holds).map((c) => c.metric)).toEqual(['compositeScore', 'completionRate', 'latenessRate', 'revisionRate', 'disputeRate', 'cancellationRate'])
  })
})
