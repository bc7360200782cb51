import { inflateSync } from 'node:zlib'

import { expect } from 'vitest'

import type { Api, ApiOptions } from './api'

/**
 * A PDF's streams (inflated when compressed). `pdfText` decodes the hex and literal
 * strings of their text operators: enough to check what a document made by pdf-lib says
 * without a PDF text extractor.
 */
const streams = (bytes: Uint8Array): string[] => {
  const data = Buffer.from(bytes)
  const out: string[] = []
  let at = 0
  for (;;) {
    const start = data.indexOf('stream', at, 'latin1')
    if (start < 0) break
    const bodyStart = data[start + 6] === 0x0d ? start + 8 : start + 7
    const end = data.indexOf('endstream', bodyStart, 'latin1')
    if (end < 0) break
    const body = data.subarray(bodyStart, end)
    try {
      out.push(inflateSync(body).toString('latin1'))
    } catch {
      out.push(body.toString('latin1'))
    }
    at = end + 9
  }
  return out
}

export const pdfText = (bytes: Uint8Array): string =>
  streams(bytes)
    .flatMap((text) => [...text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)].map((m) => (m[1] !== undefined ? Buffer.from(m[1], 'hex').toString('latin1') : m[2]!.replace(/\\(.)/g, '$1'))))
    .join('\n')

/** How many images the PDF holds (their dictionaries may sit in compressed object streams). */
export const pdfImageCount = (bytes: Uint8Array): number =>
  [Buffer.from(bytes).toString('latin1'), ...streams(bytes)].join('\n').match(/\/Subtype\s*\/Image/g)?.length ?? 0

/**
 * GETs a document's PDF as `reader` and expects a real PDF whose text contains every one
 * of `texts`; then expects `outsider` to get the same 404 for it as for a missing id.
 */
export const expectPdf = async (api: Api, collection: 'invoices' | 'receipts', id: number, reader: ApiOptions, texts: string[], outsider: ApiOptions): Promise<Uint8Array> => {
  const res = await api.raw('GET', `/api/${collection}/${id}/pdf`, reader)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  const text = pdfText(bytes)
  for (const expected of texts) expect(text).toContain(expected)
  const missing = await api.get(`/api/${collection}/987654/pdf`, outsider)
  const foreign = await api.get(`/api/${collection}/${id}/pdf`, outsider)
  expect([missing.status, foreign.status]).toEqual([404, 404])
  expect(foreign.body).toEqual(missing.body)
  return bytes
}
