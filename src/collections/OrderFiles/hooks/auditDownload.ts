import type { UploadConfig } from 'payload'

import { idOf } from '@/access/actor'
import { recordAudit } from '@/operations/audit/record'
import type { OrderFile } from '@/payload-types'

type Handler = NonNullable<UploadConfig['handlers']>[number]

/**
 * Every download of an order file leaves an audit row (`file_download`), after the
 * collection's read access let it through and before the file is served (from disk or
 * S3: this handler runs first and answers nothing, so the next one serves the file).
 */
export const auditDownload: Handler = async (req, { doc, params }) => {
  const found = (doc as Partial<OrderFile> | undefined)?.id
    ? (doc as OrderFile)
    : ((await req.payload.db.findOne({ collection: 'order-files', where: { filename: { equals: params.filename } }, req })) as OrderFile | null)
  if (!found) return
  const uploader = idOf(found.uploadedBy as number | { id: number } | null | undefined)
  await recordAudit(req, {
    kind: 'access',
    action: 'file_download',
    tenant: idOf(found.tenant as number | { id: number } | null | undefined),
    targetCollection: 'order-files',
    targetId: found.id,
    changes: { order: idOf(found.order as number | { id: number }), filename: found.filename ?? null },
    parties: uploader === null ? [] : [uploader],
  })
}
