import { describe, expect, it } from 'vitest'

import { audienceOf, describeAudience } from '@/domain/campaigns/audience'
import { allSettled, CAMPAIGN_WORKFLOW, type CampaignFacts, campaignDue, contentProblem, finishedStatus, normalizeAddress } from '@/domain/campaigns/workflow'
import { availableActions, decide, SYSTEM } from '@/domain/workflow/define'

const now = new Date('2026-12-01T12:00:00Z')
const admin = { roles: ['admin'] as const, ofWebsite: true, superadmin: false }
const support = { roles: ['support'] as const, ofWebsite: true, superadmin: false }
const otherAdmin = { roles: ['admin'] as const, ofWebsite: false, superadmin: false }
const ready: CampaignFacts = { status: 'draft', contentProblem: null, audienceProblem: null, scheduledAt: new Date(now.getTime() + 3600_000) }

describe('a campaign audience', () => {
  it('takes roles, a segment, or both', () => {
    expect(audienceOf({ roles: ['client', 'client'] })).toEqual({ ok: true, audience: { roles: ['client'], segment: null } })
    expect(audienceOf({ segment: 'recentClients', days: 30 })).toEqual({ ok: true, audience: { roles: [], segment: { kind: 'recentClients', days: 30 } } })
    expect(audienceOf({ roles: ['writer'], segment: 'writersOfLevel', level: 3 })).toMatchObject({ ok: true, audience: { roles: ['writer'], segment: { kind: 'writersOfLevel', level: 3 } } })
  })

  it('refuses nobody, unknown roles and segments without their parameter, naming the field', () => {
    expect(audienceOf({ roles: [], segment: 'none' })).toMatchObject({ ok: false, field: 'audience' })
    expect(audienceOf({ roles: ['superadmin'] })).toMatchObject({ ok: false, field: 'audience.roles' })
    expect(audienceOf({ segment: 'recentClients' })).toMatchObject({ ok: false, field: 'audience.days' })
    expect(audienceOf({ segment: 'lapsedClients', days: 0 })).toMatchObject({ ok: false, field: 'audience.days' })
    expect(audienceOf({ segment: 'writersOfLevel' })).toMatchObject({ ok: false, field: 'audience.level' })
    expect(audienceOf({ segment: 'everyone' })).toMatchObject({ ok: false, field: 'audience.segment' })
  })

  it('reads as words', () => {
    const a = audienceOf({ roles: ['client'], segment: 'recentClients', days: 7 })
    expect(a.ok && describeAudience(a.audience)).toBe('roles client and clients with an order in the last 7 days')
  })
})

describe('the campaign workflow', () => {
  it('lets the website’s admins schedule, send now, test and cancel a ready draft', () => {
    expect(availableActions(CAMPAIGN_WORKFLOW, ready, admin, now).available.map((a) => a.action).sort()).toEqual(['cancel', 'schedule', 'sendNow', 'testSend'])
    expect(decide(CAMPAIGN_WORKFLOW, 'sendNow', ready, support, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(CAMPAIGN_WORKFLOW, 'sendNow', ready, otherAdmin, now)).toMatchObject({ ok: false, status: 403 })
  })

  it('refuses what is not ready (422), what the status does not allow (409), and the platform’s own actions to people (403)', () => {
    expect(decide(CAMPAIGN_WORKFLOW, 'schedule', { ...ready, scheduledAt: null }, admin, now)).toMatchObject({ ok: false, status: 422 })
    expect(decide(CAMPAIGN_WORKFLOW, 'schedule', { ...ready, scheduledAt: new Date(now.getTime() - 1) }, admin, now)).toMatchObject({ ok: false, status: 422 })
    expect(decide(CAMPAIGN_WORKFLOW, 'sendNow', { ...ready, contentProblem: 'The campaign has no subject.' }, admin, now)).toEqual({ ok: false, status: 422, reason: 'The campaign has no subject.' })
    expect(decide(CAMPAIGN_WORKFLOW, 'testSend', { ...ready, audienceProblem: 'Choose at least one role or a segment.' }, admin, now)).toMatchObject({ ok: true })
    expect(decide(CAMPAIGN_WORKFLOW, 'sendNow', { ...ready, status: 'sent' }, admin, now)).toMatchObject({ ok: false, status: 409 })
    expect(decide(CAMPAIGN_WORKFLOW, 'finish', { ...ready, status: 'sending' }, admin, now)).toMatchObject({ ok: false, status: 403 })
    expect(decide(CAMPAIGN_WORKFLOW, 'finish', { ...ready, status: 'sending' }, SYSTEM, now)).toEqual({ ok: true, targets: ['sent', 'failed'] })
    expect(decide(CAMPAIGN_WORKFLOW, 'start', { ...ready, status: 'scheduled' }, SYSTEM, now)).toEqual({ ok: true, targets: ['sending'] })
  })

  it('is due at its send time; finishes failed only when none was sent and some failed', () => {
    expect(campaignDue({ status: 'scheduled', scheduledAt: now }, now)).toBe(true)
    expect(campaignDue({ status: 'scheduled', scheduledAt: new Date(now.getTime() + 1) }, now)).toBe(false)
    expect(campaignDue({ status: 'draft', scheduledAt: now }, now)).toBe(false)
    const p = { total: 10, pending: 0, sending: 0, sent: 0, failed: 3, skipped: 7 }
    expect(finishedStatus(p)).toBe('failed')
    expect(finishedStatus({ ...p, sent: 1 })).toBe('sent')
    expect(finishedStatus({ ...p, failed: 0, skipped: 10 })).toBe('sent')
    expect(allSettled(p)).toBe(true)
    expect(allSettled({ ...p, sending: 1 })).toBe(false)
  })

  it('compares addresses lower-cased and wants a subject and a body', () => {
    expect(normalizeAddress('  Bob@Example.COM ')).toBe('bob@example.com')
    expect(contentProblem({ subject: ' ', bodyText: 'x' })).toMatch(/subject/)
    expect(contentProblem({ subject: 'Hi', bodyText: '' })).toMatch(/body/)
    expect(contentProblem({ subject: 'Hi', bodyText: 'x' })).toBeNull()
  })
})
