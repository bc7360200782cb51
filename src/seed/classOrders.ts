import type { PayloadRequest } from 'payload'

import { asSystem, type SystemProof } from '@/access/system'
import { post } from '@/operations/ledger/post'
import { ensureWallet } from '@/operations/ledger/wallets'
import { startPayment } from '@/operations/payments/checkout'
import { performAction } from '@/operations/workflow/performAction'

import { demoEmail } from './demoData'

const DAY = 86_400_000

const CLASS = (title: string, className: string, classCode: string, startIn: number) => ({
  title,
  institution: 'Northfield Community College',
  className,
  classCode,
  academicLevel: 'undergrad',
  startDate: new Date(Date.now() + startIn * DAY).toISOString(),
  endDate: new Date(Date.now() + (startIn + 84) * DAY).toISOString(),
  workload: 'Two discussion posts a week, a quiz every other week, a final exam.',
})

/**
 * Two demo classes of client@<website>.test, unless they have one: one with a price
 * proposed (the client's answer is due), and one accepted, paid in full from the client's
 * wallet (a demo top-up first, journaled like a settled one), assigned to
 * writer@<website>.test with two tasks. Everything goes through the class workflow as
 * the platform, so the rows, plan invoice and ledger look as real ones do.
 */
export const ensureDemoClassOrders = async (req: PayloadRequest, proof: SystemProof, tenantId: number, slug: string): Promise<boolean> => {
  const person = async (local: string) => (await req.payload.find({ collection: 'users', where: { email: { equals: demoEmail(local, slug) } }, limit: 1, depth: 0, ...asSystem(proof), req })).docs[0]
  const [client, writer] = [await person('client'), await person('writer')]
  if (!client || !writer) return false
  if ((await req.payload.count({ collection: 'class-orders', where: { client: { equals: client.id } }, ...asSystem(proof), req })).totalDocs > 0) return false
  const system = { system: true } as const
  const make = (data: ReturnType<typeof CLASS>) => req.payload.create({ collection: 'class-orders', data: { tenant: tenantId, client: client.id, ...data } as never, depth: 0, ...asSystem(proof), req })

  const proposed = await make(CLASS('Psychology 101 for the autumn term', 'Introduction to Psychology', 'PSY-101', 10))
  await performAction(req, 'class-orders', proposed.id, 'review', {}, system)
  await performAction(req, 'class-orders', proposed.id, 'proposePrice', { amount: 48_000, discount: 3_000, note: 'Twelve weeks, discussions and quizzes included.' }, system)

  const running = await make(CLASS('Statistics, spring term', 'Applied Statistics', 'STAT-210', 3))
  await performAction(req, 'class-orders', running.id, 'review', {}, system)
  await performAction(req, 'class-orders', running.id, 'proposePrice', { amount: 60_000 }, system)
  const proposal = (await req.payload.find({ collection: 'class-proposals', where: { classOrder: { equals: running.id } }, limit: 1, depth: 0, ...asSystem(proof), req })).docs[0]!
  await performAction(req, 'class-proposals', proposal.id, 'accept', {}, system)
  const accepted = await req.payload.findByID({ collection: 'class-orders', id: running.id, depth: 0, ...asSystem(proof), req })
  const wallet = await ensureWallet(req, tenantId, client.id, 'client')
  await post(req, tenantId, { reference: `seed:class-top-up:${running.id}`, type: 'client_wallet_top_up', lines: [{ account: { system: 'gateway_clearing' }, debit: accepted.total! }, { account: { wallet: wallet.id }, credit: accepted.total! }] })
  const website = await req.payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proof), req })
  await startPayment(req, website, client.id, { purpose: 'invoice', invoice: accepted.invoice as number, provider: 'wallet' })
  await performAction(req, 'class-orders', running.id, 'assign', { writer: writer.id, compensationKind: 'percentage', compensationValue: 40 }, system)
  await performAction(req, 'class-orders', running.id, 'start', {}, system)
  for (const [kind, title] of [['discussion_post', 'Week 1 discussion: sampling'], ['quiz', 'Quiz 1: descriptive statistics']] as const) {
    const task = await req.payload.create({ collection: 'class-tasks', data: { tenant: tenantId, classOrder: running.id, kind, title, dueAt: new Date(Date.now() + 10 * DAY).toISOString() } as never, depth: 0, ...asSystem(proof), req })
    await performAction(req, 'class-tasks', task.id, 'assign', {}, system)
  }
  // A word between the client and the writer on the running class (issue 17: class messages).
  for (const [author, body] of [[client.id, 'The week 1 discussion prompt is in the syllabus, page 3.'], [writer.id, 'Found it, thanks. The post goes up on Wednesday.']] as const) {
    await req.payload.create({ collection: 'order-messages', data: { classOrder: running.id, thread: 'client_writer', author, body } as never, depth: 0, ...asSystem(proof), req })
  }
  return true
}
