import type { Payload } from 'payload'

import type { ClassOrder } from '@/payload-types'

let made = 0

/**
 * A class order of the website written as the system: created for `client` by the
 * website's admin (numbered by the collection's hook), then put in `status` with
 * `writer` assigned — the class-orders workflow is not what these tests are about.
 */
export const classOrderFor = async (
  payload: Payload,
  tenantId: number,
  { client, writer = null, status = 'assigned' }: { client?: number; writer?: number | null; status?: ClassOrder['status'] } = {},
): Promise<ClassOrder> => {
  made += 1
  const people = async (role: 'admin' | 'client') =>
    (await payload.find({ collection: 'users', where: { and: [{ 'tenants.tenant': { equals: tenantId } }, { roles: { equals: role } }] }, sort: 'id', limit: 1, depth: 0 })).docs[0]!
  const admin = await people('admin')
  const created = await payload.create({
    collection: 'class-orders',
    data: {
      tenant: tenantId,
      client: client ?? (await people('client')).id,
      title: `Class ${made} of website ${tenantId}`,
      institution: 'State University',
      className: 'Statistics 101',
      academicLevel: 'undergrad',
      startDate: new Date().toISOString(),
      endDate: new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString(),
    } as never,
    user: admin,
    depth: 0,
  })
  return payload.update({ collection: 'class-orders', id: created.id, data: { status, writer } as never, depth: 0 })
}
