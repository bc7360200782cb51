import type { PayloadRequest } from 'payload'

import { asSystem, type SystemProof } from '@/access/system'
import type { CredentialViewOutcome } from '@/domain/credentials/access'
import { recordAudit } from '@/operations/audit/record'
import { inTransaction } from '@/operations/inTransaction'

import { partiesOf, roleFor, type VisibleClass } from './relation'

export type ViewRecord = { outcome: CredentialViewOutcome; answer: number; reason: string | null }

/**
 * One attempt to read a class's credentials, in the access log (`class-access-views`)
 * and the audit trail (`credentials.view`), in one transaction: the caller's own for a
 * granted view (no row, no plaintext), its own for a refusal (committed before the
 * refusal is answered, so the trace stays). Never the secret: who, as whom, why, when,
 * how it ended.
 */
export const recordView = async (req: PayloadRequest, proof: SystemProof, visible: VisibleClass, view: ViewRecord): Promise<void> =>
  inTransaction(req, async () => {
    const role = roleFor(visible)
    const reason = view.reason?.slice(0, 500) ?? null
    await req.payload.create({
      ...asSystem(proof),
      collection: 'class-access-views',
      data: { tenant: visible.tenant, classOrder: visible.classOrder.id, viewer: visible.actor.id, role, reason, at: new Date().toISOString(), outcome: view.outcome, answer: view.answer },
      depth: 0,
      req,
    })
    await recordAudit(req, {
      kind: 'access',
      action: 'credentials.view',
      tenant: visible.tenant,
      targetCollection: 'class-orders',
      targetId: visible.classOrder.id,
      changes: { outcome: view.outcome, answer: view.answer, role, reason },
      parties: partiesOf(visible.classOrder, visible.actor.id),
    })
  })
