import type { OrderParty, Refusal } from '../orders/parties'
import type { OrderStatus } from '../orders/statuses'

/** What a file of an order is for (reference §3.9, as short stable codes). */
export const ORDER_FILE_PURPOSES = [
  'instructions',
  'reference',
  'style_reference',
  'extra_service',
  'draft',
  'final',
  'revision',
  'writer_guide',
  'internal',
] as const
export type OrderFilePurpose = (typeof ORDER_FILE_PURPOSES)[number]

export const isOrderFilePurpose = (value: unknown): value is OrderFilePurpose =>
  typeof value === 'string' && (ORDER_FILE_PURPOSES as readonly string[]).includes(value)

/** What each party may upload: clients brief the work, the writer delivers it, staff anything. */
export const UPLOADS_BY_PARTY: Readonly<Record<OrderParty, readonly OrderFilePurpose[]>> = {
  staff: ORDER_FILE_PURPOSES,
  client: ['instructions', 'reference', 'style_reference'],
  writer: ['draft', 'final', 'revision', 'extra_service'],
}

/** Orders that take no more files except from staff. */
export const CLOSED_TO_UPLOADS: readonly OrderStatus[] = ['cancelled', 'refunded', 'archived']

/** What the client always reads. */
export const CLIENT_READS: readonly OrderFilePurpose[] = ['instructions', 'reference', 'style_reference', 'extra_service', 'draft']

/** The deliverables: the client reads them once the order is fully paid or staff released them. */
export const CLIENT_READS_WHEN_RELEASED: readonly OrderFilePurpose[] = ['final', 'revision']

/**
 * What the current writer reads besides the files they uploaded: the brief and the work
 * in progress, never another party's finals. `writer_guide` is not in the reference's
 * list, but a guide for the writer that the writer cannot open has no use.
 */
export const WRITER_READS: readonly OrderFilePurpose[] = ['instructions', 'reference', 'style_reference', 'extra_service', 'draft', 'revision', 'writer_guide']

/** Once an order is here its writer reads none of its files (reference §15.5). */
export const WRITER_LOCKED_OUT: readonly OrderStatus[] = ['cancelled', 'refunded']

const list = (purposes: readonly string[]) => purposes.join(', ')

/**
 * Why `parties` may not add a file for `purpose` to an order in `status`, or null when
 * they may. The caller has already made sure the order is visible to the user (else 404).
 */
/**
 * A writer's `revision` file answers an open revision request (the client's or the
 * editor's); without one it would be a delivery outside the workflow. Staff may add one
 * at any time.
 */
export const revisionRefusal = (parties: readonly OrderParty[], purpose: OrderFilePurpose, openRevision: boolean): Refusal | null =>
  purpose === 'revision' && !openRevision && !parties.includes('staff')
    ? { status: 409, path: 'purpose', message: 'purpose: a revision file answers an open revision request, and this order has none.' }
    : null

export const uploadRefusal = (parties: readonly OrderParty[], purpose: OrderFilePurpose, status: OrderStatus): Refusal | null => {
  if (parties.length === 0) {
    return { status: 403, path: 'order', message: 'order: only its client, its current writer and the website’s staff add files to an order.' }
  }
  if (!parties.some((party) => UPLOADS_BY_PARTY[party].includes(purpose))) {
    const allowed = [...new Set(parties.flatMap((party) => UPLOADS_BY_PARTY[party]))]
    return { status: 403, path: 'purpose', message: `purpose: you may upload ${list(allowed)} files to this order, not ${purpose}.` }
  }
  if (CLOSED_TO_UPLOADS.includes(status) && !parties.includes('staff')) {
    return { status: 409, path: 'order', message: `order: the order is ${status}; only staff add files to it now.` }
  }
  return null
}
