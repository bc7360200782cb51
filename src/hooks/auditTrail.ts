import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig, CollectionSlug, PayloadRequest } from 'payload'

import { actionOfWrite } from '@/domain/audit/actions'
import { diffDocs } from '@/domain/audit/diff'
import { isSecretField, REDACTED } from '@/domain/audit/redact'
import { partiesOf } from '@/domain/audit/parties'
import { userFieldsOf } from '@/operations/audit/parties'
import { recordAudit } from '@/operations/audit/record'

/**
 * Collections the trail leaves out: itself, the plumbing (outbox, idempotency answers,
 * provider webhooks, Payload's own tables) and the timelines that already are a record of
 * a workflow action (which writes its own audit row); the credentials access log, whose
 * every row is written with its own `credentials.view` audit row.
 */
export const UNAUDITED = new Set(['audit-events', 'outbox', 'idempotency-keys', 'provider-events', 'workflow-events', 'order-events', 'payload-jobs', 'payload-locked-documents', 'payload-preferences', 'payload-migrations', 'notifications', 'email-recipients', 'class-access-views'])

/** `req.context[SKIP_AUDIT]`: the seed's writes are not the business's history. */
export const SKIP_AUDIT = 'scriptoriumSkipAudit'

type Doc = Record<string, unknown>

const PASSWORD_CHANGED = 'scriptoriumAuditPassword'

const AUDIT_HOOKS = new WeakSet<object>()

/** Whether a collection's hook is the audit trail's (for the test that every business collection has it). */
export const isAuditHook = (hook: unknown): boolean => typeof hook === 'function' && AUDIT_HOOKS.has(hook)

const idOf = (value: unknown): number | null => (typeof value === 'number' ? value : value && typeof value === 'object' && typeof (value as Doc).id === 'number' ? ((value as Doc).id as number) : null)

/** The website a record belongs to: its tenant, a user's first website, a website itself. */
const tenantOf = (collection: string, doc: Doc): number | null => {
  if (collection === 'tenants') return idOf(doc.id)
  if (collection === 'users') return idOf((doc.tenants as { tenant?: unknown }[] | undefined)?.[0]?.tenant)
  return idOf(doc.tenant)
}

/**
 * The record after the write, for the diff. Payload hands the hook the document as the
 * writer may read it back (their field access, `select`, hidden fields gone) but the
 * previous one whole: a field missing from the first would read as emptied. Such fields
 * are taken from the stored row (one SELECT in the write's transaction, only when some
 * are missing); secret-named ones are left out (never stored; a password change is noted
 * apart).
 */
const storedAfter = async (req: PayloadRequest, slug: string, before: Doc, readBack: Doc): Promise<Doc> => {
  const missing = Object.keys(before).filter((key) => !(key in readBack) && !isSecretField(key))
  if (missing.length === 0) return readBack
  const stored = await req.payload.db.findOne<Doc & { id: number | string }>({ collection: slug as CollectionSlug, where: { id: { equals: readBack.id ?? before.id } }, req })
  if (!stored) return readBack
  return { ...readBack, ...Object.fromEntries(missing.map((key) => [key, stored[key]])) }
}

/**
 * The audit trail of one collection: after every create, update and delete one INSERT
 * into `audit-events` in the write's own transaction, carrying the changed fields'
 * before and after (computed in `src/domain/audit`, secrets redacted). An update that
 * changed nothing writes nothing.
 */
export const withAuditTrail = (collection: CollectionConfig): CollectionConfig => {
  if (UNAUDITED.has(collection.slug)) return collection
  const slug = collection.slug
  const userFields = userFieldsOf(collection.fields)

  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
    if (req.context[SKIP_AUDIT]) return doc
    const before = operation === 'create' ? null : (previousDoc as Doc | undefined)
    const changes = diffDocs(before, before ? await storedAfter(req, slug, before, doc as Doc) : (doc as Doc))
    // A new password is a change the document read back does not show (its hash is hidden).
    const passwordKey = `${PASSWORD_CHANGED}:${slug}:${String((doc as Doc).id)}`
    if (operation === 'update' && req.context[passwordKey]) {
      changes.password = { before: REDACTED, after: REDACTED }
      delete req.context[passwordKey]
    }
    const changed = Object.keys(changes)
    if (operation === 'update' && changed.length === 0) return doc
    await recordAudit(req, {
      kind: 'change',
      action: actionOfWrite(slug, operation, changed, doc as Doc),
      tenant: tenantOf(slug, doc as Doc),
      targetCollection: slug,
      targetId: (doc as Doc).id as number,
      changes,
      parties: partiesOf(slug, doc as Doc, userFields),
    })
    return doc
  }

  const afterDelete: CollectionAfterDeleteHook = async ({ doc, id, req }) => {
    if (req.context[SKIP_AUDIT]) return doc
    await recordAudit(req, {
      kind: 'change',
      action: 'delete',
      tenant: tenantOf(slug, doc as Doc),
      targetCollection: slug,
      targetId: id,
      changes: diffDocs(doc as Doc, null),
      parties: partiesOf(slug, doc as Doc, userFields),
    })
    return doc
  }

  // Payload takes the password out of the data before the change is saved: noted here, first.
  const notePassword: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc && typeof (data as Doc | undefined)?.password === 'string') req.context[`${PASSWORD_CHANGED}:${slug}:${String(originalDoc.id)}`] = true
    return data
  }

  AUDIT_HOOKS.add(afterChange)
  AUDIT_HOOKS.add(afterDelete)
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      ...(collection.auth ? { beforeChange: [notePassword, ...(hooks.beforeChange ?? [])] } : {}),
      afterChange: [...(hooks.afterChange ?? []), afterChange],
      afterDelete: [...(hooks.afterDelete ?? []), afterDelete],
    },
  }
}

/** The trail on every collection of the list but the unaudited. */
export const withAuditTrails = (collections: CollectionConfig[]): CollectionConfig[] => collections.map(withAuditTrail)
