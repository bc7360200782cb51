import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { formatMoney } from '@/domain/moneyFormat'
import { env } from '@/env'
import type { Invoice, Receipt } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

import { type DocumentLine, type PrintedDocument, renderPdf } from './renderPdf'

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '-')

/**
 * The website's logo as PNG or JPEG bytes when its file is on local disk (uploads without
 * S3); null otherwise (other formats, S3 storage, a missing file): the document is then
 * branded by name and colour only.
 */
const logoOf = async (req: PayloadRequest, mediaId: number | null): Promise<NonNullable<PrintedDocument['brand']['logo']> | null> => {
  if (!mediaId || env().S3_BUCKET) return null
  const media = await req.payload.findByID({ collection: 'media', id: mediaId, depth: 0, ...asSystem(proofOf(req)), req, disableErrors: true })
  const type = media?.mimeType === 'image/png' ? 'png' : media?.mimeType === 'image/jpeg' ? 'jpg' : null
  const dir = req.payload.collections.media.config.upload.staticDir
  if (!media?.filename || !type || !dir) return null
  try {
    return { bytes: await readFile(path.join(dir, media.filename)), type }
  } catch {
    return null
  }
}

const brandOf = async (req: PayloadRequest, tenantId: number): Promise<PrintedDocument['brand']> => {
  const tenant = await req.payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proofOf(req)), req, select: { name: true, branding: true } })
  const b = tenant.branding
  return { name: b?.brandName || tenant.name, color: b?.primaryColor || '#1f4e79', supportEmail: b?.supportEmail ?? null, logo: await logoOf(req, idOf(b?.logo as number | { id: number } | null | undefined)) }
}

/** ` (CODE)` of the snapshot's code, or of its origin for an automatic discount. */
const discountLabel = (snapshot: unknown): string => {
  const { code, origin } = (snapshot ?? {}) as { code?: string | null; origin?: string }
  return code ? ` (${code})` : origin ? ` (${origin.replace(/_/g, ' ')})` : ''
}

/** The invoice as a branded PDF: number, dates, lines, subtotal and discount when it has one, total, paid and still due, installments. */
export const invoicePdf = async (req: PayloadRequest, invoice: Invoice): Promise<Uint8Array> => {
  const { docs: installments } = await req.payload.find({ collection: 'installments', where: { invoice: { equals: invoice.id } }, sort: 'sequence', depth: 0, limit: 0, pagination: false, ...asSystem(proofOf(req)), req })
  // A waived installment's rest is taken off as a discount (waiveInstallment): the line says so.
  const waived = installments.some((i) => i.status === 'waived')
  return renderPdf({
    brand: await brandOf(req, idOf(invoice.tenant)!),
    title: 'Invoice',
    number: invoice.number,
    currency: invoice.currency,
    facts: [
      ['Status', invoice.status.replace('_', ' ')],
      ['Issued', day(invoice.issuedAt)],
      ['Due', day(invoice.dueAt)],
      ...installments.map((i): [string, string] => [`Installment ${i.sequence}`, `${day(i.dueAt)}  ${formatMoney(i.amount, invoice.currency)}  ${i.status}`]),
    ],
    lines: invoice.lines,
    totals: [
      ...(invoice.discount ? ([['Subtotal', invoice.subtotal ?? invoice.total], [`${waived ? 'Discount and waived installments' : 'Discount'}${discountLabel(invoice.discountSnapshot)}`, -invoice.discount]] as [string, number][]) : []),
      ['Total', invoice.total],
      ['Paid', invoice.amountPaid],
      ['Due', invoice.total - invoice.amountPaid],
    ],
  })
}

/** The receipt as a branded PDF: number, date, what was paid for (its snapshot), amount. */
export const receiptPdf = async (req: PayloadRequest, receipt: Receipt): Promise<Uint8Array> => {
  const paidFor = (receipt.paidFor ?? {}) as { purpose?: string; reference?: string; lines?: DocumentLine[]; invoice?: { number: string }; order?: { number: string } }
  const voids = idOf(receipt.voids)
  const voided = voids ? await req.payload.findByID({ collection: 'receipts', id: voids, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } }) : null
  return renderPdf({
    brand: await brandOf(req, idOf(receipt.tenant)!),
    title: receipt.kind === 'void' ? 'Void of receipt' : 'Receipt',
    number: receipt.number,
    currency: receipt.currency,
    facts: [
      ['Date', day(receipt.issuedAt)],
      ['Paid for', paidFor.invoice ? `Invoice ${paidFor.invoice.number}` : paidFor.order ? `Order ${paidFor.order.number}` : (paidFor.purpose ?? '').replace(/_/g, ' ')],
      ['Payment', paidFor.reference ?? '-'],
      ...(voided ? [['Voids', voided.number] as [string, string]] : []),
    ],
    lines: paidFor.lines ?? [],
    totals: [[receipt.kind === 'void' ? 'Voided' : 'Paid', receipt.amount]],
    note: receipt.reason ? `Reason: ${receipt.reason}` : undefined,
  })
}
