'use client'

import type { ReactNode } from 'react'

import { formatMoney } from '@/domain/moneyFormat'

import type { Dossier, JournalEntry, JournalLine, Person } from './dossierTypes'
import { cell, muted, panel, table } from './styles'

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '')
const who = (person: Person) => (person && typeof person === 'object' ? (person.name ?? person.email ?? `#${person.id}`) : person ? `#${person}` : 'platform')

/** A titled part of the dossier; says how many rows there are when it shows fewer. */
export const Section = ({ title, shown, total, children, after }: { title: string; shown: number; total: number; children: ReactNode; after?: ReactNode }) => (
  <section style={panel}>
    <h3 style={{ margin: '0 0 8px' }}>
      {title} <span style={muted}>{total > shown ? `(latest ${shown} of ${total})` : `(${total})`}</span>
    </h3>
    {total === 0 ? <p style={muted}>None that you can see.</p> : children}
    {after}
  </section>
)

type Column<T> = { label: string; cell: (row: T) => ReactNode }

/** One table of a section: a row per item, `data-*` attributes for tests and tools. */
const Rows = <T,>({ testId, rows, columns, rowKey, attributes }: { testId: string; rows: T[]; columns: Column<T>[]; rowKey: (row: T) => string | number; attributes?: (row: T) => Record<string, string> }) => (
  <table style={table}>
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} style={cell}>
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
    <tbody data-testid={testId}>
      {rows.map((row) => (
        <tr key={rowKey(row)} {...attributes?.(row)}>
          {columns.map((column) => (
            <td key={column.label} style={cell}>
              {column.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
)

const byId = (row: { id: number }) => row.id

export const Timeline = ({ timeline }: Pick<Dossier, 'timeline'>) => (
  <Section title="Timeline" shown={timeline.docs.length} total={timeline.total}>
    <Rows
      testId="order-timeline"
      rows={timeline.docs}
      rowKey={byId}
      attributes={(event) => ({ 'data-action': event.action })}
      columns={[
        { label: 'When', cell: (event) => when(event.createdAt) },
        { label: 'Action', cell: (event) => event.action },
        { label: 'Status', cell: (event) => (event.from === event.to ? event.to : `${event.from} → ${event.to}`) },
        { label: 'By', cell: (event) => who(event.actor) },
        { label: 'Reason', cell: (event) => event.reason ?? '' },
      ]}
    />
  </Section>
)

export const Files = ({ files }: Pick<Dossier, 'files'>) => (
  <Section title="Files" shown={files.docs.length} total={files.total}>
    <Rows
      testId="order-files"
      rows={files.docs}
      rowKey={byId}
      columns={[
        { label: 'File', cell: (file) => (file.url ? <a href={file.url}>{file.filename}</a> : file.filename) },
        { label: 'Purpose', cell: (file) => file.purpose },
        { label: 'By', cell: (file) => who(file.uploadedBy) },
        { label: 'When', cell: (file) => when(file.createdAt) },
        { label: 'Note', cell: (file) => file.note ?? '' },
      ]}
    />
  </Section>
)

const THREAD_TITLES: Record<string, string> = { client_support: 'Client ↔ support', client_writer: 'Client ↔ writer', writer_support: 'Writer ↔ support' }

export const Messages = ({ messages }: Pick<Dossier, 'messages'>) => {
  const shown = Object.values(messages.threads).reduce((n, list) => n + list.length, 0)
  return (
    <Section title="Messages" shown={shown} total={messages.total}>
      <div data-testid="order-messages" style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' }}>
        {Object.entries(messages.threads).map(([thread, list]) => (
          <div key={thread} data-thread={thread}>
            <h4 style={{ margin: '0 0 4px' }}>
              {THREAD_TITLES[thread] ?? thread} <span style={muted}>({list.length})</span>
            </h4>
            {list.map((message) => (
              <p key={message.id} style={{ margin: '0 0 6px' }}>
                <span style={muted}>
                  {who(message.author)} · {when(message.createdAt)}
                  {message.masked ? ' · contact details hidden' : ''}
                </span>
                <br />
                {message.body}
              </p>
            ))}
          </div>
        ))}
      </div>
    </Section>
  )
}

export const Payments = ({ payments }: Pick<Dossier, 'payments'>) => (
  <Section title="Payments" shown={payments.docs.length} total={payments.total}>
    <Rows
      testId="order-payments"
      rows={payments.docs}
      rowKey={byId}
      columns={[
        { label: 'Reference', cell: (payment) => <a href={`/admin/collections/payments/${payment.id}`}>{payment.reference}</a> },
        { label: 'Provider', cell: (payment) => payment.provider },
        { label: 'Status', cell: (payment) => payment.status },
        { label: 'Amount', cell: (payment) => formatMoney(payment.amount, payment.currency) },
        { label: 'Refunded', cell: (payment) => (payment.amountRefunded ? formatMoney(payment.amountRefunded, payment.currency) : '') },
        { label: 'When', cell: (payment) => when(payment.createdAt) },
      ]}
    />
  </Section>
)

export const Refunds = ({ refunds, currency, form }: Pick<Dossier, 'refunds'> & { currency: string; form?: ReactNode }) => (
  <Section title="Refunds" shown={refunds.docs.length} total={refunds.total} after={form}>
    <Rows
      testId="order-refunds"
      rows={refunds.docs}
      rowKey={byId}
      columns={[
        { label: 'Amount', cell: (refund) => formatMoney(refund.amount, currency) },
        { label: 'To', cell: (refund) => refund.destination },
        { label: 'Status', cell: (refund) => refund.status ?? '' },
        { label: 'Reason', cell: (refund) => refund.reason },
        { label: 'By', cell: (refund) => who(refund.createdBy) },
        { label: 'When', cell: (refund) => when(refund.createdAt) },
      ]}
    />
  </Section>
)

type LineRow = { entry: JournalEntry; line: JournalLine; first: boolean; key: string }

export const Journal = ({ journal, currency }: Pick<Dossier, 'journal'> & { currency: string }) => {
  const rows: LineRow[] = journal.docs.flatMap((entry) => entry.lines.map((line, i) => ({ entry, line, first: i === 0, key: `${entry.id}-${line.id ?? i}` })))
  return (
    <Section title="Journal entries" shown={journal.docs.length} total={journal.total}>
      <Rows
        testId="order-journal"
        rows={rows}
        rowKey={(row) => row.key}
        attributes={({ entry }) => ({ 'data-entry': entry.reference, 'data-type': entry.type })}
        columns={[
          { label: 'When', cell: ({ entry, first }) => (first ? when(entry.createdAt) : '') },
          { label: 'Entry', cell: ({ entry, first }) => (first ? <span title={entry.memo ?? undefined}>{`${entry.type} · ${entry.reference}`}</span> : '') },
          { label: 'Account', cell: ({ line }) => (typeof line.account === 'object' ? (line.account.name ?? line.account.code) : `#${line.account}`) },
          { label: 'Debit', cell: ({ line }) => (line.debit ? formatMoney(line.debit, currency) : '') },
          { label: 'Credit', cell: ({ line }) => (line.credit ? formatMoney(line.credit, currency) : '') },
        ]}
      />
    </Section>
  )
}

export const Earnings = ({ earnings, currency }: Pick<Dossier, 'earnings'> & { currency: string }) => (
  <Section title="Writer's earning" shown={earnings.docs.length} total={earnings.total}>
    <Rows
      testId="order-earnings"
      rows={earnings.docs}
      rowKey={byId}
      columns={[
        { label: 'Writer', cell: (earning) => who(earning.writer) },
        { label: 'Kind', cell: (earning) => earning.kind },
        { label: 'Amount', cell: (earning) => formatMoney(earning.amount, currency) },
        { label: 'Status', cell: (earning) => earning.status },
        { label: 'Paid', cell: (earning) => when(earning.paidAt) },
        { label: 'When', cell: (earning) => when(earning.createdAt) },
      ]}
    />
  </Section>
)
