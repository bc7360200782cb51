import sharp from 'sharp'
import { type CollectionConfig, createLocalReq, type Field, type Payload, type Where } from 'payload'

import { poolOf } from '@/db/pool'
import { inTransaction } from '@/operations/inTransaction'
import { accountId } from '@/operations/ledger/accounts'
import { awardPoints } from '@/operations/loyalty/award'
import { ensureWallet } from '@/operations/ledger/wallets'

import { acceptedClassFor, assignedClassFor, classOrderFor, proposedClassFor } from './classOrders'
import { fundWallet } from './money'

/**
 * How to exercise each tenant-scoped collection in the isolation matrix: a document
 * that belongs to a given website, a harmless change to try on it, and the collection's
 * GraphQL names. A tenant-scoped collection without an entry fails the matrix, so a new
 * collection cannot slip past it.
 */
export type IsolationFixture = {
  /** Creates (or finds) a document of the given website and returns its id. */
  documentOf: (payload: Payload, tenantId: number) => Promise<number>
  patch: Record<string, string>
  graphql: { one: string; many: string; count: string; update: string; delete: string; dataType: string }
}

export const tinyPng = () =>
  sharp({ create: { width: 2, height: 2, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()

const firstId = async (payload: Payload, collection: 'users' | 'tenants', where: object) => {
  const { docs } = await payload.find({ collection, where: where as never, sort: 'id', limit: 1, depth: 0 })
  if (!docs[0]) throw new Error(`no ${collection} fixture for ${JSON.stringify(where)}`)
  return docs[0].id
}

/** The website's first user with the role (from the seed: client@…, writer@…, admin@…). */
export const userOf = async (payload: Payload, tenantId: number, role: 'client' | 'writer' | 'admin'): Promise<number> => {
  const { docs } = await payload.find({ collection: 'users', where: { and: [{ 'tenants.tenant': { equals: tenantId } }, { roles: { equals: role } }] }, sort: 'id', limit: 1, depth: 0 })
  if (!docs[0]) throw new Error(`no ${role} on website ${tenantId}`)
  return docs[0].id
}

export const textFile = (text: string) => Buffer.from(text, 'utf8')

/** A pending-payment order of the website's first client, placed through the orders hook. */
export const placeOrderFor = async (payload: Payload, tenantId: number, clientEmail?: string) => {
  const client: Where = clientEmail ? { email: { equals: clientEmail } } : { and: [{ 'tenants.tenant': { equals: tenantId } }, { roles: { equals: 'client' } }] }
  const { docs } = await payload.find({ collection: 'users', where: client, sort: 'id', limit: 1, depth: 0 })
  return payload.create({
    collection: 'orders',
    data: {
      tenant: tenantId,
      client: docs[0]!.id,
      topic: `Order of website ${tenantId}`,
      instructions: 'Write it well.',
      paperType: 'essay',
      workType: 'writing',
      academicLevel: 'undergrad',
      subject: 'humanities',
      pages: 2,
      spacing: 'double',
      deadlineHours: 72,
    } as never,
    depth: 0,
  })
}

/** A ticket opened by the website's first client, through the tickets hook (the client acting). */
export const ticketOf = async (payload: Payload, tenantId: number) => {
  const client = await payload.findByID({ collection: 'users', id: await userOf(payload, tenantId, 'client'), depth: 0 })
  return payload.create({ collection: 'tickets', data: { tenant: tenantId, subject: `Ticket of website ${tenantId}`, description: 'Something is wrong.', category: 'general', priority: 'normal' } as never, user: client, depth: 0 })
}

/** A configuration of the website with one duration (a fixed-price special order's terms). */
export const specialOrderConfigOf = async (payload: Payload, tenantId: number, price = 20000) =>
  payload.create({ collection: 'special-order-configs', data: { tenant: tenantId, name: 'Dissertation chapter', slug: `chapter-${uniqueSuffix()}`, requiresFullPayment: false, durations: [{ label: '14 days', days: 14, price }], active: true } })

/** A fixed-price special order of the website's first client: its plan invoice and milestones are issued with it. */
export const fixedSpecialOrderOf = async (payload: Payload, tenantId: number) => {
  const config = await specialOrderConfigOf(payload, tenantId)
  return payload.create({ collection: 'special-orders', data: { tenant: tenantId, client: await userOf(payload, tenantId, 'client'), title: `Special order of website ${tenantId}`, description: 'Four chapters.', config: config.id, duration: '14 days' } as never, depth: 0 })
}

/** The id of a freshly placed order of the website. */
const idOfValue = (value: number | { id: number }) => (typeof value === 'number' ? value : value.id)

/** A completed order of the website's first client, worked by its first writer (written directly: fixtures only need the row). */
export const completedOrderFor = async (payload: Payload, tenantId: number, clientEmail?: string) => {
  const order = await placeOrderFor(payload, tenantId, clientEmail)
  return payload.update({
    collection: 'orders',
    id: order.id,
    data: { status: 'completed', writer: await userOf(payload, tenantId, 'writer'), timestamps: { completedAt: new Date().toISOString() } },
    depth: 0,
  })
}

/** An approved review of a completed order of the website (moderated by nobody in particular). */
export const reviewFixture = async (payload: Payload, tenantId: number) => {
  const order = await completedOrderFor(payload, tenantId)
  return payload.create({
    collection: 'reviews',
    data: { tenant: tenantId, order: order.id, rating: 5, writerRating: 4, text: 'A fixture review of good work.', status: 'approved', moderation: { reasons: ['other'], note: 'fixture', moderatedBy: await userOf(payload, tenantId, 'admin'), moderatedAt: new Date().toISOString() } } as never,
    depth: 0,
  })
}

/** An issued invoice of the website's first client (written directly: fixtures only need a row). */
export const invoiceFixture = async (payload: Payload, tenantId: number) =>
  payload.create({
    collection: 'invoices',
    data: {
      tenant: tenantId,
      number: `INV-FIX-${tenantId}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
      client: await userOf(payload, tenantId, 'client'),
      lines: [{ description: 'Fixture', quantity: 1, unitAmount: 1000, amount: 1000 }],
      total: 1000,
      amountPaid: 0,
      currency: 'USD',
      status: 'issued',
      dueAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    },
  })

export const orderOf = async (payload: Payload, tenantId: number): Promise<number> => (await placeOrderFor(payload, tenantId)).id

/** A closed payment window of the website (closed, so it never clashes with the one open window). */
const closedWindowOf = async (payload: Payload, tenantId: number) => {
  const opensAt = new Date(Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 1e9))
  const doc = await payload.create({ collection: 'payment-windows', data: { tenant: tenantId, opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 14 * 24 * 3600 * 1000).toISOString(), status: 'closed' } })
  return doc.id
}

/** An empty payout batch of a closed window of the website. */
const batchOf = async (payload: Payload, tenantId: number) =>
  payload.create({ collection: 'payout-batches', data: { tenant: tenantId, window: await closedWindowOf(payload, tenantId), total: 0, count: 0, status: 'ready' } })

const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** An author of the website, shown publicly. */
const authorOf = (payload: Payload, tenantId: number) => payload.create({ collection: 'authors', data: { tenant: tenantId, name: `Author ${uniqueSuffix()}` } as never, depth: 0 })

/** A published post (with its author) or page of the website: what every reader may see there. */
const publishedContentOf = async (payload: Payload, collection: 'posts' | 'pages', tenantId: number) => {
  const body = { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text: 'Published text.', detail: 0, format: 0, mode: 'normal', style: '' }] }] } }
  const author = collection === 'posts' ? { primaryAuthor: (await authorOf(payload, tenantId)).id } : {}
  return payload.create({ collection, data: { tenant: tenantId, title: `Published ${uniqueSuffix()}`, body, ...author, _status: 'published' } as never, depth: 0 })
}

/** The website's first writer's evaluation of a past week (found, or made once: one per writer and week). */
const evaluationOf = async (payload: Payload, tenantId: number) => {
  const writer = await userOf(payload, tenantId, 'writer')
  const periodStart = '2020-01-06T00:00:00.000Z'
  const { docs } = await payload.find({ collection: 'writer-evaluations', where: { and: [{ writer: { equals: writer } }, { periodStart: { equals: periodStart } }] }, limit: 1, depth: 0 })
  if (docs[0]) return docs[0]
  return payload.create({
    collection: 'writer-evaluations',
    data: { tenant: tenantId, writer, periodStart, periodEnd: '2020-01-13T00:00:00.000Z', windowStart: '2019-10-08T00:00:00.000Z', assignedOrders: 10, completedOrders: 9, submittedOrders: 9, completionRate: 0.9, latenessRate: 0, revisionRate: 0, disputeRate: 0, cancellationRate: 0.1, compositeScore: 93.3 },
  })
}

/** The website's first client's loyalty account, with points given the way an admin award gives them. */
const loyaltyAccountOf = async (payload: Payload, tenantId: number) => {
  const client = await userOf(payload, tenantId, 'client')
  const req = await createLocalReq({}, payload)
  await inTransaction(req, () => awardPoints(req, { tenant: tenantId, client, points: 500, kind: 'admin', reason: 'fixture', reference: `fixture:loyalty:${tenantId}:${uniqueSuffix()}` }))
  const { docs } = await payload.find({ collection: 'loyalty-accounts', where: { and: [{ tenant: { equals: tenantId } }, { client: { equals: client } }] }, limit: 1, depth: 0 })
  return { client, account: docs[0]!.id }
}

/** A perk of the website's catalogue. */
const loyaltyRewardOf = (payload: Payload, tenantId: number) =>
  payload.create({ collection: 'loyalty-rewards', data: { tenant: tenantId, name: `Reward ${uniqueSuffix()}`, pointsRequired: 100, kind: 'perk', stock: null, maxPerClient: null, active: true }, depth: 0 })

/** A credentials row of a fresh class of the website, as the credentials endpoint writes it (sealed parts made up: never opened here). */
const classAccessOf = async (payload: Payload, tenantId: number) => {
  const classOrder = await assignedClassFor(payload, tenantId)
  const row = await payload.create({
    collection: 'class-access',
    data: { tenant: tenantId, classOrder: classOrder.id, keyId: 'fixture', credentialsIv: 'aXY=', credentialsTag: 'dGFn', credentialsCiphertext: 'c2VhbGVk' },
    depth: 0,
  })
  return { classOrder: classOrder.id, id: row.id }
}

export const isolationFixtures: Record<string, IsolationFixture> = {
  tenants: {
    documentOf: async (_payload, tenantId) => tenantId,
    patch: { name: 'Hijacked' },
    graphql: { one: 'Tenant', many: 'Tenants', count: 'countTenants', update: 'updateTenant', delete: 'deleteTenant', dataType: 'mutationTenantUpdateInput' },
  },
  users: {
    documentOf: (payload, tenantId) => firstId(payload, 'users', { and: [{ 'tenants.tenant': { equals: tenantId } }, { roles: { equals: 'client' } }] }),
    patch: { name: 'Hijacked' },
    graphql: { one: 'User', many: 'Users', count: 'countUsers', update: 'updateUser', delete: 'deleteUser', dataType: 'mutationUserUpdateInput' },
  },
  'pricing-options': {
    documentOf: async (payload, tenantId) => {
      const doc = await payload.create({
        collection: 'pricing-options',
        data: { tenant: tenantId, dimension: 'formattingStyle', code: `fixture-${tenantId}`, label: 'Fixture style' },
      })
      return doc.id
    },
    patch: { label: 'Hijacked' },
    graphql: { one: 'PricingOption', many: 'PricingOptions', count: 'countPricingOptions', update: 'updatePricingOption', delete: 'deletePricingOption', dataType: '' },
  },
  orders: {
    documentOf: (payload, tenantId) => orderOf(payload, tenantId),
    patch: { topic: 'Hijacked' },
    graphql: { one: 'Order', many: 'Orders', count: 'countOrders', update: 'updateOrder', delete: 'deleteOrder', dataType: '' },
  },
  'order-events': {
    documentOf: async (payload, tenantId) => {
      const order = await orderOf(payload, tenantId)
      const row = await payload.create({ collection: 'order-events', data: { tenant: tenantId, order, action: 'markPaid', from: 'pending_payment', to: 'ready_for_staffing' } })
      return row.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'OrderEvent', many: 'OrderEvents', count: 'countOrderEvents', update: 'updateOrderEvent', delete: 'deleteOrderEvent', dataType: '' },
  },
  'workflow-events': {
    documentOf: async (payload, tenantId) => {
      const row = await payload.create({ collection: 'workflow-events', data: { tenant: tenantId, collection: 'invoices', document: 1, action: 'issue', from: 'draft', to: 'issued' } })
      return row.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'WorkflowEvent', many: 'WorkflowEvents', count: 'countWorkflowEvents', update: 'updateWorkflowEvent', delete: 'deleteWorkflowEvent', dataType: '' },
  },
  'order-interests': {
    documentOf: async (payload, tenantId) => {
      const order = await orderOf(payload, tenantId)
      const writer = await userOf(payload, tenantId, 'writer')
      const row = await payload.create({ collection: 'order-interests', data: { tenant: tenantId, order, writer, kind: 'interest', status: 'pending' } })
      return row.id
    },
    patch: { message: 'Hijacked' },
    graphql: { one: 'OrderInterest', many: 'OrderInterests', count: 'countOrderInterests', update: 'updateOrderInterest', delete: 'deleteOrderInterest', dataType: '' },
  },
  'order-assignments': {
    documentOf: async (payload, tenantId) => {
      const order = await orderOf(payload, tenantId)
      const writer = await userOf(payload, tenantId, 'writer')
      const row = await payload.create({ collection: 'order-assignments', data: { tenant: tenantId, order, writer, source: 'staff_assignment', status: 'released', isCurrent: false } })
      return row.id
    },
    patch: { releaseReason: 'Hijacked' },
    graphql: { one: 'OrderAssignment', many: 'OrderAssignments', count: 'countOrderAssignments', update: 'updateOrderAssignment', delete: 'deleteOrderAssignment', dataType: '' },
  },
  'order-requests': {
    documentOf: async (payload, tenantId) => {
      const order = await orderOf(payload, tenantId)
      const row = await payload.create({ collection: 'order-requests', data: { tenant: tenantId, order, kind: 'hold', status: 'cancelled', description: 'fixture' } })
      return row.id
    },
    patch: { description: 'Hijacked' },
    graphql: { one: 'OrderRequest', many: 'OrderRequests', count: 'countOrderRequests', update: 'updateOrderRequest', delete: 'deleteOrderRequest', dataType: '' },
  },
  'writer-levels': {
    documentOf: async (payload, tenantId) => {
      const { docs } = await payload.find({ collection: 'writer-levels', where: { tenant: { equals: tenantId } }, limit: 1, depth: 0 })
      return docs[0]!.id
    },
    patch: { name: 'Hijacked' },
    graphql: { one: 'WriterLevel', many: 'WriterLevels', count: 'countWriterLevels', update: 'updateWriterLevel', delete: 'deleteWriterLevel', dataType: '' },
  },
  'ledger-accounts': {
    documentOf: async (payload, tenantId) => {
      const req = await createLocalReq({}, payload)
      return inTransaction(req, () => accountId(req, tenantId, 'platform_revenue'))
    },
    patch: { name: 'Hijacked' },
    graphql: { one: 'LedgerAccount', many: 'LedgerAccounts', count: 'countLedgerAccounts', update: 'updateLedgerAccount', delete: 'deleteLedgerAccount', dataType: '' },
  },
  'journal-entries': {
    documentOf: async (payload, tenantId) => {
      const client = await userOf(payload, tenantId, 'client')
      await fundWallet(payload, tenantId, client, 1000, `fixture:${tenantId}:${Date.now()}:${Math.random()}`)
      const { docs } = await payload.find({ collection: 'journal-entries', where: { tenant: { equals: tenantId } }, sort: '-id', limit: 1, depth: 0 })
      return docs[0]!.id
    },
    patch: { memo: 'Hijacked' },
    graphql: { one: 'JournalEntry', many: 'JournalEntries', count: 'countJournalEntries', update: 'updateJournalEntry', delete: 'deleteJournalEntry', dataType: '' },
  },
  wallets: {
    documentOf: async (payload, tenantId) => fundWallet(payload, tenantId, await userOf(payload, tenantId, 'client'), 500, `fixture:wallet:${tenantId}:${Date.now()}:${Math.random()}`),
    patch: { currency: 'EUR' },
    graphql: { one: 'Wallet', many: 'Wallets', count: 'countWallets', update: 'updateWallet', delete: 'deleteWallet', dataType: '' },
  },
  payments: {
    documentOf: async (payload, tenantId) => {
      const doc = await payload.create({
        collection: 'payments',
        data: { tenant: tenantId, client: await userOf(payload, tenantId, 'client'), reference: `pay_fixture_${tenantId}_${Date.now()}`, purpose: 'wallet_top_up', provider: 'manual', status: 'pending', amount: 1000, currency: 'USD' },
      })
      return doc.id
    },
    patch: { status: 'succeeded' },
    graphql: { one: 'Payment', many: 'Payments', count: 'countPayments', update: 'updatePayment', delete: 'deletePayment', dataType: '' },
  },
  refunds: {
    documentOf: async (payload, tenantId) => {
      const doc = await payload.create({
        collection: 'refunds',
        data: { tenant: tenantId, order: await orderOf(payload, tenantId), client: await userOf(payload, tenantId, 'client'), amount: 100, destination: 'wallet', reason: 'fixture' },
      })
      return doc.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'Refund', many: 'Refunds', count: 'countRefunds', update: 'updateRefund', delete: 'deleteRefund', dataType: '' },
  },
  tips: {
    documentOf: async (payload, tenantId) => {
      const doc = await payload.create({
        collection: 'tips',
        data: { tenant: tenantId, order: await orderOf(payload, tenantId), client: await userOf(payload, tenantId, 'client'), writer: await userOf(payload, tenantId, 'writer'), amount: 500, writerAmount: 400, platformAmount: 100, status: 'pending' },
      })
      return doc.id
    },
    patch: { message: 'Hijacked' },
    graphql: { one: 'Tip', many: 'Tips', count: 'countTips', update: 'updateTip', delete: 'deleteTip', dataType: '' },
  },
  'writer-earnings': {
    documentOf: async (payload, tenantId) => {
      const order = await orderOf(payload, tenantId)
      const doc = await payload.create({
        collection: 'writer-earnings',
        data: { tenant: tenantId, writer: await userOf(payload, tenantId, 'writer'), order, kind: 'order_earning', amount: 1200, status: 'pending', reference: `fixture:earning:${order}` },
      })
      return doc.id
    },
    patch: { status: 'paid' },
    graphql: { one: 'WriterEarning', many: 'WriterEarnings', count: 'countWriterEarnings', update: 'updateWriterEarning', delete: 'deleteWriterEarning', dataType: '' },
  },
  'payment-windows': {
    documentOf: (payload, tenantId) => closedWindowOf(payload, tenantId),
    patch: { status: 'open' },
    graphql: { one: 'PaymentWindow', many: 'PaymentWindows', count: 'countPaymentWindows', update: 'updatePaymentWindow', delete: 'deletePaymentWindow', dataType: '' },
  },
  'payout-batches': {
    documentOf: async (payload, tenantId) => (await batchOf(payload, tenantId)).id,
    patch: { status: 'paid' },
    graphql: { one: 'PayoutBatch', many: 'PayoutBatches', count: 'countPayoutBatches', update: 'updatePayoutBatch', delete: 'deletePayoutBatch', dataType: '' },
  },
  'payout-records': {
    documentOf: async (payload, tenantId) => {
      const batch = await batchOf(payload, tenantId)
      const doc = await payload.create({ collection: 'payout-records', data: { tenant: tenantId, batch: batch.id, writer: await userOf(payload, tenantId, 'writer'), amount: 1200, status: 'pending' } })
      return doc.id
    },
    patch: { externalReference: 'Hijacked' },
    graphql: { one: 'PayoutRecord', many: 'PayoutRecords', count: 'countPayoutRecords', update: 'updatePayoutRecord', delete: 'deletePayoutRecord', dataType: '' },
  },
  'payout-requests': {
    documentOf: async (payload, tenantId) => {
      const writer = await userOf(payload, tenantId, 'writer')
      const req = await createLocalReq({}, payload)
      const wallet = await inTransaction(req, () => ensureWallet(req, tenantId, writer, 'writer'))
      const doc = await payload.create({ collection: 'payout-requests', data: { tenant: tenantId, writer, wallet: wallet.id, amount: 500, status: 'rejected', reason: 'fixture', expiresAt: new Date().toISOString() } })
      return doc.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'PayoutRequest', many: 'PayoutRequests', count: 'countPayoutRequests', update: 'updatePayoutRequest', delete: 'deletePayoutRequest', dataType: '' },
  },
  'writer-evaluations': {
    documentOf: async (payload, tenantId) => (await evaluationOf(payload, tenantId)).id,
    patch: { periodEnd: 'Hijacked' },
    graphql: { one: 'WriterEvaluation', many: 'WriterEvaluations', count: 'countWriterEvaluations', update: 'updateWriterEvaluation', delete: 'deleteWriterEvaluation', dataType: '' },
  },
  'writer-level-changes': {
    documentOf: async (payload, tenantId) => {
      const evaluation = await evaluationOf(payload, tenantId)
      const { docs: levels } = await payload.find({ collection: 'writer-levels', where: { tenant: { equals: tenantId } }, sort: 'displayOrder', limit: 2, depth: 0 })
      const doc = await payload.create({
        collection: 'writer-level-changes',
        data: { tenant: tenantId, writer: idOfValue(evaluation.writer), from: levels[0]!.id, to: levels[1]!.id, direction: 'promotion', trigger: 'weekly', reasons: [{ metric: 'completedOrders', value: 9, threshold: 5, crossed: 'atLeast' }], evaluation: evaluation.id },
      })
      return doc.id
    },
    patch: { note: 'Hijacked' },
    graphql: { one: 'WriterLevelChange', many: 'WriterLevelChanges', count: 'countWriterLevelChanges', update: 'updateWriterLevelChange', delete: 'deleteWriterLevelChange', dataType: '' },
  },
  'discipline-records': {
    // A warning: it bars nobody, so the writer fixtures elsewhere stay eligible.
    documentOf: async (payload, tenantId) => {
      const doc = await payload.create({ collection: 'discipline-records', data: { tenant: tenantId, writer: await userOf(payload, tenantId, 'writer'), kind: 'warning', status: 'active', reason: 'fixture' } })
      return doc.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'DisciplineRecord', many: 'DisciplineRecords', count: 'countDisciplineRecords', update: 'updateDisciplineRecord', delete: 'deleteDisciplineRecord', dataType: '' },
  },
  'fine-types': {
    documentOf: async (payload, tenantId) => (await payload.create({ collection: 'fine-types', data: { tenant: tenantId, code: `fixture_${tenantId}_${uniqueSuffix().replace(/[^a-z0-9]/g, '')}`, name: 'Fixture fine', calculation: 'fixed', base: 'writer_pay', amount: 700 } })).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'FineType', many: 'FineTypes', count: 'countFineTypes', update: 'updateFineType', delete: 'deleteFineType', dataType: '' },
  },
  fines: {
    // Issued by the platform (its reference set), with no order: owed by the writer at once.
    documentOf: async (payload, tenantId) => {
      const doc = await payload.create({
        collection: 'fines',
        data: { tenant: tenantId, writer: await userOf(payload, tenantId, 'writer'), type: 'wrong_files', amount: 1000, status: 'issued', reason: 'fixture', reference: `fixture:fine:${tenantId}:${uniqueSuffix()}` },
      })
      return doc.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'Fine', many: 'Fines', count: 'countFines', update: 'updateFine', delete: 'deleteFine', dataType: '' },
  },
  'special-order-configs': {
    documentOf: async (payload, tenantId) => (await specialOrderConfigOf(payload, tenantId)).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'SpecialOrderConfig', many: 'SpecialOrderConfigs', count: 'countSpecialOrderConfigs', update: 'updateSpecialOrderConfig', delete: 'deleteSpecialOrderConfig', dataType: '' },
  },
  'special-orders': {
    documentOf: async (payload, tenantId) => (await fixedSpecialOrderOf(payload, tenantId)).id,
    patch: { title: 'Hijacked' },
    graphql: { one: 'SpecialOrder', many: 'SpecialOrders', count: 'countSpecialOrders', update: 'updateSpecialOrder', delete: 'deleteSpecialOrder', dataType: '' },
  },
  // A sent quote on a quoted special order of the website's first client (written directly: fixtures only need the row).
  'special-order-quotes': {
    documentOf: async (payload, tenantId) => {
      const client = await userOf(payload, tenantId, 'client')
      const order = await payload.create({ collection: 'special-orders', data: { tenant: tenantId, client, title: 'Quoted fixture', description: 'To quote.' } as never, depth: 0 })
      const quote = await payload.create({
        collection: 'special-order-quotes',
        data: { tenant: tenantId, specialOrder: order.id, client, lines: [{ kind: 'service', description: 'Work', amount: 10000 }], subtotal: 10000, discount: 0, total: 10000, status: 'sent', expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
      })
      return quote.id
    },
    patch: { note: 'Hijacked' },
    graphql: { one: 'SpecialOrderQuote', many: 'SpecialOrderQuotes', count: 'countSpecialOrderQuotes', update: 'updateSpecialOrderQuote', delete: 'deleteSpecialOrderQuote', dataType: '' },
  },
  'funding-milestones': {
    documentOf: async (payload, tenantId) => {
      const order = await fixedSpecialOrderOf(payload, tenantId)
      const { docs } = await payload.find({ collection: 'funding-milestones', where: { specialOrder: { equals: order.id } }, sort: 'sequence', limit: 1, depth: 0 })
      return docs[0]!.id
    },
    patch: { label: 'Hijacked' },
    graphql: { one: 'FundingMilestone', many: 'FundingMilestones', count: 'countFundingMilestones', update: 'updateFundingMilestone', delete: 'deleteFundingMilestone', dataType: '' },
  },
  // A submitted class of the website's first client; a proposal, installment and task of an accepted one.
  'class-orders': {
    documentOf: async (payload, tenantId) => (await classOrderFor(payload, tenantId)).id,
    patch: { title: 'Hijacked' },
    graphql: { one: 'ClassOrder', many: 'ClassOrders', count: 'countClassOrders', update: 'updateClassOrder', delete: 'deleteClassOrder', dataType: '' },
  },
  'class-proposals': {
    documentOf: async (payload, tenantId) => (await proposedClassFor(payload, tenantId)).proposal.id,
    patch: { note: 'Hijacked' },
    graphql: { one: 'ClassProposal', many: 'ClassProposals', count: 'countClassProposals', update: 'updateClassProposal', delete: 'deleteClassProposal', dataType: '' },
  },
  'class-installments': {
    documentOf: async (payload, tenantId) => {
      const { classOrder } = await acceptedClassFor(payload, tenantId)
      return (await payload.find({ collection: 'class-installments', where: { classOrder: { equals: classOrder.id } }, depth: 0, limit: 1 })).docs[0]!.id
    },
    patch: { dueAt: '2030-01-01T00:00:00.000Z' },
    graphql: { one: 'ClassInstallment', many: 'ClassInstallments', count: 'countClassInstallments', update: 'updateClassInstallment', delete: 'deleteClassInstallment', dataType: '' },
  },
  'class-tasks': {
    documentOf: async (payload, tenantId) => {
      const classOrder = await classOrderFor(payload, tenantId)
      const doc = await payload.create({ collection: 'class-tasks', data: { tenant: tenantId, classOrder: classOrder.id, kind: 'quiz', title: `Quiz of website ${tenantId}` } as never, depth: 0 })
      return doc.id
    },
    patch: { title: 'Hijacked' },
    graphql: { one: 'ClassTask', many: 'ClassTasks', count: 'countClassTasks', update: 'updateClassTask', delete: 'deleteClassTask', dataType: '' },
  },
  tickets: {
    documentOf: async (payload, tenantId) => (await ticketOf(payload, tenantId)).id,
    patch: { subject: 'Hijacked' },
    graphql: { one: 'Ticket', many: 'Tickets', count: 'countTickets', update: 'updateTicket', delete: 'deleteTicket', dataType: '' },
  },
  // A reply of the opener (the website's first client) on their ticket.
  'ticket-messages': {
    documentOf: async (payload, tenantId) => {
      const ticket = await ticketOf(payload, tenantId)
      const doc = await payload.create({ collection: 'ticket-messages', data: { tenant: tenantId, ticket: ticket.id, author: ticket.opener, opener: ticket.opener, byStaff: false, internal: false, body: `Hello from website ${tenantId}` } as never, depth: 0 })
      return doc.id
    },
    patch: { body: 'Hijacked' },
    graphql: { one: 'TicketMessage', many: 'TicketMessages', count: 'countTicketMessages', update: 'updateTicketMessage', delete: 'deleteTicketMessage', dataType: '' },
  },
  // A file the website's first client uploaded, not attached yet.
  'ticket-attachments': {
    documentOf: async (payload, tenantId) => {
      const client = await payload.findByID({ collection: 'users', id: await userOf(payload, tenantId, 'client'), depth: 0 })
      const data = textFile(`Screenshot of website ${tenantId}`)
      const doc = await payload.create({ collection: 'ticket-attachments', data: { tenant: tenantId } as never, file: { data, mimetype: 'text/plain', name: `ticket-${tenantId}.txt`, size: data.length }, user: client, depth: 0 })
      return doc.id
    },
    patch: { internal: 'true' },
    graphql: { one: 'TicketAttachment', many: 'TicketAttachments', count: 'countTicketAttachments', update: 'updateTicketAttachment', delete: 'deleteTicketAttachment', dataType: '' },
  },
  'loyalty-accounts': {
    documentOf: async (payload, tenantId) => (await loyaltyAccountOf(payload, tenantId)).account,
    patch: { tier: 'Hijacked' },
    graphql: { one: 'LoyaltyAccount', many: 'LoyaltyAccounts', count: 'countLoyaltyAccounts', update: 'updateLoyaltyAccount', delete: 'deleteLoyaltyAccount', dataType: '' },
  },
  'loyalty-transactions': {
    documentOf: async (payload, tenantId) => {
      const { account } = await loyaltyAccountOf(payload, tenantId)
      const { docs } = await payload.find({ collection: 'loyalty-transactions', where: { account: { equals: account } }, sort: '-id', limit: 1, depth: 0 })
      return docs[0]!.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'LoyaltyTransaction', many: 'LoyaltyTransactions', count: 'countLoyaltyTransactions', update: 'updateLoyaltyTransaction', delete: 'deleteLoyaltyTransaction', dataType: '' },
  },
  'loyalty-rewards': {
    documentOf: async (payload, tenantId) => (await loyaltyRewardOf(payload, tenantId)).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'LoyaltyReward', many: 'LoyaltyRewards', count: 'countLoyaltyRewards', update: 'updateLoyaltyReward', delete: 'deleteLoyaltyReward', dataType: '' },
  },
  'loyalty-redemptions': {
    documentOf: async (payload, tenantId) => {
      const { client } = await loyaltyAccountOf(payload, tenantId)
      const reward = await loyaltyRewardOf(payload, tenantId)
      const doc = await payload.create({ collection: 'loyalty-redemptions', data: { tenant: tenantId, client, reward: reward.id, points: 100, status: 'pending' }, depth: 0 })
      return doc.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'LoyaltyRedemption', many: 'LoyaltyRedemptions', count: 'countLoyaltyRedemptions', update: 'updateLoyaltyRedemption', delete: 'deleteLoyaltyRedemption', dataType: '' },
  },
  // The demo's referral (client2 came by client's code): referee is unique, so the seed's one is the fixture.
  referrals: {
    documentOf: async (payload, tenantId) => {
      const { docs } = await payload.find({ collection: 'referrals', where: { tenant: { equals: tenantId } }, sort: 'id', limit: 1, depth: 0 })
      if (!docs[0]) throw new Error(`no referral on website ${tenantId}: the seed makes one`)
      return docs[0].id
    },
    patch: { code: 'HIJACKED' },
    graphql: { one: 'Referral', many: 'Referrals', count: 'countReferrals', update: 'updateReferral', delete: 'deleteReferral', dataType: '' },
  },
  invoices: {
    documentOf: async (payload, tenantId) => (await invoiceFixture(payload, tenantId)).id,
    patch: { title: 'Hijacked' },
    graphql: { one: 'Invoice', many: 'Invoices', count: 'countInvoices', update: 'updateInvoice', delete: 'deleteInvoice', dataType: '' },
  },
  installments: {
    documentOf: async (payload, tenantId) => {
      const invoice = await invoiceFixture(payload, tenantId)
      const doc = await payload.create({ collection: 'installments', data: { tenant: tenantId, invoice: invoice.id, client: idOfValue(invoice.client), sequence: 1, amount: 1000, amountPaid: 0, dueAt: invoice.dueAt, status: 'pending' } })
      return doc.id
    },
    patch: { status: 'paid' },
    graphql: { one: 'Installment', many: 'Installments', count: 'countInstallments', update: 'updateInstallment', delete: 'deleteInstallment', dataType: '' },
  },
  receipts: {
    documentOf: async (payload, tenantId) => {
      const client = await userOf(payload, tenantId, 'client')
      const payment = await payload.create({ collection: 'payments', data: { tenant: tenantId, client, reference: `pay_receipt_fixture_${tenantId}_${Date.now()}`, purpose: 'wallet_top_up', provider: 'manual', status: 'succeeded', amount: 1000, currency: 'USD' } })
      const doc = await payload.create({ collection: 'receipts', data: { tenant: tenantId, number: `RCT-FIX-${payment.id}`, kind: 'receipt', payment: payment.id, client, amount: 1000, currency: 'USD', paidFor: { purpose: 'wallet_top_up' }, issuedAt: new Date().toISOString() } })
      return doc.id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'Receipt', many: 'Receipts', count: 'countReceipts', update: 'updateReceipt', delete: 'deleteReceipt', dataType: '' },
  },
  discounts: {
    documentOf: async (payload, tenantId) => (await payload.create({ collection: 'discounts', data: { tenant: tenantId, code: `FIX${uniqueSuffix()}`.toUpperCase(), name: 'Fixture', kind: 'percentage', value: 10 } as never })).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'Discount', many: 'Discounts', count: 'countDiscounts', update: 'updateDiscount', delete: 'deleteDiscount', dataType: '' },
  },
  'discount-campaigns': {
    documentOf: async (payload, tenantId) => (await payload.create({ collection: 'discount-campaigns', data: { tenant: tenantId, name: 'Fixture', slug: `fixture-${uniqueSuffix()}`, startsAt: new Date().toISOString() } as never })).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'DiscountCampaign', many: 'DiscountCampaigns', count: 'countDiscountCampaigns', update: 'updateDiscountCampaign', delete: 'deleteDiscountCampaign', dataType: '' },
  },
  'discount-usages': {
    documentOf: async (payload, tenantId) => {
      const order = await orderOf(payload, tenantId)
      const doc = await payload.create({
        collection: 'discount-usages',
        data: { tenant: tenantId, client: await userOf(payload, tenantId, 'client'), payableType: 'order', order, subtotal: 1000, discountAmount: 0, total: 1000, origin: 'manual', code: 'FIXTURE', status: 'released' },
      })
      return doc.id
    },
    patch: { code: 'HIJACKED' },
    graphql: { one: 'DiscountUsage', many: 'DiscountUsages', count: 'countDiscountUsages', update: 'updateDiscountUsage', delete: 'deleteDiscountUsage', dataType: '' },
  },
  // An approved review of an order of the website's first client, worked by its first writer (the platform's own create: no user).
  reviews: {
    documentOf: async (payload, tenantId) => (await reviewFixture(payload, tenantId)).id,
    patch: { text: 'Hijacked review text' },
    graphql: { one: 'Review', many: 'Reviews', count: 'countReviews', update: 'updateReview', delete: 'deleteReview', dataType: '' },
  },
  outbox: {
    documentOf: async (payload, tenantId) => {
      const row = await payload.create({
        collection: 'outbox',
        data: { type: 'test.noop', tenant: tenantId, payload: { note: `website ${tenantId}` }, status: 'done' },
      })
      return row.id
    },
    patch: { type: 'Hijacked' },
    graphql: { one: 'OutboxRow', many: 'OutboxRows', count: 'countOutboxRows', update: 'updateOutboxRow', delete: 'deleteOutboxRow', dataType: '' },
  },
  'order-files': {
    documentOf: async (payload, tenantId) => {
      const order = await placeOrderFor(payload, tenantId)
      const data = textFile(`Instructions of website ${tenantId}`)
      const doc = await payload.create({
        collection: 'order-files',
        data: { order: order.id, purpose: 'instructions' },
        file: { data, mimetype: 'text/plain', name: `brief-${tenantId}.txt`, size: data.length },
      })
      return doc.id
    },
    patch: { note: 'Hijacked' },
    graphql: { one: 'OrderFile', many: 'OrderFiles', count: 'countOrderFiles', update: 'updateOrderFile', delete: 'deleteOrderFile', dataType: '' },
  },
  'order-messages': {
    documentOf: async (payload, tenantId) => {
      const order = await placeOrderFor(payload, tenantId)
      const doc = await payload.create({ collection: 'order-messages', data: { order: order.id, thread: 'client_support', body: `Hello from website ${tenantId}` } })
      return doc.id
    },
    patch: { body: 'Hijacked' },
    graphql: { one: 'OrderMessage', many: 'OrderMessages', count: 'countOrderMessages', update: 'updateOrderMessage', delete: 'deleteOrderMessage', dataType: '' },
  },
  media: {
    documentOf: async (payload, tenantId) => {
      const data = await tinyPng()
      const doc = await payload.create({
        collection: 'media',
        data: { alt: `media of website ${tenantId}`, tenant: tenantId },
        file: { data, mimetype: 'image/png', name: `website-${tenantId}.png`, size: data.length },
      })
      return doc.id
    },
    patch: { alt: 'Hijacked' },
    graphql: { one: 'Media', many: 'allMedia', count: 'countallMedia', update: 'updateMedia', delete: 'deleteMedia', dataType: 'mutationMediaUpdateInput' },
  },
  posts: {
    documentOf: async (payload, tenantId) => (await publishedContentOf(payload, 'posts', tenantId)).id,
    patch: { title: 'Hijacked' },
    graphql: { one: 'Post', many: 'Posts', count: 'countPosts', update: 'updatePost', delete: 'deletePost', dataType: 'mutationPostUpdateInput' },
  },
  pages: {
    documentOf: async (payload, tenantId) => (await publishedContentOf(payload, 'pages', tenantId)).id,
    patch: { title: 'Hijacked' },
    graphql: { one: 'Page', many: 'Pages', count: 'countPages', update: 'updatePage', delete: 'deletePage', dataType: 'mutationPageUpdateInput' },
  },
  authors: {
    documentOf: async (payload, tenantId) => (await authorOf(payload, tenantId)).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'Author', many: 'Authors', count: 'countAuthors', update: 'updateAuthor', delete: 'deleteAuthor', dataType: 'mutationAuthorUpdateInput' },
  },
  categories: {
    documentOf: async (payload, tenantId) => (await payload.create({ collection: 'categories', data: { tenant: tenantId, name: `Category ${uniqueSuffix()}` } as never, depth: 0 })).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'Category', many: 'Categories', count: 'countCategories', update: 'updateCategory', delete: 'deleteCategory', dataType: 'mutationCategoryUpdateInput' },
  },
  tags: {
    documentOf: async (payload, tenantId) => (await payload.create({ collection: 'tags', data: { tenant: tenantId, name: `Tag ${uniqueSuffix()}` } as never, depth: 0 })).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'Tag', many: 'Tags', count: 'countTags', update: 'updateTag', delete: 'deleteTag', dataType: 'mutationTagUpdateInput' },
  },
  redirects: {
    // Written the way the platform writes them: a published post renamed.
    documentOf: async (payload, tenantId) => {
      const post = await publishedContentOf(payload, 'posts', tenantId)
      await payload.update({ collection: 'posts', id: post.id, data: { slug: `${post.slug}-renamed`, _status: 'published' }, depth: 0 })
      const { docs } = await payload.find({ collection: 'redirects', where: { fromSlug: { equals: post.slug } }, limit: 1, depth: 0 })
      return docs[0]!.id
    },
    patch: { fromSlug: 'hijacked' },
    graphql: { one: 'Redirect', many: 'Redirects', count: 'countRedirects', update: 'updateRedirect', delete: 'deleteRedirect', dataType: 'mutationRedirectUpdateInput' },
  },  // A row of the website's audit trail, as the trail's own INSERT writes it (no API creates one).
  'audit-events': {
    documentOf: async (payload, tenantId) => {
      const { rows } = await poolOf(payload)!.query<{ id: number }>("INSERT INTO audit_events (tenant_id, kind, action) VALUES ($1, 'change', 'fixture') RETURNING id", [tenantId])
      return rows[0]!.id
    },
    patch: { action: 'Hijacked' },
    graphql: { one: 'AuditEvent', many: 'AuditEvents', count: 'countAuditEvents', update: 'updateAuditEvent', delete: 'deleteAuditEvent', dataType: '' },
  },
  'email-campaigns': {
    documentOf: async (payload, tenantId) => (await payload.create({ collection: 'email-campaigns', data: { tenant: tenantId, name: 'Fixture', subject: 'Fixture', audience: { roles: ['client'] }, status: 'draft' } })).id,
    patch: { name: 'Hijacked' },
    graphql: { one: 'EmailCampaign', many: 'EmailCampaigns', count: 'countEmailCampaigns', update: 'updateEmailCampaign', delete: 'deleteEmailCampaign', dataType: '' },
  },
  // Written by the sender only: a recipient row of a fixture campaign, as the INSERT … SELECT writes it.
  'email-recipients': {
    documentOf: async (payload, tenantId) => {
      const campaign = await payload.create({ collection: 'email-campaigns', data: { tenant: tenantId, name: 'Fixture', subject: 'Fixture', audience: { roles: ['client'] }, status: 'draft' } })
      return (await payload.create({ collection: 'email-recipients', data: { tenant: tenantId, campaign: campaign.id, user: await userOf(payload, tenantId, 'client'), address: `fixture-${uniqueSuffix()}@example.com`, status: 'pending' } })).id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'EmailRecipient', many: 'EmailRecipients', count: 'countEmailRecipients', update: 'updateEmailRecipient', delete: 'deleteEmailRecipient', dataType: '' },
  },
  'email-suppressions': {
    documentOf: async (payload, tenantId) => (await payload.create({ collection: 'email-suppressions', data: { tenant: tenantId, address: `fixture-${uniqueSuffix()}@example.com`, reason: 'manual' } })).id,
    patch: { note: 'Hijacked' },
    graphql: { one: 'EmailSuppression', many: 'EmailSuppressions', count: 'countEmailSuppressions', update: 'updateEmailSuppression', delete: 'deleteEmailSuppression', dataType: '' },
  },
  notifications: {
    // Told to the website's first client, as notify() writes it.
    documentOf: async (payload, tenantId) =>
      (
        await payload.create({
          collection: 'notifications',
          data: { tenant: tenantId, recipient: await userOf(payload, tenantId, 'client'), event: 'order.assigned', category: 'orders', priority: 'normal', title: 'Fixture notification', key: `fixture:${uniqueSuffix()}`, emailStatus: 'none' },
          depth: 0,
        })
      ).id,
    patch: { title: 'Hijacked' },
    graphql: { one: 'Notification', many: 'Notifications', count: 'countNotifications', update: 'updateNotification', delete: 'deleteNotification', dataType: '' },
  },
  'notification-preferences': {
    // One row per user and website: the first client's, made once.
    documentOf: async (payload, tenantId) => {
      const user = await userOf(payload, tenantId, 'client')
      const { docs } = await payload.find({ collection: 'notification-preferences', where: { and: [{ tenant: { equals: tenantId } }, { user: { equals: user } }] }, limit: 1, depth: 0 })
      if (docs[0]) return docs[0].id
      return (await payload.create({ collection: 'notification-preferences', data: { tenant: tenantId, user, digest: 'none', channels: { marketing: { email: true } } }, depth: 0 })).id
    },
    patch: { timeZone: 'Europe/Paris' },
    graphql: { one: 'NotificationPreference', many: 'NotificationPreferences', count: 'countNotificationPreferences', update: 'updateNotificationPreference', delete: 'deleteNotificationPreference', dataType: '' },
  },
  'notification-templates': {
    documentOf: async (payload, tenantId) =>
      (await payload.create({ collection: 'notification-templates', data: { tenant: tenantId, event: `order.fixture_${uniqueSuffix()}`, subject: 'Fixture', text: 'Fixture {{title}}' }, depth: 0 })).id,
    patch: { subject: 'Hijacked' },
    graphql: { one: 'NotificationTemplate', many: 'NotificationTemplates', count: 'countNotificationTemplates', update: 'updateNotificationTemplate', delete: 'deleteNotificationTemplate', dataType: '' },
  },
  'class-access': {
    documentOf: async (payload, tenantId) => (await classAccessOf(payload, tenantId)).id,
    patch: { twoFactorWindow: 'Hijacked' },
    graphql: { one: 'ClassAccess', many: 'ClassAccesses', count: 'countClassAccesses', update: 'updateClassAccess', delete: 'deleteClassAccess', dataType: '' },
  },
  // A view of the website's first client's class, as the credentials endpoint logs it.
  'class-access-views': {
    documentOf: async (payload, tenantId) => {
      const { classOrder } = await classAccessOf(payload, tenantId)
      const viewer = await userOf(payload, tenantId, 'admin')
      return (await payload.create({ collection: 'class-access-views', data: { tenant: tenantId, classOrder, viewer, role: 'admin', reason: 'fixture', at: new Date().toISOString(), outcome: 'granted', answer: 200 }, depth: 0 })).id
    },
    patch: { reason: 'Hijacked' },
    graphql: { one: 'ClassAccessView', many: 'ClassAccessViews', count: 'countClassAccessViews', update: 'updateClassAccessView', delete: 'deleteClassAccessView', dataType: '' },
  },
}

const bindsToTenants = (field: Field): boolean =>
  ('name' in field && field.name === 'tenant' && field.type === 'relationship' && field.relationTo === 'tenants') ||
  ('name' in field && field.name === 'tenants' && field.type === 'array' && field.fields.some(bindsToTenants))

/** Collections whose documents belong to a website: found from the config, not listed by hand. */
export const tenantScopedCollections = (collections: CollectionConfig[]): string[] =>
  collections.filter((c) => c.slug === 'tenants' || c.fields.some(bindsToTenants)).map((c) => c.slug)

/** Collections that are deliberately platform-wide (Payload's own bookkeeping). */
/** Platform bookkeeping too: idempotency answers (per user) and provider event ids, superadmin-only; Payload's job queue (scheduled publishing), closed to every API. */
/**
 * Not scoped by the multi-tenant plugin. `login-sessions` are a person's (a superadmin's
 * have no website); their isolation (the owner, and the admins of the website signed in
 * on) is tested in tests/int/sessions.test.ts.
 */
export const PLATFORM_COLLECTIONS = ['payload-kv', 'payload-preferences', 'payload-migrations', 'payload-locked-documents', 'idempotency-keys', 'provider-events', 'payload-jobs', 'login-sessions']
