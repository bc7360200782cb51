/**
 * Browser journeys through issue 14's records in the admin: a fine waived by support, a
 * discount campaign opened by an admin, a discipline record lifted, and the lists of
 * referrals and redemptions. Set-up over REST on the demo website Alpha, never by changing
 * the demo seed; screenshots in test-results/incentives-*.png.
 */

import { pressInPanel } from './panel'
import { adminPage, type Check, restClient, type RestClient, screenshot } from './support'

const ALPHA = 'alpha'
const tokens = new Map<string, Promise<string>>()
const tokenOf = (rest: RestClient, local: string) => {
  if (!tokens.has(local)) tokens.set(local, rest.login(`${local}@alpha.test`, ALPHA))
  return tokens.get(local)!
}

const writerId = async (rest: RestClient): Promise<number> => {
  const body = await rest.must(200, 'GET', `/api/users?where[email][equals]=${encodeURIComponent('writer@alpha.test')}&depth=0`, { website: ALPHA, token: await tokenOf(rest, 'admin') })
  return body.docs[0].id
}

export const incentiveChecks: Check[] = [
  {
    name: 'support waives a fine from its action panel; the writer’s fine shows waived',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const fine = (await rest.must(201, 'POST', '/api/fines', { website: ALPHA, token: await tokenOf(rest, 'admin'), body: { writer: await writerId(rest), type: 'quality_issue', amount: 1500, reason: 'E2E: sources missing' } })).doc
      const page = await adminPage(browser, base, 'support@alpha.test')
      await pressInPanel(page, `${base}/admin/collections/fines/${fine.id}`, 'waive', 'waived', { reason: 'E2E: the client withdrew the complaint', shots: 'incentives' })
      await page.locator('#field-status').getByText('waived', { exact: true }).first().waitFor({ timeout: 30_000 })
      await screenshot(page, 'incentives-fine-waived')
      const after = await rest.must(200, 'GET', `/api/fines/${fine.id}?depth=0`, { website: ALPHA, token: await tokenOf(rest, 'admin') })
      if (after.status !== 'waived') throw new Error(`the fine is ${after.status}`)
      // Fines and referrals are support's work too (appeals, held rewards): in its People group, beside no money.
      await page.goto(`${base}/admin`)
      for (const label of ['Fines', 'Referrals']) await page.getByRole('link', { name: label, exact: true }).first().waitFor({ timeout: 30_000 })
      if ((await page.getByRole('link', { name: 'Payments', exact: true }).count()) > 0) throw new Error('support sees the Money group')
      await page.close()
    },
  },
  {
    name: 'an admin opens a scheduled discount campaign from its action panel',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const slug = `e2e-${Date.now().toString(36)}`
      const campaign = (await rest.must(201, 'POST', '/api/discount-campaigns', { website: ALPHA, token: await tokenOf(rest, 'admin'), body: { name: 'E2E spring', slug, startsAt: new Date(Date.now() + 86_400_000).toISOString(), budget: 10_000 } })).doc
      if (campaign.status !== 'scheduled') throw new Error(`a campaign starting tomorrow is ${campaign.status}`)
      const page = await adminPage(browser, base, 'admin@alpha.test')
      await pressInPanel(page, `${base}/admin/collections/discount-campaigns/${campaign.id}`, 'open', 'active', { shots: 'incentives' })
      await page.locator('#field-status').getByText('active', { exact: true }).first().waitFor({ timeout: 30_000 })
      await screenshot(page, 'incentives-campaign-opened')
      await page.close()
    },
  },
  {
    name: 'an admin lifts a discipline record from its action panel',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const record = (await rest.must(201, 'POST', '/api/discipline-records', { website: ALPHA, token: await tokenOf(rest, 'admin'), body: { writer: await writerId(rest), kind: 'warning', reason: 'E2E: late twice this month' } })).doc
      const page = await adminPage(browser, base, 'admin@alpha.test')
      await pressInPanel(page, `${base}/admin/collections/discipline-records/${record.id}`, 'lift', 'lifted', { reason: 'E2E: explained and accepted', shots: 'incentives' })
      await page.locator('#field-status').getByText('lifted', { exact: true }).first().waitFor({ timeout: 30_000 })
      await screenshot(page, 'incentives-discipline-lifted')
      await page.close()
    },
  },
  {
    name: 'the admin lists referrals, loyalty redemptions, discounts and fine types of its website',
    run: async ({ browser, base }) => {
      const page = await adminPage(browser, base, 'admin@alpha.test')
      for (const [slug, expected] of [['discounts', 'WELCOME10'], ['referrals', null], ['loyalty-redemptions', null], ['fine-types', null]] as const) {
        await page.goto(`${base}/admin/collections/${slug}`)
        await page.locator('.collection-list, .list-view, [class*="collection-list"]').first().waitFor({ timeout: 60_000 })
        if (expected) await page.getByText(expected).first().waitFor({ timeout: 30_000 })
        if ((await page.getByText(/unauthorized|not allowed/i).count()) > 0) throw new Error(`the admin is refused the ${slug} list`)
        await screenshot(page, `incentives-list-${slug}`)
      }
      await page.close()
    },
  },
]
