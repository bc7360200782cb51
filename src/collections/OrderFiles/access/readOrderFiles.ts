import type { Where } from 'payload'

import { orderPartyRows } from '@/access/orderParties'
import { CLIENT_READS, CLIENT_READS_WHEN_RELEASED, type OrderFilePurpose, WRITER_LOCKED_OUT, WRITER_READS } from '@/domain/files/orderFileRules'

const purposeIn = (purposes: readonly OrderFilePurpose[]): Where => ({ purpose: { in: [...purposes] } })

/**
 * Who reads and downloads which files of an order (reference §3.9), as one SQL filter
 * that serves lists, reads, counts and `GET /api/order-files/file/<name>` alike. The
 * client's deliverables unlock when the order is fully paid or staff released them; the
 * writer loses every file once the order is cancelled or refunded (by status, or by its
 * payment being refunded in full).
 */
export const readOrderFiles = orderPartyRows({
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
})
