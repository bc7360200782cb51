import type { Endpoint } from 'payload'

import { MAX_RECORD_ID } from '@/domain/recordId'
import { invalidInput } from '@/errors'
import { staffDashboard } from '@/operations/dashboard/staffDashboard'

/** `?tenant=`: a website's id, or nothing for all of the caller's. */
const tenantParam = (value: string | null): number | null => {
  if (value === null || value === '') return null
  const id = Number(value)
  if (!/^\d{1,10}$/.test(value) || id < 1 || id > MAX_RECORD_ID) throw invalidInput([{ path: 'tenant', message: 'The id of a website.' }])
  return id
}

/** GET /api/dashboard[?tenant=<id>] (staff): role-aware figures, the admin dashboard's source. */
export const dashboardEndpoint: Endpoint = {
  path: '/dashboard',
  method: 'get',
  handler: async (req) => Response.json(await staffDashboard(req, tenantParam(req.searchParams.get('tenant')))),
}
