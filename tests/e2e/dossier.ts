/**
 * Browser checks of the order dossier and the money forms (run by tests/e2e/run.ts): an
 * admin sees a paid order's timeline, refunds part of it from the order view and sees
 * the new journal lines; adjusts the client's wallet from its view; an editor sees the
 * timeline but no journal and no refund form. The order is set up over the API.
 */
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { formatMoney } from '../../src/domain/moneyFormat'
import { DEMO_PASSWORD } from '../../src/seed/demoData'
import { projectRoot } from '../helpers/compiledProcess'
import { ESSAY } from '../helpers/orderWorkflow'

type Ctx = { browser: Browser; base: string; port: number }

const shot = (name: string) => path.join(projectRoot, 'test-results', name)

/** A screenshot of the dossier alone, once the fields above it have settled; Payload's sticky document bar kept out of the way. */
const dossierShot = async (page: Page, name: string) => {
  const dossier = page.getByTestId('order-dossier')
  await dossier.scrollIntoViewIfNeeded()
  await page.waitForTimeout(1000)
  await dossier.screenshot({ path: shot(name), style: '.doc-controls, .app-header { visibility: hidden !important; }' })
}

/** Waits until the document's (read-only, formatted) money field shows `value`: the edit view reloaded after a form's answer. */
const fieldShows = (page: Page, name: string, value: string) =>
  page.waitForFunction(([n, v]) => (document.querySelector<HTMLInputElement>(`#field-${n}`)?.value ?? '') === v, [name, value] as const, { timeout: 30_000 })

/** JSON over HTTP on website Alpha (named by X-Tenant: fetch cannot set Host). */
const api = async (base: string, method: string, url: string, token?: string, body?: unknown) => {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { 'x-tenant': 'alpha', 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json()) as Record<string, any>
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`)
  return json
}
const login = async (base: string, who: string) => (await api(base, 'POST', '/api/users/login', undefined, { email: `${who}@alpha.test`, password: DEMO_PASSWORD })).token as string

const openAs = async (browser: Browser, base: string, who: string, url: string): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  await page.goto(`${base}/admin`)
  await page.locator('#field-email').fill(`${who}@alpha.test`)
  await page.locator('#field-password').fill(DEMO_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((u) => !u.pathname.includes('/login'), { timeout: 60_000 })
  await page.goto(`${base}${url}`)
  return page
}

/** A paid order of client@alpha.test, placed and marked paid over the API. */
const paidOrder = async (base: string) => {
  const clientToken = await login(base, 'client')
  const admin = await login(base, 'admin')
  const placed = await api(base, 'POST', '/api/orders', clientToken, { ...ESSAY, deadlineHours: 240 })
  await api(base, 'POST', `/api/orders/${placed.doc.id}/actions/markPaid`, admin, {})
  const client = placed.doc.client as number | { id: number }
  return { id: placed.doc.id as number, total: placed.doc.total as number, client: typeof client === 'number' ? client : client.id, admin }
}

export const dossierChecks = [
  {
    name: 'an admin refunds part of a paid order from its dossier and sees the journal lines; adjusts the wallet from its view; an editor sees no money',
    run: async ({ browser, base }: Ctx) => {
      const order = await paidOrder(base)
      const page = await openAs(browser, base, 'admin', `/admin/collections/orders/${order.id}`)
      await page.locator('[data-testid="order-timeline"] tr[data-action="markPaid"]').waitFor({ timeout: 60_000 })
      const journalRows = page.locator('[data-testid="order-journal"] tr')
      await journalRows.first().waitFor({ timeout: 30_000 })
      const before = await journalRows.count()

      const form = page.locator('[data-testid="refund-form"]')
      await form.locator('[name="amount"]').fill('10.00')
      await form.locator('[name="destination"]').selectOption('wallet')
      await form.locator('[name="reason"]').fill('Late by a day')
      await form.getByRole('button', { name: 'Refund' }).click()
      await page.getByTestId('refund-form-answer').filter({ hasText: "Refunded $10.00 to the client's wallet." }).waitFor({ timeout: 30_000 })
      await page.locator('[data-testid="order-refunds"] tr').first().waitFor({ timeout: 30_000 })
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="order-journal"] tr').length === n + 2, before, { timeout: 30_000 })
      const refundRow = page.locator('[data-testid="order-journal"] tr[data-type="client_wallet_refund"]')
      if ((await refundRow.count()) !== 2) throw new Error('the refund entry does not show its two lines')
      const refunds = await api(base, 'GET', `/api/refunds?where[order][equals]=${order.id}&depth=0`, order.admin)
      if (refunds.docs.length !== 1 || refunds.docs[0].amount !== 1000) throw new Error(`expected one refund of 1000 cents, got ${JSON.stringify(refunds.docs)}`)
      await fieldShows(page, 'amountPaid', formatMoney(order.total - 1000, 'USD'))
      await dossierShot(page, 'order-dossier-admin.png')

      // A bad amount is refused in place, before any request.
      await form.locator('[name="amount"]').fill('1.234')
      await form.getByRole('button', { name: 'Refund' }).click()
      await form.getByText('at most 2 decimals').waitFor({ timeout: 10_000 })
      await page.close()

      const wallets = await api(base, 'GET', `/api/wallets?where[owner][equals]=${order.client}&depth=0`, order.admin)
      const wallet = wallets.docs[0] as { id: number; balance: number }
      const walletPage = await openAs(browser, base, 'admin', `/admin/collections/wallets/${wallet.id}`)
      const adjust = walletPage.locator('[data-testid="wallet-adjustment-form"]')
      await adjust.locator('[name="amount"]').fill('5.5')
      await adjust.locator('[name="direction"]').selectOption('credit')
      await adjust.locator('[name="reason"]').fill('Goodwill')
      await adjust.getByRole('button', { name: 'Adjust' }).click()
      await walletPage.getByTestId('wallet-adjustment-form-answer').filter({ hasText: `Balance now ${formatMoney(wallet.balance + 550, 'USD')}` }).waitFor({ timeout: 30_000 })
      await fieldShows(walletPage, 'balance', formatMoney(wallet.balance + 550, 'USD'))
      await walletPage.screenshot({ path: shot('wallet-adjustment.png') })
      await walletPage.close()

      const editor = await openAs(browser, base, 'editor', `/admin/collections/orders/${order.id}`)
      await editor.locator('[data-testid="order-timeline"] tr[data-action="markPaid"]').waitFor({ timeout: 60_000 })
      if ((await editor.locator('[data-testid="refund-form"]').count()) > 0) throw new Error('an editor was offered the refund form')
      if ((await editor.locator('[data-testid="order-journal"]').count()) > 0) throw new Error('an editor sees journal lines')
      await dossierShot(editor, 'order-dossier-editor.png')
      await editor.close()
    },
  },
]
