import type { OrderParty, OrderPeople, Refusal } from '../orders/parties'
import type { ClassOrderStatus } from '../classOrders/statuses'
import type { OrderStatus } from '../orders/statuses'
import type { SpecialOrderStatus } from '../specialOrders/workflow'

/** The three conversations every order has (reference §3.10). */
export const MESSAGE_THREADS = ['client_support', 'client_writer', 'writer_support'] as const
export type MessageThread = (typeof MESSAGE_THREADS)[number]

export const isMessageThread = (value: unknown): value is MessageThread =>
  typeof value === 'string' && (MESSAGE_THREADS as readonly string[]).includes(value)

/**
 * Who each thread is between. Staff of the website also read and post in every thread
 * (they oversee the client–writer conversation) but are members, and so notified, only
 * of the support threads.
 */
export const THREAD_MEMBERS: Readonly<Record<MessageThread, readonly OrderParty[]>> = {
  client_support: ['client', 'staff'],
  client_writer: ['client', 'writer'],
  writer_support: ['writer', 'staff'],
}

/** The longest message a user may send (characters). */
export const MESSAGE_MAX_LENGTH = 5000

/** Threads where contact details are hidden: the client and writer stay on the platform. */
export const MASKED_THREADS: readonly MessageThread[] = ['client_writer']

/** Orders whose conversations are closed. */
export const CLOSED_TO_MESSAGES: readonly OrderStatus[] = ['archived']

/**
 * Special and class orders whose conversations are closed: an archived class. A special
 * order has no archive; its people may still talk about a cancelled or refunded one.
 */
export const RECORD_CLOSED_TO_MESSAGES: { readonly specialOrder: readonly SpecialOrderStatus[]; readonly classOrder: readonly ClassOrderStatus[] } = {
  specialOrder: [],
  classOrder: ['archived'],
}

/** The threads a party reads and posts in. */
export const threadsOf = (party: OrderParty): MessageThread[] =>
  party === 'staff' ? [...MESSAGE_THREADS] : MESSAGE_THREADS.filter((thread) => THREAD_MEMBERS[thread].includes(party))

/**
 * Why `parties` may not post in `thread` of a record in `status`, or null when they may.
 * The caller has already made sure the record is visible to the user (else 404). The
 * record is an order unless `record` names a special or class order and its closed statuses.
 */
export const postRefusal = <S extends string>(
  parties: readonly OrderParty[],
  thread: MessageThread,
  status: S,
  record: { field: string; noun: string; closed: readonly S[] } = { field: 'order', noun: 'order', closed: CLOSED_TO_MESSAGES as readonly string[] as readonly S[] },
): Refusal | null => {
  if (!parties.some((party) => threadsOf(party).includes(thread))) {
    return { status: 403, path: 'thread', message: `thread: you are not a participant of the ${thread} thread of this ${record.noun}.` }
  }
  if (record.closed.includes(status)) {
    return { status: 409, path: record.field, message: `${record.field}: the ${record.noun} is ${status}; its threads are closed.` }
  }
  return null
}

/** Structurally the live-event audience of src/events/bus.ts (the domain imports no runtime). */
export type MessageAudience = { user: number } | { staffOfTenant: number }

/**
 * Who hears of a new message: the thread's members other than its author. Staff are
 * addressed as the website's staff, one audience, so a staff author's colleagues hear of
 * it too (and so does the author's own stream, which frontends match by message id).
 */
export const messageAudiences = (thread: MessageThread, order: OrderPeople & { tenant: number }, authorId: number | null): MessageAudience[] =>
  THREAD_MEMBERS[thread].flatMap((member): MessageAudience[] => {
    if (member === 'staff') return [{ staffOfTenant: order.tenant }]
    const user = order[member]
    return user !== null && user !== authorId ? [{ user }] : []
  })

/** Messages grouped by thread, in the order given; every thread present, empty or not. */
export const byThread = <T extends { thread: string }>(messages: readonly T[]): Record<MessageThread, T[]> => {
  const groups = { client_support: [], client_writer: [], writer_support: [] } as Record<MessageThread, T[]>
  for (const message of messages) if (isMessageThread(message.thread)) groups[message.thread].push(message)
  return groups
}
