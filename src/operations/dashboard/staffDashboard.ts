import type { PayloadRequest } from 'payload'

import { hasRole } from '@/access/actor'

import { adminFigures } from './adminFigures'
import { contentWork } from './contentWork'
import { openRequests } from './openRequests'
import { qaQueue } from './qaQueue'
import { dashboardScope } from './scope'

/**
 * GET /api/dashboard's answer: the websites covered, then one part per role the caller
 * holds: `admin` (admins and superadmins: orders, money per day, payout requests, outbox),
 * `editor` (the QA queue), `support` (open disputes and holds), `content` (content editors,
 * admins and superadmins: drafts, scheduled publishing, published documents with warnings).
 */
export const staffDashboard = async (req: PayloadRequest, tenant: number | null, now = new Date()) => {
  const scope = await dashboardScope(req, tenant)
  const { actor } = scope
  const admin = hasRole(actor, 'admin', 'superadmin') ? await adminFigures(req, scope, now) : undefined
  const editor = hasRole(actor, 'editor') ? { qaQueue: await qaQueue(req, scope) } : undefined
  const support = hasRole(actor, 'support') ? await openRequests(req, scope) : undefined
  const content = hasRole(actor, 'content', 'admin', 'superadmin') ? await contentWork(req, scope, now) : undefined
  return { generatedAt: now.toISOString(), tenant: scope.named?.[0] ?? null, websites: scope.websites, admin, editor, support, content }
}
export type StaffDashboard = Awaited<ReturnType<typeof staffDashboard>>
