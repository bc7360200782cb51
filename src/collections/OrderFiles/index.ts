import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { authenticated, tenantRowsFor } from '@/access/rules'
import { serverOnlyField, setOnCreateField } from '@/fields/serverOnly'
import { recordParentFields } from '@/fields/recordParents'
import { userRefField } from '@/fields/userRef'
import { ORDER_FILE_PURPOSES } from '@/domain/files/orderFileRules'
import { ORDER_FILE_MIME_TYPES } from '@/domain/files/uploadLimits'
import { STAFF_ROLES } from '@/domain/roles'
import { env } from '@/env'
import { auditDownload, refId, usersOf } from '@/hooks/auditDownload'

import { readOrderFiles } from './access/readOrderFiles'
import { writerActivity } from '@/hooks/writerActivity'

import { guardUpload } from './hooks/guardUpload'

/**
 * Private files of an order, a special order or a class order: the client's brief, the writer's drafts and deliverables,
 * staff's guides and internal notes (DESIGN §9). Every read, list and download goes
 * through `readOrderFiles`; on S3 the storage plugin serves the file only after Payload's
 * access check (see src/storage.ts), on disk Payload's own file route does the same.
 */
export const OrderFiles: CollectionConfig<'order-files'> = {
  slug: 'order-files',
  lockDocuments: false,
  graphQL: { singularName: 'OrderFile', pluralName: 'OrderFiles' },
  admin: {
    ...navigation('Orders'),
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'order', 'specialOrder', 'classOrder', 'purpose', 'uploadedBy', 'createdAt'],
  },
  access: {
    read: readOrderFiles,
    // Who may add which file to which order is decided per order by `guardUpload`.
    create: authenticated,
    update: tenantRowsFor([...STAFF_ROLES]),
    delete: tenantRowsFor(['admin']),
  },
  hooks: { beforeValidate: [guardUpload], afterChange: [writerActivity('uploadedBy')] },
  upload: {
    staticDir: path.resolve(env().DATA_DIR, 'uploads', 'order-files'),
    mimeTypes: ORDER_FILE_MIME_TYPES,
    // Runs before the file is served (disk or S3): the download's audit row.
    handlers: [auditDownload('order-files', (file) => ({ changes: { order: refId(file.order), specialOrder: refId(file.specialOrder), classOrder: refId(file.classOrder) }, parties: usersOf(file.uploadedBy) }))],
    // Private to the people of the order: no shared cache may keep a copy.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'private, no-store')
      return headers
    },
  },
  fields: [
    // A file never moves to another record (nor, with it, to another website). Exactly one
    // of the three is set: the upload guard answers 400 naming the field otherwise.
    ...recordParentFields('file', setOnCreateField),
    { name: 'purpose', type: 'select', required: true, index: true, options: [...ORDER_FILE_PURPOSES] },
    serverOnlyField({ ...userRefField('uploadedBy'), admin: { position: 'sidebar' } }),
    serverOnlyField({
      name: 'revisionRequest',
      type: 'relationship',
      relationTo: 'order-requests',
      index: true,
      // Set only by the upload guard from the order's own open request, which the uploading
      // writer may not be allowed to read: the default check would refuse it as theirs to pick.
      validate: () => true as const,
      admin: { position: 'sidebar', description: 'The open revision request a revision file answers (set by the server).' },
    }),
    { name: 'note', type: 'textarea', maxLength: 2000 },
  ],
}
