import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { compensationProblem } from '@/domain/classOrders/compensation'
import { proposalExpiry, proposalFinal } from '@/domain/classOrders/proposals'
import type { ClassCompensationKind, ClassOrderStatus } from '@/domain/classOrders/statuses'
import { CLASS_ORDER_WORKFLOW, type ClassOrderActor, isWorking } from '@/domain/classOrders/workflow'
import type { RefundAsk } from '@/domain/payments/refundRoute'
import type { SYSTEM } from '@/domain/workflow/define'
import { ClientError, refuseField } from '@/errors'
import type { ClassOrder } from '@/payload-types'
import { actorAs } from '@/operations/workflow/websiteActor'

import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'

import { classInstallmentsOf, depositPaidOf, lockClassOrderAndPlan, tellClass, websiteClassSettings } from './records'
import { cancelClassPlan, refundClassOrder } from './refund'

type Input = Record<string, unknown>

const SIMPLE = { submit: 'submitted', review: 'under_review', requestInfo: 'needs_client_info', provideInfo: 'submitted', start: 'in_progress', submitForReview: 'quality_review', returnToWork: 'in_progress', complete: 'completed', archive: 'archived' } as const satisfies Partial<Record<string, ClassOrderStatus>>

const textIn = (input: Input, key: string): string | null => (typeof input[key] === 'string' ? (input[key] as string) : null)

/** Open proposals of the class (sent, either side's) are closed when a new one is made or the class is cancelled. */
const closeOpenProposals = async (req: PayloadRequest, classOrder: number, now: Date) => {
  const { docs } = await req.payload.find({ collection: 'class-proposals', where: { and: [{ classOrder: { equals: classOrder } }, { status: { equals: 'sent' } }] }, limit: 0, depth: 0, ...asSystem(proofOf(req)), req })
  for (const open of docs) {
    // A counter-offer answered by a new proposal is declined; a staff proposal replaced is withdrawn.
    await req.payload.update({ collection: 'class-proposals', id: open.id, data: { status: open.kind === 'counter' ? 'rejected' : 'cancelled', answeredAt: now.toISOString() }, depth: 0, ...asSystem(proofOf(req)), req })
  }
}

/** Staff's price proposal: a `sent` proposal for the client, expiring after the website's (or the given) hours. */
const proposePrice = async (req: PayloadRequest, doc: ClassOrder, input: Input, actor: number | null, now: Date) => {
  const amount = input.amount as number
  const discount = typeof input.discount === 'number' ? input.discount : 0
  const final = proposalFinal(amount, discount)
  if (final === null) throw refuseField('class-orders', 'discount', 'Must leave a positive price: amount − discount > 0.', 400)
  const tenant = idOf(doc.tenant)!
  const { settings } = await websiteClassSettings(req, tenant)
  const hours = typeof input.expiresInHours === 'number' ? input.expiresInHours : settings.quoteExpiryHours
  await closeOpenProposals(req, doc.id, now)
  const proposal = await req.payload.create({
    collection: 'class-proposals',
    data: { tenant, classOrder: doc.id, client: idOf(doc.client)!, kind: 'proposal', amount, discount, final, note: textIn(input, 'note'), expiresAt: proposalExpiry(now, hours).toISOString(), status: 'sent', by: actor },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  const updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: { status: 'price_proposed', quotedAmount: final }, depth: 0, ...asSystem(proofOf(req)), req })
  return { updated, data: { proposal: proposal.id, amount, discount, final, expiresAt: proposal.expiresAt } }
}

/** Staff assign a writer of the website, with the writer's pay for the class. */
const assign = async (req: PayloadRequest, doc: ClassOrder, input: Input) => {
  const tenant = idOf(doc.tenant)!
  const writerId = input.writer as number
  const writer = await req.payload.findByID({ collection: 'users', id: writerId, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req, select: { roles: true, tenants: true } })
  if (!writer?.roles?.includes('writer') || !writer.tenants?.some((row) => idOf(row.tenant) === tenant)) throw refuseField('class-orders', 'writer', 'Must be a writer of this website.', 400)
  const compensation = { kind: input.compensationKind as ClassCompensationKind, value: input.compensationValue as number }
  const problem = compensationProblem(compensation, doc.total ?? 0)
  if (problem) throw refuseField('class-orders', 'compensationValue', problem, 400)
  const updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: { status: 'assigned', writer: writerId, compensation }, depth: 0, ...asSystem(proofOf(req)), req })
  // The class's tasks follow its writer (their access filters on the copy).
  await req.payload.update({ collection: 'class-tasks', where: { classOrder: { equals: doc.id } }, data: { writer: writerId }, depth: 0, ...asSystem(proofOf(req)), req })
  return { updated, data: { writer: writerId, compensation } }
}

