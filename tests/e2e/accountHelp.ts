/**
 * Account help on a person's edit view: Alpha's admin resets the lost second factor of a
 * writer, who then signs in with the password alone. Screenshot in
 * test-results/account-help-*.png.
 */
import { generateSync } from 'otplib'

import { DEMO_PASSWORD } from '../../src/seed/demoData'

import { adminPage, type Check, restClient, screenshot } from './support'

export const accountHelpChecks: Check[] = [
  {
    name: 'account help: an admin resets a writer’s lost second factor from the user’s edit view',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const writer = await rest.login('writer2@alpha.test', 'alpha')
      const started = await rest.must(200, 'POST', '/api/users/2fa/enrol', { website: 'alpha', token: writer })
      await rest.must(200, 'POST', '/api/users/2fa/confirm', { website: 'alpha', token: writer, body: { code: generateSync({ secret: started.secret }) } })
      const me = await rest.must(200, 'GET', '/api/users/me', { website: 'alpha', token: writer })
      const id = me.user.id as number

      const page = await adminPage(browser, base, 'admin@alpha.test')
      await page.goto(`${base}/admin/collections/users/${id}`)
      const help = page.getByTestId('account-security')
      await help.getByRole('button', { name: 'Reset two-factor sign-in' }).click({ timeout: 60_000 })
      await page.locator('#second-factor-reset-reason').fill('Identified by a video call; phone lost.')
      await help.locator('[data-account-action="reset-second-factor"]').click()
      await help.getByRole('status').getByText('Two-factor sign-in is off', { exact: false }).waitFor({ timeout: 30_000 })
      await screenshot(page, 'account-help-second-factor-reset')
      await page.close()

      // The password alone signs in again (a token, not a challenge); the old session is gone.
      const signIn = await rest.must(200, 'POST', '/api/users/login', { website: 'alpha', body: { email: 'writer2@alpha.test', password: DEMO_PASSWORD } })
      if (!signIn.token) throw new Error(`the writer was asked for a second factor after the reset: ${JSON.stringify(signIn)}`)
      const old = await rest.call('GET', '/api/users/me', { website: 'alpha', token: writer })
      if (old.status === 200 && old.body?.user) throw new Error('the writer’s session from before the reset still works')
    },
  },
]
