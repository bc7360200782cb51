import type { CollectionBeforeValidateHook } from 'payload'

import { actorOf } from '@/access/actor'
import { isOrderFilePurpose, ORDER_FILE_PURPOSES, revisionRefusal, uploadRefusal } from '@/domain/files/orderFileRules'
import { recordUploadRefusal } from '@/domain/files/recordFileRules'
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from '@/domain/files/uploadLimits'
import { refuseField } from '@/errors'
import { openRequests } from '@/operations/orders/records'
import { parentFields, recordForRequest } from '@/operations/recordForRequest'
import type { OrderFile } from '@/payload-types'

/**
 * Adding a file to an order, a special order or a class order (exactly one of `order`,
 * `specialOrder`, `classOrder`): the purpose must be one the user's part in it allows
 * (client: the brief; current writer: the work, while he works on it; staff: anything),
 * and only staff add files to a closed one; on an order a writer's revision file answers
 * an open revision request and is tied to it. The file belongs to the record's website
 * and its uploader is the user, whatever the body says. Runs before the file is stored,
 * so a refusal stores nothing.
 */
export const guardUpload: CollectionBeforeValidateHook<OrderFile> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  // REST uploads are cut off at this size by the multipart parser; the Local API is not.
  // (`filesize` comes from Payload's file processing: `req.file.size` is lost for non-images.)
  if ((data.filesize ?? req.file?.size ?? 0) > MAX_UPLOAD_BYTES) throw refuseField('order-files', 'file', TOO_LARGE_MESSAGE, 413)
  if (!isOrderFilePurpose(data.purpose)) {
    throw refuseField('order-files', 'purpose', `purpose: must be one of ${ORDER_FILE_PURPOSES.join(', ')}.`, 400)
  }
  const found = await recordForRequest(req, 'order-files', data)
  const { tenant, parties } = found
  const actor = actorOf(req)
  const stamped = { ...data, ...parentFields(found), tenant, uploadedBy: actor ? actor.id : (data.uploadedBy ?? null) }
  if (found.parent !== 'order') {
    const refusal = parties && recordUploadRefusal(found.parent, parties, data.purpose, found.status)
    if (refusal) throw refuseField('order-files', refusal.path, refusal.message, refusal.status)
    return { ...stamped, revisionRequest: null }
  }
  const order = found.record
  const refusal = parties && uploadRefusal(parties, data.purpose, order.status)
  if (refusal) throw refuseField('order-files', refusal.path, refusal.message, refusal.status)
  const revision = data.purpose === 'revision' ? ((await openRequests(req, order.id)).find((r) => r.kind === 'revision') ?? null) : null
  const unanswered = parties && revisionRefusal(parties, data.purpose, revision !== null)
  if (unanswered) throw refuseField('order-files', unanswered.path, unanswered.message, unanswered.status)
  return { ...stamped, revisionRequest: revision?.id ?? null }
}
