import type { CollectionSlug, UploadConfig } from 'payload'

import { idOf } from '@/access/actor'
import { recordAudit } from '@/operations/audit/record'

type Handler = NonNullable<UploadConfig['handlers']>[number]
type Ref = number | { id: number } | null | undefined
type FileDoc = { id: number; tenant?: Ref; filename?: string | null } & Record<string, unknown>

/** What the row of a download says of the file: the record it belongs to, and the users it names (the activity feed's owners). */
export type DownloadFacts = { changes: Record<string, unknown>; parties: readonly number[] }

/**
 * Every download of a private file of `collection` leaves an audit row (`file_download`:
 * the actor, the website, the file), after the collection's read access let it through
 * and before the file is served (from disk or S3: this handler runs first and answers
 * nothing, so the next one serves the file). Order files and ticket attachments share it.
 */
export const auditDownload =
  (collection: CollectionSlug, factsOf: (file: FileDoc) => DownloadFacts): Handler =>
  async (req, { doc, params }) => {
    const found = (doc as Partial<FileDoc> | undefined)?.id
      ? (doc as FileDoc)
      : ((await req.payload.db.findOne({ collection, where: { filename: { equals: params.filename } }, req })) as FileDoc | null)
    if (!found) return
    const { changes, parties } = factsOf(found)
    await recordAudit(req, {
      kind: 'access',
      action: 'file_download',
      tenant: idOf(found.tenant ?? null),
      targetCollection: collection,
      targetId: found.id,
      changes: { ...changes, filename: found.filename ?? null },
      parties,
    })
  }

/** The id a relationship of the file holds (a raw row's id, or a populated document's). */
export const refId = (value: unknown): number | null => idOf((value ?? null) as Ref)

/** The users among `refs` (a file's uploader, a ticket's opener), each once. */
export const usersOf = (...refs: unknown[]): number[] => [...new Set(refs.map(refId).filter((id): id is number => id !== null))]
