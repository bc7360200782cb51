import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { serverOnlyField } from '@/fields/serverOnly'

import { accessQueryWithFlag } from './accessQuery'
import { compactPermissions } from './graphql/compactPermissions'
import { graphqlLimitRules } from './graphql/limits'
import { selectByDefault } from './graphql/selectByDefault'
import { guardApiOperation } from './guardOperation'
import { guardEndpoints } from './guardEndpoints'
import { mapClientFaults, mapLostServers } from './mapDatabaseErrors'
import { replacePreferenceRoutes } from './preferenceRoutes'
import { unverifiedMutations } from './unverifiedAuth'

/**
 * Malformed input of any kind is a 4xx naming what is wrong, for every collection and
 * endpoint at once (issue 10): the operation guard on every collection (REST and
 * GraphQL), the request check in front of every REST endpoint, GraphQL's limits, and
 * the mapper of what still slips through. Register it last, after the plugins that add
 * collections or fields.
 */
export const apiGuards = (): Plugin => (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [guardApiOperation, ...(collection.hooks?.beforeOperation ?? [])] },
    fields: [...collection.fields, ...serverTimestamps(collection)],
  })),
  hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), mapClientFaults, mapLostServers] },
  graphQL: {
    ...config.graphQL,
    validationRules: (args) => [...(config.graphQL?.validationRules?.(args) ?? []), ...graphqlLimitRules()],
    queries: (graphQL, info) => {
      selectByDefault(info)
      compactPermissions(info)
      return { ...accessQueryWithFlag(info), ...(config.graphQL?.queries?.(graphQL, info) ?? {}) }
    },
    mutations: (graphQL, info) => ({ ...unverifiedMutations(info), ...(config.graphQL?.mutations?.(graphQL, info) ?? {}) }),
  },
  onInit: async (payload) => {
    // Payload adds its default REST endpoints, and its own collections (preferences, key
    // values, migrations, locks), while sanitising the config: only now are they there.
    replacePreferenceRoutes(payload.config)
    guardEndpoints(payload.config)
    for (const collection of payload.config.collections) {
      const hooks = collection.hooks.beforeOperation
      if (!hooks.includes(guardApiOperation)) hooks.unshift(guardApiOperation)
    }
    await config.onInit?.(payload)
  },
})

const hasField = (collection: CollectionConfig, name: string) => collection.fields.some((field) => 'name' in field && field.name === name)

/**
 * `createdAt` and `updatedAt` as Payload would add them (same column, index and label),
 * but server-owned: Payload takes both from a create body, so a client could backdate
 * an order. Declared here, Payload adds none of its own.
 */
const serverTimestamps = (collection: CollectionConfig): Field[] => {
  if (collection.timestamps === false) return []
  return (['updatedAt', 'createdAt'] as const)
    .filter((name) => !hasField(collection, name))
    .map((name) =>
      serverOnlyField({
        name,
        type: 'date',
        index: true,
        label: ({ t }) => t(name === 'updatedAt' ? 'general:updatedAt' : 'general:createdAt'),
        admin: { disableBulkEdit: true, hidden: true },
      }),
    )
}
