import type { GraphQLInfo } from 'payload'

type Resolve = (...args: unknown[]) => Promise<Record<string, unknown> | null> | Record<string, unknown> | null

/**
 * Payload's GraphQL `Access` query declares `canAccessAdmin: Boolean!` but drops every
 * `false` from the permissions it answers, so for anyone who may not open the admin
 * (clients, writers, anonymous) the field comes back null and the whole query fails
 * with a 500. The same resolver, with the missing flag answered as the `false` it is.
 */
export const accessQueryWithFlag = (info: GraphQLInfo): Record<string, unknown> => {
  const access = info.Query.fields.Access as { resolve?: Resolve } | undefined
  if (!access?.resolve) return {}
  const resolve = access.resolve
  return {
    Access: {
      ...access,
      resolve: async (...args: unknown[]) => {
        const result = await resolve(...args)
        return result ? { ...result, canAccessAdmin: result.canAccessAdmin ?? false } : result
      },
    },
  }
}
