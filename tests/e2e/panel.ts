/**
 * The admin action panel as a user drives it: open a record's edit view once its panel
 * offers `action`, press it, fill `reason` if asked, and wait for the answer `status`
 * (a screenshot `<shots>-no-<action>` when the action never shows).
 */
import path from 'node:path'

import type { Page } from 'playwright-core'

import { results, screenshot } from './support'

const panel = (page: Page) => page.getByTestId('action-panel')
const button = (page: Page, action: string) => panel(page).locator(`[data-action="${action}"]`)
const submit = (page: Page, action: string) => panel(page).locator(`[data-action-submit="${action}"]`)

export const pressInPanel = async (page: Page, url: string, action: string, status: string, options: { reason?: string; shots: string }) => {
  await page.goto(url)
  try {
    await button(page, action).waitFor({ timeout: 60_000 })
  } catch (error) {
    await screenshot(page, `${options.shots}-no-${action}`)
    throw error
  }
  await button(page, action).click()
  if (options.reason !== undefined) {
    const input = page.locator(`#action-panel-form-${action}-reason`)
    await input.waitFor({ timeout: 10_000 })
    await input.fill(options.reason)
    await submit(page, action).click()
  } else if ((await submit(page, action).count()) > 0) await submit(page, action).click()
  const answer = panel(page).locator('[role="status"][data-answer]')
  await answer.waitFor({ timeout: 30_000 })
  const got = await answer.getAttribute('data-status')
  if (got !== status) throw new Error(`the panel answered "${await answer.innerText()}" (status ${got}), expected ${status}`)
}

/**
 * On the open edit view: press `action` once the panel offers it, fill its form's
 * `fields` (by input name), take a picture of the panel filled in (`formShot`), send it,
 * and wait for the answer `status`.
 */
export const runInPanel = async (page: Page, action: string, fields: Record<string, string>, status: string, formShot?: string) => {
  await button(page, action).waitFor({ timeout: 60_000 })
  await button(page, action).click()
  for (const [name, value] of Object.entries(fields)) await page.locator(`#action-panel-form-${action}-${name}`).fill(value)
  if (formShot) await panel(page).screenshot({ path: path.join(results, `${formShot}.png`) })
  await submit(page, action).click()
  const answer = panel(page).locator('[role="status"][data-answer]')
  await answer.waitFor({ timeout: 30_000 })
  const got = await answer.getAttribute('data-status')
  if (got !== status) throw new Error(`the panel answered "${await answer.innerText()}" (status ${got}), expected ${status}`)
}
