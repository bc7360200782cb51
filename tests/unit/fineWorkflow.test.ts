import { describe, expect, it } from 'vitest'

import { FINE_WORKFLOW, type FineActor, type FineStatus, fineLifted } from '@/domain/fines/workflow'
import { availableActions, decide } from '@/domain/workflow/define'

const now = new Date('2026-12-01T12:00:00Z')
const actor = (roles: FineActor['roles'], over: Partial<FineActor> = {}): FineActor => ({ roles, ofWebsite: true, superadmin: false, finedWriter: false, ...over })
const writer = actor(['writer'], { finedWriter: true })
const otherWriter = actor(['writer'])
const support = actor(['support'])
const admin = actor(['admin'])
const otherAdmin = actor(['admin'], { ofWebsite: false })
const facts = (status: FineStatus, escalatedBefore = false, escalationsEnabled = true) => ({ status, escalatedBefore, escalationsEnabled })

describe('the fines workflow (reference §7)', () => {
  it('lets only the fined writer appeal, and only while the fine is issued', () => {
    expect(decide(FINE_WORKFLOW, 'dispute', facts('issued'), writer, now)).toMatchObject({ ok: true, targets: ['disputed'] })
    expect(decide(FINE_WORKFLOW, 'dispute', facts('issued'), otherWriter, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(FINE_WORKFLOW, 'dispute', facts('resolved'), writer, now)).toMatchObject({ ok: false, status: 409 })
  })

  it('escalates an appeal once', () => {
    expect(decide(FINE_WORKFLOW, 'escalate', facts('disputed'), writer, now)).toMatchObject({ ok: true, targets: ['escalated'] })
    expect(decide(FINE_WORKFLOW, 'escalate', facts('disputed', true), writer, now)).toMatchObject({ ok: false, status: 422 })
  })

  it('with escalations switched off on the website, the writer cannot escalate; support still can', () => {
    expect(decide(FINE_WORKFLOW, 'escalate', facts('disputed', false, false), writer, now)).toMatchObject({ ok: false, status: 422, reason: 'Escalations are switched off on this website.' })
    expect(decide(FINE_WORKFLOW, 'escalate', facts('disputed', false, false), support, now)).toMatchObject({ ok: true, targets: ['escalated'] })
  })

  it('has admins and support of the website uphold or waive; never once resolved or waived', () => {
    for (const who of [admin, support]) {
      expect(decide(FINE_WORKFLOW, 'uphold', facts('escalated'), who, now)).toMatchObject({ ok: true, targets: ['resolved'] })
      expect(decide(FINE_WORKFLOW, 'waive', facts('disputed'), who, now)).toMatchObject({ ok: true, targets: ['waived'] })
    }
    expect(decide(FINE_WORKFLOW, 'waive', facts('resolved'), admin, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(FINE_WORKFLOW, 'waive', facts('issued'), otherAdmin, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(FINE_WORKFLOW, 'uphold', facts('disputed'), writer, now)).toMatchObject({ ok: false, status: 403 })
  })

  it('lets an admin void a fine in any state but voided; support cannot', () => {
    for (const status of ['issued', 'disputed', 'escalated', 'resolved', 'waived'] as const) {
      expect(decide(FINE_WORKFLOW, 'void', facts(status), admin, now)).toMatchObject({ ok: true, targets: ['voided'] })
    }
    expect(decide(FINE_WORKFLOW, 'void', facts('voided'), admin, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(FINE_WORKFLOW, 'void', facts('issued'), support, now)).toMatchObject({ ok: false, status: 403 })
  })

  it('lets an admin write off an outstanding receivable, keeping the status', () => {
    const owed = { ...facts('resolved'), receivableOutstanding: true }
    expect(decide(FINE_WORKFLOW, 'writeOff', owed, admin, now)).toMatchObject({ ok: true, targets: [] })
    expect(decide(FINE_WORKFLOW, 'writeOff', facts('resolved'), admin, now)).toMatchObject({ ok: false, status: 422 })
    expect(decide(FINE_WORKFLOW, 'writeOff', owed, support, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(FINE_WORKFLOW, 'writeOff', { ...owed, status: 'waived' as const }, admin, now)).toMatchObject({ ok: false, status: 409 })
  })

  it('shows the writer the appeal and marks the money actions', () => {
    const { available } = availableActions(FINE_WORKFLOW, facts('issued'), writer, now)
    expect(available.map((a) => a.action)).toEqual(['dispute'])
    const staff = availableActions(FINE_WORKFLOW, facts('issued'), admin, now).available
    expect(staff.map((a) => [a.action, a.money])).toEqual([
      ['waive', true],
      ['void', true],
    ])
    expect(fineLifted('waived') && fineLifted('voided') && !fineLifted('resolved')).toBe(true)
  })
})
