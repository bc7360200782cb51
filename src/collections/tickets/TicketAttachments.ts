import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { navigation } from '@/access/navigation'
import { authenticated, nobody, tenantRowsFor } from '@/access/rules'
import { ORDER_FILE_MIME_TYPES } from '@/domain/files/uploadLimits'
import { env } from '@/env'
import { serverOnlyField } from '@/fields/serverOnly'
import { userRefField } from '@/fields/userRef'
import { auditDownload, refId, usersOf } from '@/hooks/auditDownload'
import { stampTenant } from '@/hooks/stampTenant'
import { guardTicketUpload, requireUploadedFile } from '@/operations/tickets/attachments'

import { ticketRows } from './access'

/**
 * Files of support tickets, on the same storage as order files (S3 or local disk, see
 * src/storage.ts). Uploaded first (`POST /api/ticket-attachments`, multipart), then
 * attached by id when opening a ticket or posting a message, which ties the file to the
 * ticket (and marks it internal with a staff note). Downloads go through Payload's file
 * route after the read access: support and admins of the website, the uploader, and the
 * ticket's opener unless the file belongs to an internal note; each leaves an audit row.
 */
export const TicketAttachments: CollectionConfig<'ticket-attachments'> = {
  slug: 'ticket-attachments',
  lockDocuments: false,
  graphQL: { singularName: 'TicketAttachment', pluralName: 'TicketAttachments' },
  admin: { ...navigation('People'), useAsTitle: 'filename', defaultColumns: ['filename', 'ticket', 'uploadedBy', 'internal', 'createdAt'] },
  access: {
    read: ticketRows('opener', { hideInternal: true, uploaderField: 'uploadedBy' }),
    // Who may upload is decided by `guardTicketUpload` (openers and ticket staff of the website).
    create: authenticated,
    update: nobody,
    delete: tenantRowsFor(['admin']),
  },
  hooks: { beforeOperation: [requireUploadedFile], beforeValidate: [stampTenant, guardTicketUpload] },
  upload: {
    staticDir: path.resolve(env().DATA_DIR, 'uploads', 'ticket-attachments'),
    mimeTypes: ORDER_FILE_MIME_TYPES,
    // Runs before the file is served (disk or S3): the download's audit row, as for order files.
    handlers: [auditDownload('ticket-attachments', (file) => ({ changes: { ticket: refId(file.ticket), message: refId(file.message), internal: file.internal === true }, parties: usersOf(file.uploadedBy) }))],
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Cache-Control', 'private, no-store')
      return headers
    },
  },
  fields: [
    userRefField('uploadedBy', { serverOnly: true }),
    serverOnlyField({ name: 'ticket', type: 'relationship', relationTo: 'tickets', index: true, admin: { description: 'Set when the file is attached to a ticket or message.' } }),
    serverOnlyField({ name: 'message', type: 'relationship', relationTo: 'ticket-messages', index: true }),
    userRefField('opener', { serverOnly: true }),
    serverOnlyField({ name: 'internal', type: 'checkbox', defaultValue: false, index: true, admin: { description: 'Attached to a staff-only note: never shown to the opener.' } }),
  ],
}
