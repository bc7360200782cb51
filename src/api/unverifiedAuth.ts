import { type Endpoint, type GraphQLInfo, NotFound, type PayloadRequest, type SanitizedCollectionConfig } from 'payload'

/**
 * Payload keeps `POST /api/<auth collection>/verify/:token` and the `verifyEmail<Type>`
 * mutation on collections that do not verify email, where its query names a token
 * column that does not exist: a 500 for any token. On such a collection there is
 * nothing to verify, so both answer 404 as an unknown route would.
 */
export const verifiesNothing = (collection: SanitizedCollectionConfig | null): boolean => Boolean(collection?.auth) && !collection?.auth?.verify

export const isVerifyRoute = (endpoint: Endpoint) => endpoint.path === '/verify/:id' || endpoint.path === '/verify/:token'

/** The verify mutations of collections that verify nothing, answering 404 instead of running. */
export const unverifiedMutations = (info: GraphQLInfo): Record<string, unknown> =>
  Object.fromEntries(
    Object.values(info.collections)
      .filter((collection) => verifiesNothing(collection.config))
      .map((collection) => `verifyEmail${(collection.graphQL as { type?: { name?: string } } | undefined)?.type?.name ?? ''}`)
      .filter((name) => info.Mutation.fields[name])
      .map((name) => [
        name,
        {
          ...info.Mutation.fields[name],
          resolve: (_source: unknown, _args: unknown, context: { req?: PayloadRequest }) => {
            throw new NotFound(context.req?.t)
          },
        },
      ]),
  )
