/**
 * Browser journeys through issue 15's records in the admin: support escalates a client's
 * ticket from its action panel, an admin cancels a draft mail campaign from its panel and
 * reads both actions in the audit trail, and the new lists (reviews, notifications,
 * notification templates, suppressions) load for the website's admin. Set-up over REST
 * on the demo website Alpha; screenshots in test-results/people-*.png.
 */
import type { Page } from 'playwright-core'

import { pressInPanel } from './panel'
import { adminPage, type Check, restClient, type RestClient, screenshot } from './support'

const ALPHA = 'alpha'
const tokens = new Map<string, Promise<string>>()
const tokenOf = (rest: RestClient, local: string) => {
  if (!tokens.has(local)) tokens.set(local, rest.login(`${local}@alpha.test`, ALPHA))
  return tokens.get(local)!
}

const listLoads = async (page: Page, base: string, slug: string, expected: string | null, query = '') => {
  await page.goto(`${base}/admin/collections/${slug}${query}`)
  await page.locator('.collection-list, .list-view, [class*="collection-list"]').first().waitFor({ timeout: 60_000 })
  if (expected) await page.getByText(expected, { exact: true }).first().waitFor({ timeout: 30_000 })
  if ((await page.getByText(/unauthorized|not allowed/i).count()) > 0) throw new Error(`refused the ${slug} list`)
  await screenshot(page, `people-list-${slug}`)
}

export const peopleChecks: Check[] = [
  {
    name: 'support escalates a client’s ticket from its action panel; the client reads it escalated',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const subject = `E2E: the download link fails ${Date.now().toString(36)}`
      const ticket = (await rest.must(201, 'POST', '/api/tickets', { website: ALPHA, token: await tokenOf(rest, 'client'), body: { subject, description: 'The file of my order will not open.', priority: 'high' } })).doc
      if (!/^TCK-\d{6}$/.test(ticket.number)) throw new Error(`the ticket's number is ${ticket.number}`)
      const page = await adminPage(browser, base, 'support@alpha.test')
      await pressInPanel(page, `${base}/admin/collections/tickets/${ticket.id}`, 'escalate', 'escalated', { reason: 'E2E: needs the storage team', shots: 'people' })
      await page.locator('#field-status').getByText('escalated', { exact: true }).first().waitFor({ timeout: 30_000 })
      await screenshot(page, 'people-ticket-escalated')
      // Support works tickets and reviews in its People group.
      await page.goto(`${base}/admin`)
      for (const label of ['Tickets', 'Reviews']) await page.getByRole('link', { name: label, exact: true }).first().waitFor({ timeout: 30_000 })
      await page.close()
      const mine = await rest.must(200, 'GET', `/api/tickets/${ticket.id}?depth=0`, { website: ALPHA, token: await tokenOf(rest, 'client') })
      if (mine.status !== 'escalated') throw new Error(`the client reads the ticket ${mine.status}`)
      const unread = await rest.must(200, 'GET', '/api/notifications/unread-count', { website: ALPHA, token: await tokenOf(rest, 'client') })
      if (typeof unread.unread !== 'number' || unread.unread < 1) throw new Error(`unread-count answered ${JSON.stringify(unread)}`)
    },
  },
  {
    name: 'an admin cancels a draft mail campaign from its panel, and reads the action in the audit trail',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const name = `E2E autumn ${Date.now().toString(36)}`
      const campaign = (await rest.must(201, 'POST', '/api/email-campaigns', { website: ALPHA, token: await tokenOf(rest, 'admin'), body: { name, subject: 'Autumn offers', audience: { roles: ['client'] } } })).doc
      if (campaign.status !== 'draft') throw new Error(`a new campaign is ${campaign.status}`)
      const page = await adminPage(browser, base, 'admin@alpha.test')
      await pressInPanel(page, `${base}/admin/collections/email-campaigns/${campaign.id}`, 'cancel', 'cancelled', { shots: 'people' })
      await page.locator('#field-status').getByText('cancelled', { exact: true }).first().waitFor({ timeout: 30_000 })
      await screenshot(page, 'people-campaign-cancelled')
      const trail = await rest.must(200, 'GET', `/api/audit-events?where[targetCollection][equals]=email-campaigns&where[targetId][equals]=${campaign.id}&depth=0&sort=-id`, { website: ALPHA, token: await tokenOf(rest, 'admin') })
      const actions = trail.docs.map((row: { action: string }) => row.action)
      if (!actions.includes('cancel') || !actions.includes('create')) throw new Error(`the trail of the campaign holds ${actions.join(', ')}`)
      // The admin's read-only trail, filtered to the campaign as an admin would.
      await listLoads(page, base, 'audit-events', 'cancel', `?where[targetCollection][equals]=email-campaigns&where[targetId][equals]=${campaign.id}`)
      await page.close()
    },
  },
  {
    name: 'the admin lists reviews, notifications, notification templates and suppressed addresses of its website',
    run: async ({ browser, base }) => {
      const page = await adminPage(browser, base, 'admin@alpha.test')
      for (const slug of ['reviews', 'notifications', 'notification-templates', 'email-suppressions', 'tickets']) await listLoads(page, base, slug, null)
      await page.close()
    },
  },
]
