/**
 * The lists' "Export CSV": from the list's menu, with the list's filter and sort, the
 * file holds what the list API answers for them.
 */
import { adminPage, type Check, screenshot } from './support'

export const exportCsvChecks: Check[] = [
  {
    name: "an admin exports the filtered orders list from its menu: the CSV's rows are the list's",
    run: async ({ browser, base }) => {
      const page = await adminPage(browser, base, 'admin@alpha.test')
      // The journeys before this one paid several orders.
      const query = 'where[paymentStatus][equals]=fully_paid&sort=-number'
      await page.goto(`${base}/admin/collections/orders?${query}`)
      await page.locator('.list-controls__popup button').first().click({ timeout: 60_000 })
      const link = page.locator('a[data-export-csv]')
      await link.waitFor({ timeout: 30_000 })
      await screenshot(page, 'export-csv-menu')
      const href = (await link.getAttribute('href')) ?? ''
      if (!href.startsWith('/api/orders/export.csv?') || !href.includes('sort=-number') || !href.includes('fully_paid')) throw new Error(`the link does not carry the list's filter and sort: ${href}`)
      // The same request the download makes (the admin's cookie), and the list API's answer for the filter.
      const [csv, list] = await page.evaluate(
        async ([url, q]) => [await (await fetch(url, { credentials: 'include' })).text(), await (await fetch(`/api/orders?${q}&limit=100&depth=0`, { credentials: 'include' })).json()] as const,
        [href, query] as const,
      )
      const lines = csv.trim().split('\n')
      const header = lines[0]!.split(',')
      const numberAt = header.indexOf('number')
      if (numberAt < 0) throw new Error(`no number column: ${lines[0]}`)
      const exported = lines.slice(1).map((line) => line.split(',')[numberAt])
      const listed = (list.docs as { number: string }[]).map((doc) => doc.number)
      if (listed.length === 0) throw new Error('the list has no paid orders to export')
      if (JSON.stringify(exported) !== JSON.stringify(listed)) throw new Error(`export ${JSON.stringify(exported)} differs from the list ${JSON.stringify(listed)}`)
      await page.close()
    },
  },
]
