'use client'

import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { Gutter, useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { formatMoney } from '@/domain/moneyFormat'
import { adminListLink } from '@/domain/dashboard/adminLinks'
import { ORDER_COUNTERS, type OrderCounter } from '@/domain/dashboard/orderCounters'
import type { StaffDashboard } from '@/operations/dashboard/staffDashboard'

import { Card, CardRow, when, WorkList } from './Cards'
import { ContentWork } from './ContentWork'
import { MoneyChart } from './MoneyChart'

const COUNTER_LABELS: Record<OrderCounter, string> = { overdue: 'Overdue', unpaid: 'Unpaid', awaitingStaffing: 'Awaiting staffing', inQa: 'In QA' }

/**
 * The admin panel's home: what the caller's roles work on, from GET /api/dashboard
 * (their cookie authenticates it). The website selector's choice is passed as
 * `?tenant=`; the endpoint checks it against the caller's websites.
 */
export const DashboardView = () => {
  const { selectedTenantID } = useTenantSelection()
  const {
    config: { serverURL, routes },
  } = useConfig()
  const tenant = selectedTenantID ? String(selectedTenantID) : ''
  const [state, setState] = useState<{ data?: StaffDashboard; error?: string }>({})

  useEffect(() => {
    let live = true
    setState({})
    fetch(`${serverURL}${routes.api}/dashboard${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`, {
      credentials: 'include',
      // A visit shows what is true now (the staff member's own change of a moment ago); the 15 s answer is for pollers.
      headers: { 'Cache-Control': 'no-cache' },
    })
      .then(async (res) => {
        const body = await res.json()
        if (live) setState(res.ok ? { data: body as StaffDashboard } : { error: body?.errors?.[0]?.message ?? `The dashboard answered ${res.status}.` })
      })
      .catch((error: unknown) => live && setState({ error: error instanceof Error ? error.message : String(error) }))
    return () => {
      live = false
    }
  }, [serverURL, routes.api, tenant])

  const { data, error } = state
  const nameOf = (id: number | null) => data?.websites.find((w) => w.id === id)?.name ?? ''
  return (
    <Gutter>
      <div data-dashboard data-tenant={tenant} data-ready={data ? 'true' : 'false'} style={{ paddingTop: 'var(--base)', paddingBottom: 'calc(var(--base) * 2)' }}>
        <h1>Dashboard</h1>
        <p style={{ color: 'var(--theme-elevation-600)' }}>{data ? data.websites.map((w) => w.name).join(', ') || 'No websites.' : error ? '' : 'Loading…'}</p>
        {error ? <p role="alert">{error}</p> : null}
        {data?.admin ? (
          <>
            <h2>Orders</h2>
            <CardRow>
              {ORDER_COUNTERS.map((name) => (
                <Card key={name} name={name} label={COUNTER_LABELS[name]} count={data.admin!.orders.counters[name].count} link={data.admin!.orders.counters[name].link} />
              ))}
            </CardRow>
            <CardRow>
              {Object.entries(data.admin.orders.byStatus)
                .filter(([, count]) => count > 0)
                .map(([status, count]) => (
                  <Card key={status} name={`status:${status}`} label={status.replaceAll('_', ' ')} count={count} link={adminListLink('orders', [{ field: 'status', operator: 'equals', value: status }, ...(data.tenant ? [{ field: 'tenant', operator: 'in' as const, value: [data.tenant] }] : [])])} />
                ))}
            </CardRow>
            <h2>Money</h2>
            <CardRow>
              <Card
                name="payoutRequests"
                label="Open payout requests"
                count={data.admin.payoutRequests.count}
                link={data.admin.payoutRequests.link}
                note={data.admin.payoutRequests.byWebsite
                  .filter((w) => w.count > 0)
                  .map((w) => formatMoney(w.amount, w.currency))
                  .join(' · ')}
              />
              <Card name="failedOutbox" label="Failed background jobs" count={data.admin.outbox.failed} link={data.admin.outbox.link} />
              <Card
                name="pendingOutbox"
                label="Waiting background jobs"
                count={data.admin.outbox.pending}
                note={data.admin.outbox.oldestPendingSeconds === null ? 'none waiting' : `oldest ${Math.round(data.admin.outbox.oldestPendingSeconds / 60)} min`}
              />
            </CardRow>
            {data.admin.money.map((money) => (
              <MoneyChart key={money.website} money={money} title={nameOf(money.website)} />
            ))}
          </>
        ) : null}
        {data?.editor ? (
          <WorkList
            name="qaQueue"
            title={`QA queue (${data.editor.qaQueue.count})`}
            head={['Order', 'Topic', 'Status', 'Client deadline', 'Website']}
            empty="Nothing waits for QA."
            rows={data.editor.qaQueue.orders.map((o) => ({ key: o.id, link: o.link, cells: [o.number, o.topic, o.status.replaceAll('_', ' '), when(o.clientDeadline), nameOf(o.website)] }))}
          />
        ) : null}
        {data?.support
          ? (['disputes', 'holds'] as const).map((kind) => (
              <WorkList
                key={kind}
                name={kind}
                title={`Open ${kind} (${data.support![kind].count})`}
                head={['Order', 'Status', 'Reason', 'Since', 'Website']}
                empty={`No open ${kind}.`}
                rows={data.support![kind].requests.map((r) => ({
                  key: r.id,
                  link: r.link,
                  cells: ['number' in r.order ? r.order.number : `#${r.order.id}`, r.status, r.reason ?? '—', when(r.createdAt), nameOf(r.website)],
                }))}
              />
            ))
          : null}
        {data?.content ? <ContentWork content={data.content} websiteName={nameOf} /> : null}
      </div>
    </Gutter>
  )
}
