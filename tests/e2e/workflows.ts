/**
 * Browser journeys through the workflow action panel (issue 11): staff move orders from
 * the admin's edit view alone. Each check seeds the orders it needs over REST on the demo
 * websites (placed by the demo client, moved on by the demo staff), never by changing the
 * demo seed, then drives the panel in Chromium; screenshots in test-results/workflow-*.png.
 */
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { ESSAY } from '../helpers/orderWorkflow'

import { adminPage, type Check, eventually, restClient, type RestClient, results, screenshot } from './support'

type Website = 'alpha' | 'beta'
const email = (local: string, website: Website) => `${local}@${website}.test`

/** Tokens of the demo people, logged in once per run (logins are rate limited per address). */
const sessions = new Map<string, Promise<string>>()
const tokenOf = (rest: RestClient, local: string, website: Website) => {
  const key = email(local, website)
  // Clients and writers log in on their own website; staff may use the platform host too.
  if (!sessions.has(key)) sessions.set(key, rest.login(key, website))
  return sessions.get(key)!
}

const placeOrder = async (rest: RestClient, website: Website): Promise<{ id: number; total: number }> => {
  const body = await rest.must(201, 'POST', '/api/orders', { website, token: await tokenOf(rest, 'client', website), body: { ...ESSAY, deadlineHours: 24 * 10 } })
  return body.doc
}

const act = async (rest: RestClient, website: Website, who: string, orderId: number, action: string, body: Record<string, unknown> = {}) =>
  (await rest.must(200, 'POST', `/api/orders/${orderId}/actions/${action}`, { website, token: await tokenOf(rest, who, website), body, headers: { 'idempotency-key': `e2e-${orderId}-${action}` } })).doc

const userId = async (rest: RestClient, website: Website, local: string): Promise<number> => {
  const body = await rest.must(200, 'GET', `/api/users?where[email][equals]=${encodeURIComponent(email(local, website))}&depth=0`, { website, token: await tokenOf(rest, 'admin', website) })
  if (!body.docs?.[0]) throw new Error(`no user ${email(local, website)}`)
  return body.docs[0].id
}

const orderOf = async (rest: RestClient, website: Website, id: number) => rest.must(200, 'GET', `/api/orders/${id}?depth=0`, { website, token: await tokenOf(rest, 'admin', website) })

/** The action panel of the page (other parts of the order view, such as its timeline, carry `data-action` too). */
const panel = (page: Page) => page.getByTestId('action-panel')
const button = (page: Page, action: string) => panel(page).locator(`[data-action="${action}"]`)
const submit = (page: Page, action: string) => panel(page).locator(`[data-action-submit="${action}"]`)

/** A picture of the panel alone, legible where the whole page is not. */
const panelShot = (page: Page, name: string) => panel(page).screenshot({ path: path.join(results, `${name}.png`) })

/** The order's edit view, once its action panel has drawn its actions. */
const openOrder = async (page: Page, base: string, id: number, firstAction: string) => {
  await page.goto(`${base}/admin/collections/orders/${id}`)
  await button(page, firstAction).waitFor({ timeout: 60_000 })
}

/** A fresh Alpha order, paid over REST, open in its edit view for Alpha's admin. */
const paidAlphaOrder = async (browser: Browser, base: string, firstAction: string) => {
  const rest = restClient(base)
  const order = await placeOrder(rest, 'alpha')
  await act(rest, 'alpha', 'admin', order.id, 'markPaid')
  const page = await adminPage(browser, base, email('admin', 'alpha'))
  await openOrder(page, base, order.id, firstAction)
  return { rest, order, page }
}

/** Waits for the panel's answer; fails with the panel's own message when it is an error. */
const panelAnswer = async (page: Page, statuses: string[]) => {
  const answer = panel(page).locator('[role="status"][data-answer]')
  await answer.waitFor({ timeout: 30_000 })
  const status = await answer.getAttribute('data-status')
  if (!status || !statuses.includes(status)) throw new Error(`the panel answered "${await answer.innerText()}" (status ${status}), expected ${statuses.join(' or ')}`)
  return status
}

/** The document's own status field shows `status` once the form is refreshed. */
const statusFieldShows = (page: Page, status: string) => page.locator('#field-status').getByText(status, { exact: true }).first().waitFor({ timeout: 30_000 })

