import type { PayloadRequest } from 'payload'
import { RateLimiterRes } from 'rate-limiter-flexible'

import { asSystem } from '@/access/system'
import { decideRead, decideRemove, decideStore, type Refusal } from '@/domain/credentials/access'
import type { PortalCredentials } from '@/domain/credentials/plaintext'
import { openCredentials, sealCredentials } from '@/domain/credentials/seal'
import { CREDENTIAL_VIEW_LIMIT, credentialViewSubject } from '@/domain/credentials/viewLimit'
import { ClientError, refuseField } from '@/errors'
import { recordAudit } from '@/operations/audit/record'
import { lockRow } from '@/db/locks'
import { inTransaction } from '@/operations/inTransaction'
import { credentialKeyRing } from '@/security/credentialKeys'
import { limiterFor } from '@/security/rateLimits'

import { recordView } from './accessLog'
import { partiesOf, visibleClass } from './relation'
import { sealContext, sealedRowOf } from './sealedRow'

/** What the credentials endpoints answer: the plaintext only to those allowed, the rest to everyone who may know. */
export type CredentialsAnswer = {
  classOrder: number
  stored: boolean
  keyId: string | null
  twoFactorWindow: string | null
  updatedAt: string | null
  credentials: PortalCredentials | null
}

const refusalError = (refusal: Refusal) => (refusal.path ? refuseField('class-access', refusal.path, refusal.message, refusal.status) : new ClientError(refusal.message, refusal.status))

const NOT_STORED = 'No portal credentials are stored for this class.'

/**
 * Sets `name` on the answer's headers without dropping those already there (session
 * headers): credentials answers are never cached, a throttled one says when to retry.
 */
export const answerHeader = (req: PayloadRequest, name: string, value: string) => {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set(name, value)
}

/**
 * GET: the plaintext to the class's assigned writer while the class is worked and to
 * the website's admins and support with a reason; the client learns only whether they
 * are stored. Every attempt of someone who can see the class counts towards 10 a minute
 * per viewer and class and is logged (granted, refused, throttled); who cannot see the
 * class gets the 404 of a class that does not exist, unlogged.
 */
export const viewCredentials = async (req: PayloadRequest, id: number, givenReason: string | null): Promise<CredentialsAnswer> => {
  const visible = await visibleClass(req, id)
  const { proof, tenant, actor, who } = visible
  const reason = givenReason?.trim() || null
  const decision = decideRead(who, reason)
  // The client's check of whether they are stored shows no secret: not a view.
  if (decision.outcome !== 'stored-only') {
    try {
      await limiterFor(CREDENTIAL_VIEW_LIMIT.name, CREDENTIAL_VIEW_LIMIT.points, CREDENTIAL_VIEW_LIMIT.durationS).consume(credentialViewSubject(tenant, id, actor.id))
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
      await recordView(req, proof, visible, { outcome: 'throttled', answer: 429, reason })
      answerHeader(req, 'Retry-After', String(retryAfter))
      throw new ClientError(`Too many ${CREDENTIAL_VIEW_LIMIT.label}; try again in ${retryAfter} s.`, 429, { retryAfter })
    }
  }
  if (decision.outcome === 'refused') {
    await recordView(req, proof, visible, { outcome: 'refused', answer: decision.refusal.status, reason })
    throw refusalError(decision.refusal)
  }
  const found = await sealedRowOf(req, proof, id)
  const base = { classOrder: id, stored: found?.sealed != null, keyId: found?.row.keyId ?? null, twoFactorWindow: found?.row.twoFactorWindow ?? null, updatedAt: found?.row.updatedAt ?? null }
  if (decision.outcome === 'stored-only') return { ...base, credentials: null }
  if (!found?.sealed) {
    await recordView(req, proof, visible, { outcome: 'refused', answer: 404, reason })
    throw new ClientError(NOT_STORED, 404)
  }
  // Opened before the log row is written, answered only once it is: no trace, no plaintext.
  const credentials = openCredentials(found.sealed, credentialKeyRing(), sealContext(id))
  await recordView(req, proof, visible, { outcome: 'granted', answer: 200, reason })
  return { ...base, credentials }
}

/** PUT: the class's client, or admin/support with a reason, stores or replaces them (sealed under the current key). */
export const storeCredentials = async (
  req: PayloadRequest,
  id: number,
  input: PortalCredentials & { twoFactorWindow?: string | null },
  givenReason: string | null,
): Promise<{ answer: CredentialsAnswer; created: boolean }> => {
  const visible = await visibleClass(req, id)
  const { proof, tenant, actor, who } = visible
  const refusal = decideStore(who, who.isClient ? null : givenReason)
  if (refusal) throw refusalError(refusal)
  const { twoFactorWindow, ...plain } = input
  const sealed = sealCredentials(plain, credentialKeyRing(), sealContext(id))
  const data = {
    keyId: sealed.keyId,
    credentialsIv: sealed.iv,
    credentialsTag: sealed.tag,
    credentialsCiphertext: sealed.ciphertext,
    twoFactorWindow: twoFactorWindow ?? null,
    updatedBy: actor.id,
  }
  return inTransaction(req, async () => {
    // Two first stores at once would both find nothing and both create: the class row serialises them.
    await lockRow(req, 'class_orders', id, { tenant })
    const existing = await sealedRowOf(req, proof, id)
    const row = existing
      ? await req.payload.update({ ...asSystem(proof), collection: 'class-access', id: existing.row.id, data, depth: 0, req })
      : await req.payload.create({ ...asSystem(proof), collection: 'class-access', data: { ...data, tenant, classOrder: id }, depth: 0, req })
    // Staff storing for the client: why, beside the write's own audit row (which never holds the secret).
    if (!who.isClient) {
      await recordAudit(req, { kind: 'access', action: 'credentials.store', tenant, targetCollection: 'class-orders', targetId: id, changes: { reason: givenReason?.trim() ?? null, replaced: Boolean(existing) }, parties: partiesOf(visible.classOrder, actor.id) })
    }
    return {
      created: !existing,
      answer: { classOrder: id, stored: true, keyId: row.keyId, twoFactorWindow: row.twoFactorWindow ?? null, updatedAt: row.updatedAt, credentials: null },
    }
  })
}

/** DELETE: the class's client or an admin removes them; nothing stored is a 404. */
export const removeCredentials = async (req: PayloadRequest, id: number): Promise<void> => {
  const visible = await visibleClass(req, id)
  const refusal = decideRemove(visible.who)
  if (refusal) throw refusalError(refusal)
  await inTransaction(req, async () => {
    await lockRow(req, 'class_orders', id, { tenant: visible.tenant })
    const existing = await sealedRowOf(req, visible.proof, id)
    if (!existing) throw new ClientError(NOT_STORED, 404)
    await req.payload.delete({ ...asSystem(visible.proof), collection: 'class-access', id: existing.row.id, depth: 0, req })
  })
}

/** The reason a staff member gave (`?reason=` or `X-Access-Reason`), as sent; checked by the rules. */
export const reasonOf = (req: PayloadRequest, fromQuery: string | undefined): string | null => fromQuery ?? req.headers.get('x-access-reason') ?? null
