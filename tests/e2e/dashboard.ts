import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { type Check, logInToAdmin, results } from './support'

const COUNTERS = ['overdue', 'unpaid', 'awaitingStaffing', 'inQa', 'payoutRequests', 'failedOutbox', 'pendingOutbox'] as const

/** A staff member's admin home, wide enough for the navigation, once its figures arrived. */
const homeOf = async (browser: Browser, base: string, email: string) => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  await logInToAdmin(page, base, email)
  const view = page.locator('[data-dashboard][data-ready="true"]')
  await view.waitFor({ timeout: 60_000 })
  return { page, view }
}

/** GET /api/dashboard as the page's user, for the website the view asked about. */
const apiDashboard = (page: Page, tenant: string) =>
  page.evaluate(async (t) => {
    const res = await fetch(`/api/dashboard${t ? `?tenant=${t}` : ''}`, { credentials: 'include' })
    return { status: res.status, body: await res.json() }
  }, tenant)

const navLinkTo = (page: Page, collection: string) => page.locator(`nav a[href$="/admin/collections/${collection}"]`)

export const dashboardChecks: Check[] = [
  {
    name: "an admin's dashboard shows the counters GET /api/dashboard answers, linking to the filtered lists, and the money chart",
    run: async ({ browser, base }) => {
      const { page, view } = await homeOf(browser, base, 'admin@alpha.test')
      const tenant = (await view.getAttribute('data-tenant')) ?? ''
      const api = await apiDashboard(page, tenant)
      if (api.status !== 200) throw new Error(`GET /api/dashboard answered ${api.status}`)
      const want: Record<(typeof COUNTERS)[number], number> = {
        ...Object.fromEntries(Object.entries(api.body.admin.orders.counters as Record<string, { count: number }>).map(([k, v]) => [k, v.count])),
        payoutRequests: api.body.admin.payoutRequests.count,
        failedOutbox: api.body.admin.outbox.failed,
        pendingOutbox: api.body.admin.outbox.pending,
      } as never
      for (const name of COUNTERS) {
        const shown = Number(await view.locator(`[data-counter="${name}"] [data-count]`).innerText())
        if (shown !== want[name]) throw new Error(`${name}: the dashboard shows ${shown}, the API answers ${want[name]}`)
      }
      const inQa = await view.locator('[data-counter="inQa"]').getAttribute('href')
      if (!inQa?.startsWith('/admin/collections/orders?where[status][in][0]=qa_review')) throw new Error(`the In QA card links to ${inQa}`)
      await view.locator('[data-money-chart] svg.recharts-surface').first().waitFor({ timeout: 30_000 })
      await page.screenshot({ path: path.join(results, 'dashboard-admin.png'), fullPage: true })
      await page.goto(`${base}${inQa}`)
      await page.locator('.collection-list').first().waitFor({ timeout: 30_000 })
      await page.screenshot({ path: path.join(results, 'dashboard-admin-in-qa-list.png'), fullPage: true })
      await page.close()
    },
  },
  {
    name: 'a support user sees no Money group in the navigation, and their open disputes and holds',
    run: async ({ browser, base }) => {
      const { page, view } = await homeOf(browser, base, 'support@alpha.test')
      await navLinkTo(page, 'orders').first().waitFor({ timeout: 30_000 })
      for (const collection of ['payments', 'wallets', 'journal-entries', 'payout-requests']) {
        if ((await navLinkTo(page, collection).count()) > 0) throw new Error(`support sees ${collection} in the navigation`)
      }
      if ((await page.locator('nav').getByText('Money', { exact: true }).count()) > 0) throw new Error('support sees a Money group')
      await view.locator('[data-worklist="disputes"]').waitFor({ timeout: 10_000 })
      await view.locator('[data-worklist="holds"]').waitFor({ timeout: 10_000 })
      if ((await view.locator('[data-counter]').count()) > 0) throw new Error("support sees the admin's counters")
      await page.screenshot({ path: path.join(results, 'dashboard-support.png'), fullPage: true })
      await page.close()
    },
  },
  {
    name: 'an editor sees the QA queue and the Orders group, not money or people',
    run: async ({ browser, base }) => {
      const { page, view } = await homeOf(browser, base, 'editor@alpha.test')
      await view.locator('[data-worklist="qaQueue"]').waitFor({ timeout: 10_000 })
      await navLinkTo(page, 'orders').first().waitFor({ timeout: 30_000 })
      for (const collection of ['payments', 'users']) {
        if ((await navLinkTo(page, collection).count()) > 0) throw new Error(`an editor sees ${collection} in the navigation`)
      }
      await page.screenshot({ path: path.join(results, 'dashboard-editor.png'), fullPage: true })
      await page.close()
    },
  },
]
