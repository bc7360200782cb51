import type { CollectionSlug, Config, Plugin } from 'payload'

import { exportCsvEndpoint } from './exportCsv'

/** The admin component that links a list to its export (path relative to `admin.importMap.baseDir`). */
const EXPORT_LINK = '/admin/ExportCsvLink#ExportCsvLink'

/**
 * Every collection of ours gets `GET /api/<slug>/export.csv` (staff only; what each may
 * read of it applies) and an "Export CSV" item in its admin list's menu. Custom
 * endpoints come before Payload's `/:id`, so `export.csv` is never read as an id.
 */
export const csvExports = (): Plugin => (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    endpoints: collection.endpoints === false ? false : [...(collection.endpoints ?? []), exportCsvEndpoint(collection.slug as CollectionSlug)],
    admin: {
      ...collection.admin,
      components: { ...collection.admin?.components, listMenuItems: [...(collection.admin?.components?.listMenuItems ?? []), EXPORT_LINK] },
    },
  })),
})
