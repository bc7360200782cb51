import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { DEMO_PASSWORD } from '../../src/seed/demoData'
import { projectRoot } from '../helpers/compiledProcess'

/** One browser check of the e2e run: a name and what it does with the browser and the server's address. */
export type Check = { name: string; run: (ctx: { browser: Browser; base: string; port: number }) => Promise<void> }

/** Where screenshots go. */
export const results = path.join(projectRoot, 'test-results')

export const logIn = async (page: Page, url: string, email: string) => {
  await page.goto(url)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(DEMO_PASSWORD)
  await page.locator('button[type="submit"]').click()
}

/** Logs in at /admin and waits until the panel is past the login page. */
export const logInToAdmin = async (page: Page, base: string, email: string) => {
  await logIn(page, `${base}/admin`, email)
  await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
}
