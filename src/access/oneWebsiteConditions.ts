import type { AccessResult, Config, Plugin } from 'payload'

import { oneWebsiteAsEquality } from './where'

/** The multi-tenant plugin's `accessResultOverride`: its website condition as an equality. */
export const websiteAccessAsEquality = ({ accessResult }: { accessResult: AccessResult }): AccessResult =>
  typeof accessResult === 'object' && accessResult !== null ? oneWebsiteAsEquality(accessResult) : accessResult

/**
 * The admin's list filter for the selected website (the multi-tenant plugin's base
 * filter, which has no override of its own) as an equality. Register after that plugin.
 */
export const websiteFiltersAsEqualities = (): Plugin => (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
    const filter = collection.admin?.baseFilter ?? collection.admin?.baseListFilter
    if (!filter) return collection
    return {
      ...collection,
      admin: {
        ...collection.admin,
        baseListFilter: undefined,
        baseFilter: async (args) => {
          const where = await filter(args)
          return where ? oneWebsiteAsEquality(where) : where
        },
      },
    }
  }),
})
