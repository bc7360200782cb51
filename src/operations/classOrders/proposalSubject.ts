import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRow } from '@/db/locks'
import { CLASS_PROPOSAL_WORKFLOW, type ClassProposalActor, proposalExpiry } from '@/domain/classOrders/proposals'
import { SYSTEM } from '@/domain/workflow/define'
import { onWebsite, staffOf } from '@/domain/workflow/websiteActor'
import type { ClassOrder, ClassProposal } from '@/payload-types'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'

import { acceptPrice } from './accept'
import { classEvent, lockClassOrder, tellClass, websiteClassSettings } from './records'

const lockProposal = async (req: PayloadRequest, id: number): Promise<ClassProposal> => {
  await lockRow(req, 'class_proposals', id)
  return req.payload.findByID({ collection: 'class-proposals', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const TARGET = { accept: 'accepted', counter: 'countered', reject: 'rejected', cancel: 'cancelled', expire: 'expired' } as const

/** The class's status after its proposal is countered or declined: the price is under negotiation. */
const toNegotiation = async (req: PayloadRequest, doc: ClassOrder, action: string, actor: number | null, data: Record<string, unknown>) => {
  if (doc.status !== 'price_proposed') return doc
  const updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: { status: 'negotiating' }, depth: 0, ...asSystem(proofOf(req)), req })
  await classEvent(req, doc, action, actor, 'negotiating', data)
  return updated
}

/**
 * Class price proposals and counter-offers (`docs/class-orders.md`). The side a proposal
 * waits on answers it: accepting fixes the class's price and issues its plan
 * (`acceptPrice`), countering writes the client's counter-offer (for staff) and puts the
 * class in negotiation, rejecting does too. Staff withdraw; the schedule expires. The
 * class is locked first (the order every class change takes its locks in).
 */
export const CLASS_PROPOSAL_SUBJECT = defineSubject({
  collection: 'class-proposals',
  workflow: CLASS_PROPOSAL_WORKFLOW,
  lock: async (req, id) => {
    const proposal = await req.payload.findByID({ collection: 'class-proposals', id, depth: 0, ...asSystem(proofOf(req)), req })
    await lockClassOrder(req, idOf(proposal.classOrder)!)
    return lockProposal(req, id)
  },
  context: async (_req, doc: ClassProposal, actor) => {
    const tenant = idOf(doc.tenant)!
    const facts = { status: doc.status, kind: doc.kind, expiresAt: doc.expiresAt ? new Date(doc.expiresAt) : null }
    if (!actor) return { facts, actor: SYSTEM }
    const website = onWebsite(actor, tenant)
    const client = actor.id === idOf(doc.client)
    // The client answers staff proposals; staff answer the client's counter-offers.
    const answers = doc.kind === 'proposal' ? client : staffOf('admin', 'support')(website)
    const who: ClassProposalActor = { ...website, client, answers }
    return { facts, actor: who }
  },
  apply: async ({ req, doc, action, input, actor, now }) => {
    const by = actor?.id ?? null
    const tenant = idOf(doc.tenant)!
    let classOrder = await req.payload.findByID({ collection: 'class-orders', id: idOf(doc.classOrder)!, depth: 0, ...asSystem(proofOf(req)), req })
    const client = idOf(classOrder.client)
    const data: Record<string, unknown> = { amount: doc.amount, discount: doc.discount ?? 0, final: doc.final, kind: doc.kind }
    const reason = typeof input.reason === 'string' ? input.reason : null
    const proposal = await req.payload.update({ collection: 'class-proposals', id: doc.id, data: { status: TARGET[action], answeredAt: now.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req })
    let told: { event: string; who: (number | null)[]; amount: number } | null = null
    if (action === 'accept') {
      const before = classOrder
      classOrder = await acceptPrice(req, classOrder, doc, by, now)
      const classRow = await classEvent(req, before, 'acceptPrice', by, classOrder.status, { proposal: doc.id, total: classOrder.total, invoice: idOf(classOrder.invoice) })
      // Who did not accept hears of it: the client when staff accepted a counter-offer; staff see the live event.
      await tellClass(req, classOrder, 'class.accepted', [client], by, classRow.id, { amount: classOrder.total })
    } else if (action === 'counter') {
      const { settings } = await websiteClassSettings(req, tenant)
      const amount = input.amount as number
      const counter = await req.payload.create({
        collection: 'class-proposals',
        data: { tenant, classOrder: classOrder.id, client: client!, kind: 'counter', amount, discount: 0, final: amount, note: typeof input.note === 'string' ? input.note : null, expiresAt: proposalExpiry(now, settings.quoteExpiryHours).toISOString(), status: 'sent', replyTo: doc.id, by },
        depth: 0,
        ...asSystem(proofOf(req)),
        req,
      })
      data.counter = counter.id
      data.counterAmount = amount
      classOrder = await toNegotiation(req, classOrder, 'counter', by, { proposal: doc.id, counter: counter.id, amount })
    } else if (action === 'reject') {
      classOrder = await toNegotiation(req, classOrder, 'rejectPrice', by, { proposal: doc.id })
      if (doc.kind === 'counter') told = { event: 'class.rejected', who: [client], amount: doc.final }
    }
    const event = await recordEvent(req, { collection: 'class-proposals', document: doc.id, tenant, action, actor: by, from: doc.status, to: proposal.status, reason, data })
    if (told) await tellClass(req, classOrder, told.event, told.who, by, event.id, { amount: told.amount, reason })
    return { doc: proposal, event, extra: { classOrder: { id: classOrder.id, status: classOrder.status, total: classOrder.total, invoice: idOf(classOrder.invoice) } } }
  },
})