export const workflowChecks: Check[] = [
  {
    name: 'an admin opens an unpaid order, presses markPaid, sees the new status and the new timeline event',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const order = await placeOrder(rest, 'alpha')
      const page = await adminPage(browser, base, email('admin', 'alpha'))
      await openOrder(page, base, order.id, 'markPaid')
      await screenshot(page, 'workflow-unpaid-order')
      await button(page, 'markPaid').click()
      await panelAnswer(page, ['ready_for_staffing'])
      await statusFieldShows(page, 'ready_for_staffing')
      // The list is drawn anew for the new status: markPaid is gone, staffing actions came.
      await button(page, 'assign').waitFor({ timeout: 30_000 })
      if ((await button(page, 'markPaid').count()) > 0) throw new Error('markPaid is still offered after the order was paid')
      const events = await eventually('an order-events row for markPaid', async () => {
        const body = await rest.must(200, 'GET', `/api/order-events?where[order][equals]=${order.id}&where[action][equals]=markPaid&depth=0`, { token: await tokenOf(rest, 'admin', 'alpha') })
        return body.totalDocs > 0 ? body.docs : null
      })
      if (events[0].to !== 'ready_for_staffing') throw new Error(`the event leads to ${events[0].to}`)
      await screenshot(page, 'workflow-marked-paid')
      await page.close()
    },
  },
  {
    name: "an admin assigns a writer through the panel's form",
    run: async ({ browser, base }) => {
      const { rest, order, page } = await paidAlphaOrder(browser, base, 'assign')
      const writer = await userId(rest, 'alpha', 'writer')
      await button(page, 'assign').click()
      const input = page.locator('#action-panel-form-assign-writer')
      await input.waitFor()
      // The writer suggestions fill a select; without them the panel asks for the id.
      if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(String(writer))
      else await input.fill(String(writer))
      await panelShot(page, 'workflow-assign-form')
      await submit(page, 'assign').click()
      await panelAnswer(page, ['in_progress'])
      await statusFieldShows(page, 'in_progress')
      const saved = await orderOf(rest, 'alpha', order.id)
      if (saved.writer !== writer) throw new Error(`the order's writer is ${saved.writer}, expected ${writer}`)
      await screenshot(page, 'workflow-assigned')
      await page.close()
    },
  },
  {
    name: 'the panel shows a refused input in place, naming the field',
    run: async ({ browser, base }) => {
      const { rest, order, page } = await paidAlphaOrder(browser, base, 'cancel')
      // Cancelling needs a reason: an empty one is refused with the field named beside it.
      await button(page, 'cancel').click()
      await submit(page, 'cancel').click()
      await panel(page).locator('[role="status"][data-answer="error"]').waitFor({ timeout: 30_000 })
      await page.locator('#action-panel-form-cancel-reason-error').waitFor({ timeout: 5_000 })
      await panelShot(page, 'workflow-refused-input')
      if ((await orderOf(rest, 'alpha', order.id)).status !== 'ready_for_staffing') throw new Error('a refused cancel changed the order')
      await page.close()
    },
  },
  {
    name: 'an editor opens an order in qa_review and approves it from the panel',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      // Beta's review policy sends a new writer's work to QA (and skips editing), so the
      // submission lands in qa_review; Alpha's defaults stay as the other checks expect.
      const admin = await tokenOf(rest, 'admin', 'beta')
      const beta = (await rest.must(200, 'GET', '/api/tenants?where[slug][equals]=beta&depth=0', { token: admin })).docs[0]
      await rest.must(200, 'PATCH', `/api/tenants/${beta.id}`, { token: admin, body: { settings: { review: { qaEnabled: true, qaForNewWriters: true, editingByDefault: false } } } })
      const order = await placeOrder(rest, 'beta')
      await act(rest, 'beta', 'admin', order.id, 'markPaid')
      await act(rest, 'beta', 'admin', order.id, 'assign', { writer: await userId(rest, 'beta', 'writer') })
      const submitted = await act(rest, 'beta', 'writer', order.id, 'submit')
      if (submitted.status !== 'qa_review') throw new Error(`the submission went to ${submitted.status}, not qa_review`)

      const page = await adminPage(browser, base, email('editor', 'beta'))
      await openOrder(page, base, order.id, 'qaApprove')
      await button(page, 'qaApprove').click()
      await page.locator('#action-panel-form-qaApprove-note').fill('Checked: sources and format are fine.')
      await panelShot(page, 'workflow-qa-review')
      await submit(page, 'qaApprove').click()
      await panelAnswer(page, ['submitted'])
      await statusFieldShows(page, 'submitted')
      await screenshot(page, 'workflow-qa-approved')
      await page.close()
    },
  },
  {
    name: 'an admin refunds part of a paid order from the order view and sees the journal lines',
    run: async ({ browser, base }) => {
      const { rest, order, page } = await paidAlphaOrder(browser, base, 'assign')
      const amount = Math.max(1, Math.floor(order.total / 2))
      // The refund form is the order dossier's; until it is there, the order view's own
      // session sends the request the form sends.
      const answer = await page.evaluate(
        async ({ id, amount }) => {
          const res = await fetch(`/api/orders/${id}/refunds`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-refund-${id}` },
            body: JSON.stringify({ amount, destination: 'wallet', reason: 'Part of the work was not needed.' }),
          })
          return { status: res.status, body: await res.text() }
        },
        { id: order.id, amount },
      )
      if (answer.status !== 201) throw new Error(`the refund answered ${answer.status}: ${answer.body}`)
      const reference = `refund:order:${order.id}:1`
      const entry = (await rest.must(200, 'GET', `/api/journal-entries?where[reference][equals]=${encodeURIComponent(reference)}&depth=0`, { token: await tokenOf(rest, 'admin', 'alpha') })).docs[0]
      if (!entry) throw new Error(`no journal entry ${reference}`)
      const debits = entry.lines.reduce((sum: number, l: { debit: number }) => sum + l.debit, 0)
      const credits = entry.lines.reduce((sum: number, l: { credit: number }) => sum + l.credit, 0)
      if (debits !== amount || credits !== amount) throw new Error(`the refund's journal lines move ${debits}/${credits}, expected ${amount}`)
      await page.goto(`${base}/admin/collections/journal-entries?where[reference][equals]=${encodeURIComponent(reference)}`)
      await page.getByText(reference, { exact: true }).first().waitFor({ timeout: 30_000 })
      await screenshot(page, 'workflow-refund-journal')
      await page.close()
    },
  },
]
