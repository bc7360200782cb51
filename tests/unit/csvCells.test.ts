import { describe, expect, it } from 'vitest'

import { cellOf, minorDigits, moneyCell, textCell } from '@/domain/export/csvCells'

describe('money cells', () => {
  it('take the scale from the currency, not a fixed 100', () => {
    expect(minorDigits('USD')).toBe(2)
    expect(minorDigits('JPY')).toBe(0)
    expect(minorDigits('BHD')).toBe(3)
    expect(moneyCell(12_345, 'USD')).toBe('123.45')
    expect(moneyCell(1_500, 'JPY')).toBe('1500')
    expect(moneyCell(1_234, 'BHD')).toBe('1.234')
    expect(moneyCell(5, 'EUR')).toBe('0.05')
    expect(moneyCell(-250, 'USD')).toBe('-2.50')
  })

  it('write no grouping, so a spreadsheet reads a number', () => {
    expect(moneyCell(123_456_789, 'USD')).toBe('1234567.89')
  })

  it('are the row’s currency; without one the plain number stays', () => {
    expect(cellOf({ name: 'total', kind: 'money' }, 1_500, 'JPY')).toBe('1500')
    expect(cellOf({ name: 'total', kind: 'money' }, 1_500, null)).toBe('1500')
  })
})

describe('other cells', () => {
  it('relationships are ids (polymorphic ones with their collection)', () => {
    const column = { name: 'order', kind: 'relationship' } as const
    expect(cellOf(column, 7, null)).toBe('7')
    expect(cellOf(column, { id: 7, topic: 'x' }, null)).toBe('7')
    expect(cellOf(column, [1, { id: 2 }], null)).toBe('1 2')
    expect(cellOf(column, { relationTo: 'orders', value: 3 }, null)).toBe('orders:3')
  })

  it('empty for nothing, JSON for structures, text never a formula', () => {
    expect(cellOf({ name: 'x', kind: 'plain' }, null, null)).toBe('')
    expect(cellOf({ name: 'x', kind: 'plain' }, false, null)).toBe('false')
    expect(cellOf({ name: 'x', kind: 'structured' }, { a: 1 }, null)).toBe('{"a":1}')
    expect(textCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")')
    expect(textCell('-1+2')).toBe("'-1+2")
    expect(textCell('plain')).toBe('plain')
  })
})
