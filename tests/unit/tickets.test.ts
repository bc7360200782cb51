import { describe, expect, it } from 'vitest'

import { pickAgent } from '@/domain/tickets/assignment'
import { DEFAULT_TICKET_SETTINGS, dueBreaches, reopenRefusal, slaDueDates, slaTargetsOf } from '@/domain/tickets/sla'
import { formatTicketNumber, statusAfterReply } from '@/domain/tickets/workflow'

const at = new Date('2026-12-01T10:00:00Z')
const MINUTE = 60_000

describe('ticket SLA targets (reference §9.2)', () => {
  it('by default: critical 30 min / 1 h (not the reference’s 0 h), high 2 h / 4 h, normal 12 h / 24 h, low 36 h / 72 h', () => {
    const targets = slaTargetsOf(DEFAULT_TICKET_SETTINGS)
    const minutes = (p: 'critical' | 'high' | 'normal' | 'low') => {
      const due = slaDueDates(targets, p, at)
      return [(due.firstResponseDueAt.getTime() - at.getTime()) / MINUTE, (due.resolutionDueAt.getTime() - at.getTime()) / MINUTE]
    }
    expect(minutes('critical')).toEqual([30, 60])
    expect(minutes('high')).toEqual([120, 240])
    expect(minutes('normal')).toEqual([720, 1440])
    expect(minutes('low')).toEqual([2160, 4320])
  })

  it('a breach is due once: past its target, not answered (first response) or still open (resolution), not flagged yet', () => {
    const sla = { firstResponseDueAt: new Date(at.getTime() - MINUTE), resolutionDueAt: new Date(at.getTime() + MINUTE), firstRespondedAt: null, firstResponseBreachedAt: null, resolutionBreachedAt: null }
    expect(dueBreaches(sla, at)).toEqual(['firstResponse'])
    expect(dueBreaches({ ...sla, firstResponseBreachedAt: at }, at)).toEqual([])
    expect(dueBreaches({ ...sla, firstRespondedAt: at }, at)).toEqual([])
    expect(dueBreaches(sla, new Date(at.getTime() + 2 * MINUTE))).toEqual(['firstResponse', 'resolution'])
    expect(dueBreaches({ ...sla, firstRespondedAt: at, resolutionBreachedAt: at }, new Date(at.getTime() + 2 * MINUTE))).toEqual([])
  })

  it('the opener reopens within the window after closing, not after', () => {
    expect(reopenRefusal(new Date(at.getTime() - 71 * 60 * MINUTE), 72, at)).toBeNull()
    expect(reopenRefusal(new Date(at.getTime() - 73 * 60 * MINUTE), 72, at)).toMatch(/72 hours/)
  })
})

describe('round-robin by load', () => {
  it('picks the fewest open tickets, then the least recently assigned (never first), then the lowest id', () => {
    expect(pickAgent([])).toBeNull()
    expect(pickAgent([{ id: 1, load: 3, lastAssignedAt: null }, { id: 2, load: 1, lastAssignedAt: at }])).toBe(2)
    expect(pickAgent([{ id: 1, load: 1, lastAssignedAt: at }, { id: 2, load: 1, lastAssignedAt: new Date(at.getTime() - MINUTE) }])).toBe(2)
    expect(pickAgent([{ id: 1, load: 1, lastAssignedAt: at }, { id: 2, load: 1, lastAssignedAt: null }])).toBe(2)
    expect(pickAgent([{ id: 5, load: 0, lastAssignedAt: null }, { id: 4, load: 0, lastAssignedAt: null }])).toBe(4)
  })
})

describe('replies and numbers', () => {
  it('a staff reply waits for the opener; the opener’s reply to an answer hands it back, otherwise the status stays', () => {
    expect(statusAfterReply('open', true)).toBe('awaiting_response')
    expect(statusAfterReply('escalated', true)).toBe('awaiting_response')
    expect(statusAfterReply('awaiting_response', false)).toBe('in_progress')
    expect(statusAfterReply('open', false)).toBe('open')
    expect(formatTicketNumber(123)).toBe('TCK-000123')
  })
})
