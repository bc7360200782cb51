import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { actorOf, hasRole, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from '@/domain/files/uploadLimits'
import { ClientError, refuseField } from '@/errors'
import type { TicketAttachment } from '@/payload-types'

/**
 * A ticket file is uploaded with the request (multipart `file`), never fetched by the
 * server from a `url` in the body: without a file the create is a 400 naming `file`
 * before Payload's upload handling would try that URL.
 */
export const requireUploadedFile: CollectionBeforeOperationHook<'ticket-attachments'> = ({ args, operation, req }) => {
  if (operation === 'create' && !req.file) throw refuseField('ticket-attachments', 'file', 'file: required, as the multipart `file` part.', 400)
  return args
}

/**
 * Uploading a ticket file: openers (clients, writers) and ticket staff of the website;
 * the file belongs to the request's website and its uploader is the user, attached to
 * nothing yet, whatever the body says. Runs before the file is stored.
 */
export const guardTicketUpload: CollectionBeforeValidateHook<TicketAttachment> = ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  if ((data.filesize ?? req.file?.size ?? 0) > MAX_UPLOAD_BYTES) throw refuseField('ticket-attachments', 'file', TOO_LARGE_MESSAGE, 413)
  const actor = actorOf(req)
  if (!actor) throw new ClientError('Log in first.', 401)
  if (!hasRole(actor, 'client', 'writer', 'support', 'admin', 'superadmin')) throw new ClientError('Only the people of a support ticket attach files to it.', 403)
  const tenant = idOf(data.tenant as number | { id: number } | null | undefined)
  if (!tenant || !(actor.allTenants || actor.tenantIds.includes(tenant))) throw refuseField('ticket-attachments', 'tenant', 'tenant: the file belongs to the request’s website, which must be yours.', 400)
  return { ...data, tenant, uploadedBy: actor.id, ticket: null, message: null, opener: null, internal: false }
}

export type AttachTo = { tenant: number; author: number; ticket: number; opener: number; message?: number | null; internal: boolean }

const refuse = (collection: 'tickets' | 'ticket-messages', id: number) =>
  refuseField(collection, 'attachments', `attachments: file ${id} must be one you uploaded to this website and attached nowhere yet.`, 400)

/**
 * The files named by id, each uploaded by `author` on the website and attached nowhere
 * yet (400 naming `attachments`). Each is locked to the end of the transaction, so two
 * tickets or messages sent at once with the same file cannot both take it.
 */
export const attachableFiles = async (req: PayloadRequest, ids: readonly number[], { tenant, author }: { tenant: number; author: number }, collection: 'tickets' | 'ticket-messages'): Promise<TicketAttachment[]> => {
  const files: TicketAttachment[] = []
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    if (!(await lockRow(req, 'ticket_attachments', id, { tenant }))) throw refuse(collection, id)
    const file = await req.payload.findByID({ collection: 'ticket-attachments', id, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req })
    if (!file || idOf(file.tenant) !== tenant || idOf(file.uploadedBy) !== author || file.ticket) throw refuse(collection, id)
    files.push(file)
  }
  return files
}

/** Ties checked files to their ticket (and message); a staff note's files become internal. */
export const attachFiles = async (req: PayloadRequest, ids: readonly number[], to: AttachTo): Promise<void> => {
  for (const id of new Set(ids)) {
    await req.payload.update({
      collection: 'ticket-attachments',
      id,
      data: { ticket: to.ticket, message: to.message ?? null, opener: to.opener, internal: to.internal },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
  }
}
