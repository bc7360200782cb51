import type { CSSProperties } from 'react'

/** Inline styles on Payload's theme variables, so the panels follow its light and dark themes. */
export const panel: CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 'var(--base)', marginBottom: 'var(--base)' }
export const table: CSSProperties = { width: '100%', borderCollapse: 'collapse', fontSize: 13 }
export const cell: CSSProperties = { borderBottom: '1px solid var(--theme-elevation-100)', padding: '4px 8px', textAlign: 'left', verticalAlign: 'top' }
export const muted: CSSProperties = { color: 'var(--theme-elevation-500)' }
export const input: CSSProperties = {
  width: '100%',
  padding: '6px 8px',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-text)',
}
export const fieldRow: CSSProperties = { display: 'grid', gap: 4, marginBottom: 8 }
export const error: CSSProperties = { color: 'var(--theme-error-500)' }
export const success: CSSProperties = { color: 'var(--theme-success-500)' }
