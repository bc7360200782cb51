'use client'
import type { DefaultCellComponentProps, SelectFieldClient } from 'payload'

import type { StatusTone } from '@/domain/statusTone'

/** Payload's theme colours per tone (they follow the light and dark themes). */
const TONE_STYLE: Record<StatusTone, { background: string; color: string }> = {
  neutral: { background: 'var(--theme-elevation-100)', color: 'var(--theme-elevation-800)' },
  info: { background: 'var(--theme-elevation-800)', color: 'var(--theme-elevation-0)' },
  success: { background: 'var(--theme-success-100)', color: 'var(--theme-success-800)' },
  warning: { background: 'var(--theme-warning-100)', color: 'var(--theme-warning-800)' },
  danger: { background: 'var(--theme-error-100)', color: 'var(--theme-error-800)' },
}

const labelOf = (field: SelectFieldClient, value: string): string => {
  const option = field.options?.find((o) => (typeof o === 'string' ? o : o.value) === value)
  const label = option && typeof option === 'object' ? option.label : null
  return typeof label === 'string' ? label : value.replace(/_/g, ' ')
}

/** A status column: the status as a pill coloured by its tone (`tones` comes from statusField). */
export const StatusCell = ({ cellData, field, tones }: DefaultCellComponentProps<SelectFieldClient> & { tones?: Record<string, StatusTone> }) => {
  if (typeof cellData !== 'string' || !cellData) return null
  const tone = tones?.[cellData] ?? 'neutral'
  return (
    <span
      className={`status-pill status-pill--${tone}`}
      data-status={cellData}
      data-tone={tone}
      style={{ ...TONE_STYLE[tone], borderRadius: '999px', display: 'inline-block', fontSize: '0.85em', lineHeight: 1.6, padding: '0 0.6em', whiteSpace: 'nowrap' }}
    >
      {labelOf(field, cellData)}
    </span>
  )
}
