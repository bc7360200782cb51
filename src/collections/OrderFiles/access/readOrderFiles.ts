import type { Where } from 'payload'

import { recordPartyRows } from '@/access/orderParties'
import { CLIENT_READS, CLIENT_READS_WHEN_RELEASED, type OrderFilePurpose, WRITER_LOCKED_OUT, WRITER_READS } from '@/domain/files/orderFileRules'
import { RECORD_CLIENT_READS, RECORD_DELIVERABLES, RECORD_WRITER_LOCKED_OUT, RECORD_WRITER_READS } from '@/domain/files/recordFileRules'
import { openDeliveriesOf } from '@/operations/specialOrders/openDeliveries'

const purposeIn = (purposes: readonly OrderFilePurpose[]): Where => ({ purpose: { in: [...purposes] } })

/** The writer's files of a record he works on: the brief and the work, and his own, until it is closed to him. */
const writerRows =
  (statusPath: string, lockedOut: readonly string[]) =>
  (writerId: number): Where => ({
    and: [{ [statusPath]: { not_in: [...lockedOut] } }, { or: [purposeIn(RECORD_WRITER_READS), { uploadedBy: { equals: writerId } }] }],
  })

/**
 * Who reads and downloads which files of an order, a special order or a class order
 * (reference §3.9, issue 17), as one SQL filter that serves lists, reads, counts and
 * `GET /api/order-files/file/<name>` alike. An order's client reads its deliverables once
 * it is fully paid or staff released them; a special order's once its delivery gate
 * opens (the plan funded where the website requires it, or an admin's unlock); a class
 * order's client and writer exchange the brief and the work. The writer loses every file
 * once the record is cancelled or refunded, or he is no longer its writer.
 */
export const readOrderFiles = recordPartyRows({
  order: {
    client: (): Where => ({
      or: [
        purposeIn(CLIENT_READS),
        {
          and: [
            purposeIn(CLIENT_READS_WHEN_RELEASED),
            { or: [{ 'order.paymentStatus': { equals: 'fully_paid' } }, { 'order.filesReleased': { equals: true } }] },
          ],
        },
      ],
    }),
    writer: (writerId): Where => ({
      and: [
        { 'order.status': { not_in: [...WRITER_LOCKED_OUT] } },
        { 'order.paymentStatus': { not_equals: 'refunded' } },
        { or: [purposeIn(WRITER_READS), { uploadedBy: { equals: writerId } }] },
      ],
    }),
  },
  specialOrder: {
    client: async (clientId, req): Promise<Where> => {
      const open = await openDeliveriesOf(req, clientId)
      return {
        or: [purposeIn(RECORD_CLIENT_READS), ...(open.length > 0 ? [{ and: [purposeIn(RECORD_DELIVERABLES), { specialOrder: { in: open } }] }] : [])],
      }
    },
    writer: writerRows('specialOrder.status', RECORD_WRITER_LOCKED_OUT.specialOrder),
  },
  classOrder: {
    client: (): Where => purposeIn([...RECORD_CLIENT_READS, ...RECORD_DELIVERABLES]),
    writer: writerRows('classOrder.status', RECORD_WRITER_LOCKED_OUT.classOrder),
  },
})
