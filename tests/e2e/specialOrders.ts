/**
 * Special orders in the browser (issue 17): Alpha's admin quotes a client's inquiry from
 * the action panel, the client accepts the quote over REST, and the acceptance shows on
 * the special order's timeline in the still-open edit view, without a reload, and the
 * view follows (its status, staffing blocked on the unpaid deposit). Then the deposit is
 * paid and the admin refunds part of it from the panel.
 * Screenshots in test-results/special-order-*.png.
 */
import type { Page } from 'playwright-core'

import { runInPanel } from './panel'
import { adminPage, type Check, restClient, screenshot } from './support'

const panel = (page: Page) => page.getByTestId('action-panel')
const timeline = (page: Page) => page.getByTestId('workflow-timeline')

export const specialOrderChecks: Check[] = [
  {
    name: "special orders: an admin sends a quote from the action panel and the client's acceptance shows on the timeline",
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const client = await rest.login('client@alpha.test', 'alpha')
      const inquiry = await rest.must(201, 'POST', '/api/special-orders', { website: 'alpha', token: client, body: { title: 'Dissertation, chapters 1 to 3', description: 'A literature review and the method chapter, APA 7.' } })
      const id: number = inquiry.doc.id

      const page = await adminPage(browser, base, 'admin@alpha.test')
      await page.goto(`${base}/admin/collections/special-orders/${id}`)
      await runInPanel(page, 'sendQuote', { amount: '48000', description: 'Chapters 1 to 3, 12,000 words' }, 'quote_sent', 'special-order-quote-form')
      await timeline(page).locator('[data-event-action="sendQuote"]').waitFor({ timeout: 30_000 })
      await screenshot(page, 'special-order-quote-sent')

      // The client finds the quote and accepts it over REST, as a frontend would.
      const quotes = await rest.must(200, 'GET', `/api/special-order-quotes?where[specialOrder][equals]=${id}&where[status][equals]=sent&depth=0`, { website: 'alpha', token: client })
      if (quotes.docs.length !== 1) throw new Error(`the client sees ${quotes.docs.length} sent quotes`)
      if (quotes.docs[0].total !== 48000) throw new Error(`the quote is for ${quotes.docs[0].total}`)
      await rest.must(200, 'POST', `/api/special-order-quotes/${quotes.docs[0].id}/actions/accept`, { website: 'alpha', token: client, body: {} })

      // The open edit view's timeline picks the acceptance up by itself (it polls), moved to awaiting payment.
      await timeline(page).getByText('Awaiting payment', { exact: false }).first().waitFor({ timeout: 45_000 })
      // The page follows: the form's status, and the panel's actions for the new status (staffing blocked on the deposit).
      await page.locator('#field-status').getByText('awaiting_payment', { exact: true }).first().waitFor({ timeout: 30_000 })
      const blocked = panel(page).locator('[data-blocked-action="assign"]')
      await blocked.waitFor({ timeout: 30_000 })
      if (!/deposit/i.test(await blocked.innerText())) throw new Error(`assign is blocked for another reason: ${await blocked.innerText()}`)
      await screenshot(page, 'special-order-quote-accepted')
      const saved = await rest.must(200, 'GET', `/api/special-orders/${id}?depth=0`, { website: 'alpha', token: await rest.login('admin@alpha.test', 'alpha') })
      if (saved.status !== 'awaiting_payment') throw new Error(`the special order is ${saved.status}`)

      // The client pays the deposit (a manual payment the admin confirms); the admin refunds part of it from the panel.
      const admin = await rest.login('admin@alpha.test', 'alpha')
      const milestones = await rest.must(200, 'GET', `/api/funding-milestones?where[specialOrder][equals]=${id}&sort=sequence&depth=0`, { website: 'alpha', token: client })
      const paid = await rest.must(201, 'POST', '/api/payments/checkout', { website: 'alpha', token: client, body: { purpose: 'special_order_milestone', milestone: milestones.docs[0].id, provider: 'manual' } })
      await rest.must(200, 'POST', `/api/payments/${paid.payment.id}/confirm`, { website: 'alpha', token: admin, body: {} })
      await page.reload()
      await runInPanel(page, 'refund', { amount: '10000', reason: 'The client dropped chapter 3' }, 'ready_for_staffing', 'special-order-refund-form')
      await timeline(page).locator('[data-event-action="refund"]').waitFor({ timeout: 30_000 })
      await screenshot(page, 'special-order-refunded')
      const refunds = await rest.must(200, 'GET', `/api/refunds?where[specialOrder][equals]=${id}&depth=0`, { website: 'alpha', token: client })
      if (refunds.docs.length !== 1 || refunds.docs[0].amount !== 10000) throw new Error(`the client sees refunds ${JSON.stringify(refunds.docs.map((r: { amount: number }) => r.amount))}`)
      await page.close()
    },
  },
]
