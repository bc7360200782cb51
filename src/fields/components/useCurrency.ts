'use client'
import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { formatMoney } from '@/domain/moneyFormat'

/** One request per website and page load, however many cells ask (the list shows many rows). */
const tenantCurrencies = new Map<string, Promise<string | null>>()

const tenantCurrency = (api: string, tenant: number): Promise<string | null> => {
  const key = `${api}|${tenant}`
  let found = tenantCurrencies.get(key)
  if (!found) {
    found = fetch(`${api}/tenants/${tenant}?depth=0&select[currency]=true`, { credentials: 'include' })
      .then((res) => (res.ok ? (res.json() as Promise<{ currency?: unknown }>) : null))
      .then((doc) => (typeof doc?.currency === 'string' ? doc.currency : null))
      .catch(() => null)
    tenantCurrencies.set(key, found)
  }
  return found
}

const idOf = (value: unknown): number | null => {
  const id = value && typeof value === 'object' && 'id' in value ? value.id : value
  return typeof id === 'number' ? id : null
}

/**
 * The currency an amount is in: the row's own `currency` when it has one, else its
 * website's (the `tenant` it names, read once per page from the API the admin uses).
 */
export const useCurrency = (own: unknown, tenant: unknown): string | null => {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const tenantId = typeof own === 'string' && own ? null : idOf(tenant)
  const [fromTenant, setFromTenant] = useState<string | null>(null)
  useEffect(() => {
    if (tenantId === null) return
    let live = true
    void tenantCurrency(api, tenantId).then((currency) => {
      if (live) setFromTenant(currency)
    })
    return () => {
      live = false
    }
  }, [api, tenantId])
  return typeof own === 'string' && own ? own : fromTenant
}

/** An amount for display: formatted once its currency is known, the plain number until then. */
export const displayMoney = (amount: unknown, currency: string | null): string => {
  if (typeof amount !== 'number') return ''
  if (!currency || !Number.isSafeInteger(amount)) return String(amount)
  try {
    return formatMoney(amount, currency)
  } catch {
    // A code Intl does not know (a bad row) must not break the list.
    return String(amount)
  }
}
