import type { Where } from 'payload'

import { recordPartyRows } from '@/access/orderParties'
import { threadsOf } from '@/domain/messages/threads'

const threads = {
  client: (): Where => ({ thread: { in: threadsOf('client') } }),
  writer: (): Where => ({ thread: { in: threadsOf('writer') } }),
}

/**
 * Staff of the website read every thread; the client of an order, a special order or a
 * class order reads its client_support and client_writer threads, its current writer the
 * client_writer and writer_support threads.
 */
export const readOrderMessages = recordPartyRows({ order: threads, specialOrder: threads, classOrder: threads })
