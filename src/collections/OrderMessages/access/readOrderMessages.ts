import { orderPartyRows } from '@/access/orderParties'
import { threadsOf } from '@/domain/messages/threads'

/**
 * Staff of the website read every thread; an order's client reads its client_support and
 * client_writer threads, its current writer the client_writer and writer_support threads.
 */
export const readOrderMessages = orderPartyRows({
  client: () => ({ thread: { in: threadsOf('client') } }),
  writer: () => ({ thread: { in: threadsOf('writer') } }),
})
