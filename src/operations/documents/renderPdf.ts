import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib'

import { formatMoney } from '@/domain/moneyFormat'

export type DocumentLine = { description: string; quantity: number; unitAmount: number; amount: number }

/** A billing document as printed: the website's brand, a title and number, facts, lines, totals (cents). */
export type PrintedDocument = {
  /** `logo`: PNG or JPEG bytes, drawn at the right of the band when given. */
  brand: { name: string; color: string; supportEmail?: string | null; logo?: { bytes: Uint8Array; type: 'png' | 'jpg' } | null }
  title: string
  number: string
  currency: string
  facts: [string, string][]
  lines: DocumentLine[]
  totals: [string, number][]
  note?: string
}

const hexColor = (hex: string) => {
  const h = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? hex.slice(1) : '1f4e79'
  const full = h.length === 3 ? h.replace(/./g, (c) => c + c) : h
  return rgb(parseInt(full.slice(0, 2), 16) / 255, parseInt(full.slice(2, 4), 16) / 255, parseInt(full.slice(4, 6), 16) / 255)
}

/** Text the standard font cannot draw (outside WinAnsi) becomes "?" rather than failing the document. */
const printable = (font: PDFFont) => {
  const known = new Set(font.getCharacterSet())
  return (text: string) => [...text.replace(/\s+/g, ' ')].map((c) => (known.has(c.codePointAt(0)!) ? c : '?')).join('')
}

/** One A4 page (more when the lines run over) with the website's name on a band of its brand colour. */
export const renderPdf = async (doc: PrintedDocument): Promise<Uint8Array> => {
  const pdf = await PDFDocument.create()
  pdf.setTitle(`${doc.title} ${doc.number}`)
  pdf.setAuthor(doc.brand.name)
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const clean = printable(font)
  const money = (cents: number) => clean(formatMoney(cents, doc.currency))
  const [width, height] = [595.28, 841.89]
  let page = pdf.addPage([width, height])
  let y = height - 110
  const text = (value: string, x: number, size = 10, f = font, right = false) => {
    const s = clean(value)
    page.drawText(s, { x: right ? x - f.widthOfTextAtSize(s, size) : x, y, size, font: f })
  }
  const newPageIfFull = () => {
    if (y > 80) return
    page = pdf.addPage([width, height])
    y = height - 60
  }

  page.drawRectangle({ x: 0, y: height - 70, width, height: 70, color: hexColor(doc.brand.color) })
  page.drawText(clean(doc.brand.name), { x: 40, y: height - 45, size: 20, font: bold, color: rgb(1, 1, 1) })
  if (doc.brand.logo) {
    const image = doc.brand.logo.type === 'png' ? await pdf.embedPng(doc.brand.logo.bytes) : await pdf.embedJpg(doc.brand.logo.bytes)
    const scaled = image.scaleToFit(120, 50)
    page.drawImage(image, { x: width - 40 - scaled.width, y: height - 60, width: scaled.width, height: scaled.height })
  }
  text(`${doc.title} ${doc.number}`, 40, 16, bold)
  y -= 24
  for (const [label, value] of doc.facts) {
    text(label, 40, 10, bold)
    text(value, 160)
    y -= 15
  }
  y -= 15
  text('Description', 40, 10, bold)
  text('Qty', 360, 10, bold, true)
  text('Unit', 450, 10, bold, true)
  text('Amount', 555, 10, bold, true)
  y -= 6
  page.drawLine({ start: { x: 40, y }, end: { x: 555, y }, thickness: 0.5 })
  y -= 14
  for (const line of doc.lines) {
    newPageIfFull()
    text(line.description.slice(0, 60), 40)
    text(String(line.quantity), 360, 10, font, true)
    text(money(line.unitAmount), 450, 10, font, true)
    text(money(line.amount), 555, 10, font, true)
    y -= 15
  }
  y -= 6
  for (const [label, cents] of doc.totals) {
    newPageIfFull()
    text(label, 450, 10, bold, true)
    text(money(cents), 555, 10, bold, true)
    y -= 15
  }
  if (doc.note) {
    y -= 10
    text(doc.note, 40, 9)
  }
  if (doc.brand.supportEmail) {
    y = 40
    text(`Questions? ${doc.brand.supportEmail}`, 40, 8)
  }
  return pdf.save()
}
