import type { ClassOrderStatus } from '../classOrders/statuses'
import type { OrderParty, Refusal } from '../orders/parties'
import type { SpecialOrderStatus } from '../specialOrders/workflow'

import { ORDER_FILE_PURPOSES, type OrderFilePurpose, WRITER_READS } from './orderFileRules'

/** The records besides paper orders that carry files (issue 17). */
export type FileRecord = 'specialOrder' | 'classOrder'

type StatusOf = { specialOrder: SpecialOrderStatus; classOrder: ClassOrderStatus }

/** What each party adds to a special or class order: the client the brief, the writer the work, staff anything. */
export const RECORD_UPLOADS_BY_PARTY: Readonly<Record<OrderParty, readonly OrderFilePurpose[]>> = {
  staff: ORDER_FILE_PURPOSES,
  client: ['instructions', 'reference', 'style_reference'],
  writer: ['draft', 'final', 'revision'],
}

/** Where the assigned writer is at work, and so adds work files. */
export const RECORD_WORKING: { readonly [K in FileRecord]: readonly StatusOf[K][] } = {
  specialOrder: ['assigned', 'in_progress', 'submitted', 'revision_requested', 'on_revision'],
  classOrder: ['assigned', 'in_progress'],
}

/** Records that take no more files except from staff. */
export const RECORD_CLOSED: { readonly [K in FileRecord]: readonly StatusOf[K][] } = {
  specialOrder: ['cancelled', 'refunded'],
  classOrder: ['cancelled', 'archived'],
}

/** Once a record is here its writer reads none of its files (as for orders, reference §15.5). */
export const RECORD_WRITER_LOCKED_OUT: { readonly [K in FileRecord]: readonly StatusOf[K][] } = {
  specialOrder: ['cancelled', 'refunded'],
  classOrder: ['cancelled'],
}

/** What the client always reads: the brief. Never the writer's drafts, guides or staff's internal notes. */
export const RECORD_CLIENT_READS: readonly OrderFilePurpose[] = ['instructions', 'reference', 'style_reference', 'extra_service']

/**
 * The deliverables. On a class order the client and the writer exchange them freely (task
 * files); on a special order the client reads them once delivery is open
 * (`deliveryRefusal` of src/domain/specialOrders/funding.ts answers null).
 */
export const RECORD_DELIVERABLES: readonly OrderFilePurpose[] = ['final', 'revision']

/** What the assigned writer reads besides his own uploads: as on orders. */
export const RECORD_WRITER_READS: readonly OrderFilePurpose[] = WRITER_READS

const list = (purposes: readonly string[]) => purposes.join(', ')
const NOUN: Readonly<Record<FileRecord, string>> = { specialOrder: 'special order', classOrder: 'class order' }

/**
 * Why `parties` may not add a file for `purpose` to a special or class order in `status`,
 * or null when they may. The caller has already made sure the record is visible (else 404).
 */
export const recordUploadRefusal = <K extends FileRecord>(record: K, parties: readonly OrderParty[], purpose: OrderFilePurpose, status: StatusOf[K]): Refusal | null => {
  const noun = NOUN[record]
  if (parties.length === 0) return { status: 403, path: record, message: `${record}: only its client, its assigned writer and the website’s staff add files to a ${noun}.` }
  if (parties.includes('staff')) return null
  const allowed = parties.filter((party) => RECORD_UPLOADS_BY_PARTY[party].includes(purpose))
  if (allowed.length === 0) {
    const purposes = [...new Set(parties.flatMap((party) => RECORD_UPLOADS_BY_PARTY[party]))]
    return { status: 403, path: 'purpose', message: `purpose: you may upload ${list(purposes)} files to this ${noun}, not ${purpose}.` }
  }
  if ((RECORD_CLOSED[record] as readonly string[]).includes(status)) return { status: 409, path: record, message: `${record}: the ${noun} is ${status}; only staff add files to it now.` }
  // The writer's work goes in while he works on it; a client's brief at any open status.
  if (!allowed.includes('client') && !(RECORD_WORKING[record] as readonly string[]).includes(status)) {
    return { status: 409, path: record, message: `${record}: the ${noun} is ${status}; its writer adds work while it is ${list(RECORD_WORKING[record])}.` }
  }
  return null
}
