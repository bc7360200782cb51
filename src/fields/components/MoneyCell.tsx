'use client'
import type { DefaultCellComponentProps, NumberFieldClient } from 'payload'

import { displayMoney, useCurrency } from './useCurrency'

/** A money column: the amount in its row's currency (or its website's). */
export const MoneyCell = ({ cellData, rowData }: DefaultCellComponentProps<NumberFieldClient>) => {
  const currency = useCurrency(rowData.currency, rowData.tenant)
  return <span className="money-cell">{displayMoney(cellData, currency)}</span>
}
