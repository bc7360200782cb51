'use client'

import type { ReactNode } from 'react'

const cardStyle = {
  display: 'block',
  padding: 'calc(var(--base) * 0.75)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m, 4px)',
  background: 'var(--theme-elevation-50)',
  textDecoration: 'none',
  color: 'inherit',
} as const

/** A moment as the reader's browser shows it; a dash for none. */
export const when = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : '—')

/** A figure as a card: its label, its number, and the list it stands for when there is one. */
export const Card = ({ name, label, count, link, note }: { name: string; label: string; count: number; link?: string | null; note?: ReactNode }) => {
  const body = (
    <>
      <div style={{ color: 'var(--theme-elevation-600)' }}>{label}</div>
      <div data-count style={{ fontSize: '2rem', fontWeight: 600 }}>
        {count}
      </div>
      {note ? <div style={{ color: 'var(--theme-elevation-600)' }}>{note}</div> : null}
    </>
  )
  return link ? (
    <a data-counter={name} href={link} style={cardStyle}>
      {body}
    </a>
  ) : (
    <div data-counter={name} style={cardStyle}>
      {body}
    </div>
  )
}

export const CardRow = ({ children }: { children: ReactNode }) => (
  <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 'calc(var(--base) * 0.75)', marginBottom: 'var(--base)' }}>{children}</div>
)

/** A short work list: one row per item, its first cell linking to the item. */
export const WorkList = ({ name, title, head, rows, empty }: { name: string; title: string; head: string[]; rows: { key: number | string; link: string; cells: ReactNode[] }[]; empty: string }) => (
  <section data-worklist={name} style={{ marginBottom: 'var(--base)' }}>
    <h3>{title}</h3>
    {rows.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <table className="table" style={{ width: '100%' }}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} style={{ textAlign: 'left' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              {row.cells.map((cell, i) => (
                <td key={i}>{i === 0 ? <a href={row.link}>{cell}</a> : cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
)
