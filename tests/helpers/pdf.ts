import { inflateSync } from 'node:zlib'

import { expect } from 'vitest'

import type { Api, ApiOptions } from './api'

/**
 * The text drawn in a PDF made by pdf-lib: its content streams (inflated when
 * compressed), with the hex and literal strings of the text operators decoded. Enough to
 * check what a generated document says without a PDF text extractor.
 */
export const pdfText = (bytes: Uint8Array): string => {
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
    let text: string
    try {
      text = inflateSync(body).toString('latin1')
    } catch {
      text = body.toString('latin1')
    }
    for (const m of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      out.push(m[1] !== undefined ? Buffer.from(m[1], 'hex').toString('latin1') : m[2]!.replace(/\\(.)/g, '$1'))
    }
    at = end + 9
  }
  return out.join('\n')
}

/**
 * GETs a document's PDF as `reader` and expects a real PDF whose text contains every one
 * of `texts`; then expects `outsider` to get the same 404 for it as for a missing id.
 */
export const expectPdf = async (api: Api, collection: 'invoices' | 'receipts', id: number, reader: ApiOptions, texts: string[], outsider: ApiOptions) => {
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
}
