/** What every browser check shares: the check's shape, Chromium, logging in, the REST calls of set-ups. */
import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { DEMO_PASSWORD } from '../../src/seed/demoData'
import { projectRoot } from '../helpers/compiledProcess'

/** Where screenshots go. */
export const results = path.join(projectRoot, 'test-results')

/** One browser check of the e2e run: a name and what it does with the browser and the server's address. */
export type Check = { name: string; run: (ctx: { browser: Browser; base: string; port: number }) => Promise<void> }

export const chromiumPath = (): string => {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate
  }
  throw new Error('No Chromium found: install Debian\'s "chromium" package or set CHROMIUM_PATH.')
}

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

/** A new page logged in to the admin on the platform host. */
export const adminPage = async (browser: Browser, base: string, email: string): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await logInToAdmin(page, base, email)
  return page
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(results, `${name}.png`), fullPage: true })

type Answer = { status: number; body: any }
type CallOptions = { token?: string; website?: string; body?: unknown; headers?: Record<string, string> }

/**
 * REST against the running server for a check's set-up: `website` names the demo
 * website by `X-Tenant` (Node's fetch cannot set a Host such as alpha.localhost).
 */
export const restClient = (base: string) => {
  const call = async (method: string, url: string, options: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
    if (options.token) headers.authorization = `JWT ${options.token}`
    if (options.website) headers['x-tenant'] = options.website
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${base}${url}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
    const text = await res.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body }
  }
  /** A call that must answer `status`; throws with the answer otherwise. */
  const must = async (status: number, method: string, url: string, options?: CallOptions): Promise<any> => {
    const answer = await call(method, url, options)
    if (answer.status !== status) throw new Error(`${method} ${url}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`)
    return answer.body
  }
  return {
    call,
    must,
    login: async (email: string, website?: string): Promise<string> => (await must(200, 'POST', '/api/users/login', { website, body: { email, password: DEMO_PASSWORD } })).token as string,
  }
}

export type RestClient = ReturnType<typeof restClient>

/** Polls `probe` until it returns something, or fails with `what` after `timeoutMs`. */
export const eventually = async <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
