import { GraphQLJSON } from '@payloadcms/graphql/types'
import { GraphQLInt, GraphQLNonNull, type GraphQLFieldConfig } from 'graphql'

import { MAX_RECORD_ID } from '@/domain/recordId'
import { invalidInput } from '@/errors'
import { staffDashboard } from '@/operations/dashboard/staffDashboard'

import type { ResolverContext } from './args'

/** GET /api/dashboard on GraphQL: the staff's role-aware figures, of one website or all of theirs. */
export const dashboardField: GraphQLFieldConfig<unknown, ResolverContext, { tenant?: number | null }> = {
  type: new GraphQLNonNull(GraphQLJSON),
  description: 'GET /api/dashboard (staff): `{ websites, admin?, editor?, support? }` as the REST route answers.',
  args: { tenant: { type: GraphQLInt, description: "A website's id; none for all of the caller's." } },
  resolve: async (_source, { tenant }, { req }) => {
    if (tenant !== undefined && tenant !== null && (tenant < 1 || tenant > MAX_RECORD_ID)) throw invalidInput([{ path: 'tenant', message: 'The id of a website.' }])
    return staffDashboard(req, tenant ?? null)
  },
}
