/**
 * Browser journey of issue 16's two-factor sign-in in the admin panel: Beta starts
 * requiring a second factor; its admin signs in with the password, is taken to
 * enrolment (QR code and key), confirms with the app's code, sees the recovery codes,
 * reaches the panel; signing in again asks for the code. Runs last: while it runs Beta's
 * staff and the superadmin need a factor. Screenshots in test-results/two-factor-*.png.
 */
import { generateSync } from 'otplib'

import { DEMO_PASSWORD } from '../../src/seed/demoData'

import { type Check, logIn, restClient, screenshot } from './support'

const codeOf = (secret: string, stepsAhead: number) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })

export const twoFactorChecks: Check[] = [
  {
    name: 'an admin of a website that requires two-factor sign-in enrols at the panel’s sign-in, then signs in with a code',
    run: async ({ browser, base }) => {
      const rest = restClient(base)
      const admin = await rest.login('admin@beta.test', 'beta')
      const found = await rest.must(200, 'GET', '/api/tenants?where[slug][equals]=beta&depth=0', { website: 'beta', token: admin })
      const beta = found.docs[0]?.id as number
      await rest.must(200, 'PATCH', `/api/tenants/${beta}`, { website: 'beta', token: admin, body: { settings: { features: { twoFactorRequired: true } } } })
      // Signed out at once: the token of before the rule opens nothing.
      const refused = await rest.call('GET', '/api/users?limit=1', { website: 'beta', token: admin })
      if (refused.status !== 403) throw new Error(`the admin's old token still reads users: ${refused.status}`)

      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
      await logIn(page, `${base}/admin`, 'admin@beta.test')
      await page.getByTestId('two-factor-qr').waitFor({ timeout: 60_000 })
      await screenshot(page, 'two-factor-enrol')
      const secret = (await page.getByTestId('two-factor-secret').innerText()).trim()
      await page.locator('input[name="code"]').fill(codeOf(secret, 0))
      await page.getByRole('button', { name: 'Confirm' }).click()
      const codes = page.getByTestId('recovery-codes')
      await codes.waitFor({ timeout: 30_000 })
      const recovery = (await codes.innerText()).trim().split(/\s+/)
      if (recovery.length !== 10) throw new Error(`not ten recovery codes: ${await codes.innerText()}`)
      await screenshot(page, 'two-factor-recovery-codes')
      await page.getByRole('button', { name: /I saved them/ }).click()
      await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
      await page.locator('nav').first().waitFor({ timeout: 60_000 })
      await screenshot(page, 'two-factor-in-panel')
      await page.close()

      // Again: the password, then the code.
      const again = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
      await logIn(again, `${base}/admin`, 'admin@beta.test')
      await again.getByRole('button', { name: 'Verify' }).waitFor({ timeout: 60_000 })
      await screenshot(again, 'two-factor-code-step')
      await again.locator('input[name="code"]').fill(codeOf(secret, 1))
      await again.getByRole('button', { name: 'Verify' }).click()
      await again.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
      await again.close()

      // Put Beta back as the other checks and a rerun expect it: no rule, no factor. Recovery
      // codes, since an app's code is good once and only within its 30 seconds.
      const challenge = await rest.must(200, 'POST', '/api/users/login', { website: 'beta', body: { email: 'admin@beta.test', password: DEMO_PASSWORD } })
      const signedIn = await rest.must(200, 'POST', '/api/users/login/mfa', { website: 'beta', body: { challenge: challenge.challenge, code: recovery[0] } })
      await rest.must(200, 'PATCH', `/api/tenants/${beta}`, { website: 'beta', token: signedIn.token, body: { settings: { features: { twoFactorRequired: false } } } })
      await rest.must(200, 'POST', '/api/users/2fa/disable', { website: 'beta', token: signedIn.token, body: { code: recovery[1] } })
    },
  },
]