/** Cancelling: open proposals close, the unpaid plan invoice is cancelled with its installments. */
const cancel = async (req: PayloadRequest, doc: ClassOrder, input: Input, actor: number | null, now: Date) => {
  await closeOpenProposals(req, doc.id, now)
  await cancelClassPlan(req, doc, now, { actor, reason: textIn(input, 'reason') })
  return req.payload.update({ collection: 'class-orders', id: doc.id, data: { status: 'cancelled' }, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * Class orders on the one workflow pattern (`docs/class-orders.md`): details and review,
 * price proposals (their acceptance is the proposal's action), assignment, work, pause
 * and resume, completion, cancellation. Every step is on the class's timeline and told
 * to the class's client and writer (never the one acting).
 */
export const CLASS_ORDER_SUBJECT = defineSubject({
  collection: 'class-orders',
  workflow: CLASS_ORDER_WORKFLOW,
  lock: lockClassOrderAndPlan,
  context: async (req, doc: ClassOrder, actor) => {
    const tenant = idOf(doc.tenant)!
    const { settings } = await websiteClassSettings(req, tenant)
    const installments = await classInstallmentsOf(req, doc.id)
    const facts = { status: doc.status, depositPaid: depositPaidOf(installments), requireDepositBeforeStart: settings.requireDepositBeforeStart, amountPaid: doc.amountPaid ?? 0 }
    const who: ClassOrderActor | typeof SYSTEM = actorAs(actor, tenant, { client: doc.client, writer: doc.writer })
    return { facts, actor: who }
  },
  apply: async ({ req, doc, action, input, actor, now }) => {
    const by = actor?.id ?? null
    const tenant = idOf(doc.tenant)!
    const reason = textIn(input, 'reason')
    let updated: ClassOrder
    let data: Record<string, unknown> = {}
    let told: { event: string; who: (number | null)[] } | null = null
    const client = idOf(doc.client)
    const writer = idOf(doc.writer)
    switch (action) {
      case 'proposePrice': {
        const done = await proposePrice(req, doc, input, by, now)
        updated = done.updated
        data = done.data
        told = { event: 'class.price_proposed', who: [client] }
        break
      }
      case 'assign': {
        const done = await assign(req, doc, input)
        updated = done.updated
        data = done.data
        told = { event: 'class.writer_assigned', who: [client, done.data.writer] }
        break
      }
      case 'pause': {
        if (!isWorking(doc.status)) throw new ClientError(`Not possible while the class order is ${doc.status}.`, 409)
        updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: { status: 'paused', statusBefore: doc.status, pausedAt: now.toISOString(), pauseReason: reason }, depth: 0, ...asSystem(proofOf(req)), req })
        told = { event: 'class.paused', who: [client, writer] }
        break
      }
      case 'resume': {
        const back = doc.statusBefore && isWorking(doc.statusBefore) ? doc.statusBefore : 'in_progress'
        updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: { status: back, statusBefore: null, pausedAt: null, pauseReason: null }, depth: 0, ...asSystem(proofOf(req)), req })
        told = { event: 'class.resumed', who: [client, writer] }
        break
      }
      case 'cancel':
        updated = await cancel(req, doc, input, by, now)
        told = { event: 'class.cancelled', who: [client, writer] }
        break
      case 'refund': {
        const ask = { destination: (input.destination as RefundAsk['destination']) ?? null, externalReference: textIn(input, 'externalReference') }
        const done = await refundClassOrder(req, doc, { amount: typeof input.amount === 'number' ? input.amount : null, reason: reason!, ask, actor: by, now })
        if (done.updated.status === 'cancelled') await closeOpenProposals(req, doc.id, now)
        updated = done.updated
        data = { refund: done.refund.id, amount: done.refund.amount, destination: done.refund.destination }
        // The client hears of it from refund.issued; the writer when the class stops.
        if (updated.status === 'cancelled') told = { event: 'class.cancelled', who: [writer] }
        break
      }
      default: {
        const patch: Partial<ClassOrder> = { status: SIMPLE[action] }
        if (action === 'provideInfo') patch.notes = [doc.notes, textIn(input, 'info')].filter(Boolean).join('\n\n').slice(0, 4000)
        updated = await req.payload.update({ collection: 'class-orders', id: doc.id, data: patch, depth: 0, ...asSystem(proofOf(req)), req })
        if (action === 'requestInfo') {
          data = { question: textIn(input, 'question') }
          told = { event: 'class.info_requested', who: [client] }
        }
        if (action === 'complete') told = { event: 'class.completed', who: [client, writer] }
      }
    }
    const event = await recordEvent(req, { collection: 'class-orders', document: doc.id, tenant, action, actor: by, from: doc.status, to: updated.status, reason, data })
    if (told) await tellClass(req, updated, told.event, told.who, by, event.id, { amount: data.final, reason, question: data.question })
    return { doc: updated, event }
  },
})
