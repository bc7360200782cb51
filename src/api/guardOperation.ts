import { type CollectionBeforeOperationHook, NotFound } from 'payload'

import { findControlCharacter } from '@/domain/input/controlCharacters'
import { nestingProblem } from '@/domain/input/nesting'
import type { InputProblem } from '@/domain/input/problems'
import { QUERY_LIMITS } from '@/domain/query/limits'
import { validatePaging } from '@/domain/query/validatePaging'
import { validateSort } from '@/domain/query/validateSort'
import { validateWhere } from '@/domain/query/validateWhere'
import { MAX_RECORD_ID } from '@/domain/recordId'
import { invalidInput } from '@/errors'
import { payloadOperation } from '@/operations/gate'

import { shapeProblems } from './fieldShapes'
import { querySchemaOf, versionsKey } from './querySchema'

type Args = {
  overrideAccess?: boolean
  id?: unknown
  where?: unknown
  sort?: unknown
  limit?: unknown
  page?: unknown
  depth?: unknown
  pagination?: unknown
  data?: unknown
}

/**
 * What Payload records about an uploaded file, and where the storage adapter keeps it:
 * set from the file itself, never from a body (a `mimeType` or `_objectKey` of one's
 * choosing would serve a file as HTML, or another document's file).
 */
export const FILE_METADATA = ['filename', 'mimeType', 'filesize', 'width', 'height', 'url', 'thumbnailURL', 'sizes', 'prefix', '_objectKey']

const SERVER_TIMESTAMPS = ['createdAt', 'updatedAt']

const isRecordId = (id: unknown): boolean => typeof id === 'number' && Number.isInteger(id) && id > 0 && id <= MAX_RECORD_ID

/** A REST versions route: `/api/<collection>/versions` or `/versions/:id`. */
const VERSIONS_PATH = /\/versions(?:\/[^/]*)?$/

const pathOf = (req: { url?: string }): string => {
  try {
    return new URL(req.url ?? '', 'http://localhost').pathname
  } catch {
    return ''
  }
}

/**
 * Every REST and GraphQL operation on every collection, before access and before any
 * query: an id that cannot exist is a 404; `where`, `sort`, paging and depth are checked
 * against the collection's fields and the limits; text anywhere in the body is free of
 * control characters. Whatever fails is one 400 naming each place, and nothing runs.
 * The Local API states `overrideAccess` on every call (REST and GraphQL never do): the
 * server's own queries are trusted and pay nothing here. A REST or GraphQL operation
 * that passes is a gate (issue 11): access runs inside it before any hook, so its hooks
 * may act as the system through `proofOf(req)`.
 */
export const guardApiOperation: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  const a = args as Args
  if (a.overrideAccess !== undefined) return args
  if ('id' in a && a.id !== undefined && !isRecordId(a.id)) throw new NotFound(req.t)

  const problems: InputProblem[] = []
  const schema = querySchemaOf(req.payload.config)
  const queryProblems = (target: string): InputProblem[] => [
    ...(a.where !== undefined && a.where !== null ? validateWhere(schema, target, a.where, QUERY_LIMITS.maxWhereHops) : []),
    ...(a.sort !== undefined && a.sort !== null && a.sort !== '' ? validateSort(schema, target, a.sort) : []),
  ]
  const onDocuments = queryProblems(collection.slug)
  // Payload hands a versions read (REST `/versions`, GraphQL `versions…`) to this hook as a
  // plain 'read': such a read is checked against the versions' own fields (`parent`,
  // `version.title`, `latest`). GraphQL's input types already keep those fields out of
  // document queries; over REST the path tells them apart.
  const versionsRead = operation === 'read' && collection.versions && (req.payloadAPI === 'GraphQL' || VERSIONS_PATH.test(pathOf(req)))
  const onVersions = onDocuments.length > 0 && versionsRead ? queryProblems(versionsKey(collection.slug)) : null
  problems.push(...(onVersions && onVersions.length === 0 ? [] : onDocuments))
  const list = (operation === 'read' && a.id === undefined) || operation === 'readDistinct'
  problems.push(...validatePaging(a, list))
  if ((operation === 'create' || operation === 'update') && a.data === undefined) {
    // A REST write with no body (or a file and no `_payload`): Payload's hooks read fields of
    // `data` and fail on undefined (a 500). No fields is what was sent: validation names what is missing.
    a.data = {}
  }
  if (a.data !== undefined && (a.data === null || typeof a.data !== 'object' || Array.isArray(a.data))) {
    problems.push({ path: 'body', message: 'Must be a JSON object of the document’s fields.' })
  } else if (a.data !== undefined) {
    const problem = nestingProblem(a.data) ?? findControlCharacter(a.data)
    if (problem) problems.push(problem)
    else problems.push(...shapeProblems(collection.fields, a.data as Record<string, unknown>))
  }
  if (problems.length > 0) throw invalidInput(problems)
  if (a.data && typeof a.data === 'object' && (operation === 'create' || operation === 'update')) {
    const data = a.data as Record<string, unknown>
    // The server stamps these. Our collections declare them server-only (./plugin.ts); the
    // ones Payload adds itself (preferences, locks) took any text and handed it to SQL.
    for (const key of SERVER_TIMESTAMPS) delete data[key]
    if (collection.upload) for (const key of FILE_METADATA) delete data[key]
  }
  payloadOperation(req, collection.slug, operation)
  return args
}
