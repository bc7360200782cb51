/**
 * Browser journey of issue 16's impersonation: Alpha's admin opens the demo client's
 * page, presses "Act as this user", gives the reason, sees the amber banner on their own
 * admin session, and stops it there. Screenshots in test-results/impersonation-*.png.
 */
import { adminPage, type Check, restClient, screenshot } from './support'

export const impersonationChecks: Check[] = [
  {
    name: 'an admin acts as a client from the user’s page, sees the banner, and stops',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const admin = await rest.login('admin@alpha.test', 'alpha')
      const found = await rest.must(200, 'GET', '/api/users?where[email][equals]=client@alpha.test&depth=0', { website: 'alpha', token: admin })
      const client = found.docs[0] as { id: number; email: string } | undefined
      if (!client) throw new Error('the demo client of Alpha is missing')

      const page = await adminPage(browser, base, 'admin@alpha.test')
      // The portal opens in a new tab (no portal runs here): closed as it comes.
      page.context().on('page', (popup) => void popup.close().catch(() => {}))
      await page.goto(`${base}/admin/collections/users/${client.id}`)
      const panel = page.getByTestId('act-as-user')
      await panel.getByRole('button', { name: 'Act as this user' }).click({ timeout: 60_000 })
      await panel.locator('#impersonation-reason').fill('E2E: the client cannot find the upload button')
      await screenshot(page, 'impersonation-reason')
      await panel.getByRole('button', { name: 'Start acting as this user' }).click()

      const banner = page.getByTestId('impersonation-banner')
      await banner.getByText(`You are acting as`, { exact: false }).first().waitFor({ timeout: 30_000 })
      if (!(await banner.innerText()).includes(client.email)) throw new Error(`the banner does not name the client: ${await banner.innerText()}`)
      await screenshot(page, 'impersonation-banner')
      const running = await rest.must(200, 'GET', '/api/impersonation/active', { website: 'alpha', token: admin })
      if (running.impersonations.length < 1) throw new Error('no impersonation is running after the button')

      await banner.getByRole('button', { name: 'Stop' }).first().click()
      await banner.waitFor({ state: 'detached', timeout: 30_000 })
      await screenshot(page, 'impersonation-stopped')
      const after = await rest.must(200, 'GET', '/api/impersonation/active', { website: 'alpha', token: admin })
      if (after.impersonations.length !== 0) throw new Error(`still running after stop: ${JSON.stringify(after)}`)
      await page.close()
    },
  },
]
