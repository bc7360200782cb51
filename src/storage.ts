import { s3Storage } from '@payloadcms/storage-s3'

import type { Env } from './env'

/**
 * Uploads on S3 when S3_BUCKET is set, on local disk otherwise. The plugin is always
 * registered (switched by `enabled`) with `alwaysInsertFields`, so the schema and the
 * admin import map are the same in every environment.
 */
export const storagePlugin = (settings: Env) =>
  s3Storage({
    enabled: Boolean(settings.S3_BUCKET),
    alwaysInsertFields: true,
    // Served through Payload's file route after the collection's read access (never
    // `disablePayloadAccessControl`): order files are private.
    collections: { media: true, 'order-files': true, 'ticket-attachments': true },
    bucket: settings.S3_BUCKET ?? 'unused',
    config: {
      endpoint: settings.S3_ENDPOINT,
      region: settings.S3_REGION,
      forcePathStyle: settings.S3_FORCE_PATH_STYLE,
      credentials:
        settings.S3_ACCESS_KEY_ID && settings.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY }
          : undefined,
    },
  })
